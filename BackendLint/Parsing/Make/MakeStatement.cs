using BackendLint.Text;

namespace BackendLint.Parsing.Make;

/// <summary>What one logical Makefile line says; nothing in it is expanded or executed.</summary>
public abstract record MakeStatement(MakeLine Line)
{
    private static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal) { "override", "export", "private" };
    private static readonly HashSet<string> Conditionals = new(StringComparer.Ordinal) { "ifeq", "ifneq", "ifdef", "ifndef", "else", "endif" };
    private static readonly HashSet<string> Directives = new(StringComparer.Ordinal)
    {
        "include", "-include", "sinclude", "vpath", "export", "unexport", "override", "undefine", "load", "-load",
    };

    /// <summary>Reads one logical line; recipe lines come as <see cref="MakeRecipeLine"/>.</summary>
    public static MakeStatement Parse(MakeLine line)
    {
        if (line.IsRecipe)
            return new MakeRecipeLine(line);

        var text = line.Text;
        var start = SkipBlanks(text, 0);
        var firstWord = text[start..WordEnd(text, start)];
        if (Conditionals.Contains(firstWord))
            return new MakeDirective(line, firstWord);

        // "export NAME = value", "override NAME := value": the modifiers do not change what is assigned.
        var contentStart = start;
        while (true)
        {
            var wordEnd = WordEnd(text, contentStart);
            var word = text[contentStart..wordEnd];
            if (!Modifiers.Contains(word) || wordEnd >= text.Length)
                break;
            var next = SkipBlanks(text, wordEnd);
            if (next == wordEnd || next >= text.Length)
                break;
            contentStart = next;
        }

        var op = FindOperator(text, contentStart);
        if (op is { IsRule: false } assignment)
        {
            var nameEnd = TrimEnd(text, contentStart, assignment.Start);
            var valueStart = SkipBlanks(text, assignment.End);
            return new MakeAssignment(line, line.Token(contentStart, nameEnd), text[assignment.Start..assignment.End], valueStart);
        }

        if (Directives.Contains(firstWord))
            return new MakeDirective(line, firstWord);

        if (op is { IsRule: true } rule)
        {
            var targets = line.Words(start, rule.Start);
            var rest = rule.End;
            var semicolon = IndexOutsideReferences(text, ';', rest);
            var prerequisitesEnd = semicolon < 0 ? text.Length : semicolon;

            // "target: NAME = value" is a target-specific variable, not a list of prerequisites.
            if (FindOperator(text, rest) is { IsRule: false } variable && (semicolon < 0 || variable.Start < semicolon))
                return new MakeDirective(line, "target-specific-variable");

            var prerequisites = line.Words(rest, prerequisitesEnd).Where(w => w.Value != "|").ToList();
            return new MakeRule(line, targets, prerequisites, text[rule.Start..rule.End] == "::");
        }

        return new MakeExpressionLine(line);
    }

    private readonly record struct Operator(int Start, int End, bool IsRule);

    // GNU make decides between a rule and an assignment by whichever of ':' and '=' comes first
    // outside $(…) and ${…}; "https://…" after "?=" is part of a value.
    private static Operator? FindOperator(string text, int from)
    {
        var depth = 0;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '$' && i + 1 < text.Length && (text[i + 1] == '(' || text[i + 1] == '{'))
            {
                depth++;
                i++;
                continue;
            }

            if (depth > 0)
            {
                if (c == '(' || c == '{')
                    depth++;
                else if (c == ')' || c == '}')
                    depth--;
                continue;
            }

            if (c == '=')
            {
                var start = i > from && text[i - 1] is '+' or '?' or '!' ? i - 1 : i;
                return new Operator(start, i + 1, IsRule: false);
            }

            if (c == ':')
            {
                var colons = 1;
                while (i + colons < text.Length && text[i + colons] == ':' && colons < 3)
                    colons++;
                if (i + colons < text.Length && text[i + colons] == '=')
                    return new Operator(i, i + colons + 1, IsRule: false);
                return new Operator(i, i + Math.Min(colons, 2), IsRule: true);
            }
        }

        return null;
    }

    private static int IndexOutsideReferences(string text, char wanted, int from)
    {
        var depth = 0;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '$' && i + 1 < text.Length && (text[i + 1] == '(' || text[i + 1] == '{'))
            {
                depth++;
                i++;
            }
            else if (depth > 0 && (c == ')' || c == '}'))
            {
                depth--;
            }
            else if (depth == 0 && c == wanted)
            {
                return i;
            }
        }

        return -1;
    }

    private static int SkipBlanks(string text, int i)
    {
        while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
            i++;
        return i;
    }

    private static int WordEnd(string text, int i)
    {
        while (i < text.Length && text[i] != ' ' && text[i] != '\t')
            i++;
        return i;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t'))
            end--;
        return end;
    }
}

/// <summary><c>NAME op value</c> for every operator make knows (<c>=</c>, <c>:=</c>, <c>::=</c>, <c>:::=</c>, <c>?=</c>, <c>+=</c>, <c>!=</c>).</summary>
public sealed record MakeAssignment(MakeLine Line, Located<string> Name, string Operator, int ValueStart) : MakeStatement(Line)
{
    public string Value => Line.Text[ValueStart..].TrimEnd(' ', '\t');

    /// <summary>The value split at <paramref name="separator"/>, each field trimmed and with its span.</summary>
    public List<Located<string>> Fields(char separator)
    {
        var fields = new List<Located<string>>();
        var text = Line.Text;
        var end = ValueStart + Value.Length;
        var start = ValueStart;
        for (var i = ValueStart; i <= end; i++)
        {
            if (i < end && text[i] != separator)
                continue;
            var s = start;
            var e = i;
            while (s < e && char.IsWhiteSpace(text[s]))
                s++;
            while (e > s && char.IsWhiteSpace(text[e - 1]))
                e--;
            fields.Add(Line.Token(s, e));
            start = i + 1;
        }

        return fields;
    }
}

/// <summary><c>targets: prerequisites</c>; recipe lines follow as <see cref="MakeRecipeLine"/>s.</summary>
public sealed record MakeRule(MakeLine Line, IReadOnlyList<Located<string>> Targets, IReadOnlyList<Located<string>> Prerequisites, bool IsDoubleColon)
    : MakeStatement(Line);

public sealed record MakeRecipeLine(MakeLine Line) : MakeStatement(Line)
{
    /// <summary>The file offset of the shell comment's <c>#</c> (a word that starts with it), or null.</summary>
    public int? CommentStart()
    {
        if (!Line.Text.Contains('#', StringComparison.Ordinal))
            return null;
        foreach (var (start, _) in Line.WordRanges(0, Line.Text.Length))
        {
            if (Line.Text[start] == '#')
                return Line.Offset(start);
        }

        return null;
    }

    /// <summary>The shell words of the line, up to a shell comment; the <c>@ - +</c> prefixes removed.</summary>
    public List<Located<string>> Words()
    {
        var text = Line.Text;
        var ranges = Line.WordRanges(0, text.Length);
        var comment = ranges.FindIndex(r => text[r.Start] == '#');
        if (comment >= 0)
            ranges.RemoveRange(comment, ranges.Count - comment);
        if (ranges.Count > 0)
        {
            var (start, end) = ranges[0];
            while (start < end && text[start] is '@' or '-' or '+')
                start++;
            if (start == end)
                ranges.RemoveAt(0);
            else
                ranges[0] = (start, end);
        }

        return ranges.ConvertAll(r => Line.Token(r.Start, r.End));
    }
}

/// <summary>A directive (<c>include</c>, <c>ifeq</c>, <c>export NAME</c>, …), kept only so nothing is mistaken for a rule.</summary>
public sealed record MakeDirective(MakeLine Line, string Keyword) : MakeStatement(Line);

/// <summary>A line that is only an expansion, such as <c>$(eval $(call …))</c>.</summary>
public sealed record MakeExpressionLine(MakeLine Line) : MakeStatement(Line);

/// <summary>A <c>define NAME … endef</c> block, whole (<see cref="Extent"/>); its body is not read.</summary>
public sealed record MakeDefine(MakeLine Line, string Name, SourceSpan Extent) : MakeStatement(Line);
