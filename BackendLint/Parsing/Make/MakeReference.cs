namespace BackendLint.Parsing.Make;

/// <summary>
/// One <c>$(…)</c> or <c>${…}</c> of a logical line, read without expanding it: a variable
/// reference (<c>$(BACKEND_VLLM)</c>) or a function call (<c>$(call name,arg)</c>) with the
/// ranges of its arguments. <c>eval</c> takes its whole text as one argument, as make does.
/// </summary>
public sealed record MakeReference(int Start, int End, string Name, bool IsFunction, IReadOnlyList<(int Start, int End)> Arguments)
{
    private static readonly HashSet<string> SingleArgumentFunctions = new(StringComparer.Ordinal) { "eval", "value", "shell", "strip", "sort", "words", "firstword", "lastword", "dir", "notdir", "abspath", "realpath", "wildcard", "info", "warning", "error", "origin", "flavor" };

    public static MakeReference? At(string text, int start)
    {
        while (start < text.Length && (text[start] == ' ' || text[start] == '\t'))
            start++;
        if (start + 1 >= text.Length || text[start] != '$' || (text[start + 1] != '(' && text[start + 1] != '{'))
            return null;

        var open = text[start + 1];
        var close = open == '(' ? ')' : '}';
        var contentStart = start + 2;
        var nameEnd = contentStart;
        while (nameEnd < text.Length && text[nameEnd] != ' ' && text[nameEnd] != '\t' && text[nameEnd] != close && text[nameEnd] != '$')
            nameEnd++;
        var name = text[contentStart..nameEnd];

        var arguments = new List<(int, int)>();
        var isFunction = nameEnd < text.Length && (text[nameEnd] == ' ' || text[nameEnd] == '\t');
        var argumentStart = isFunction ? nameEnd + 1 : nameEnd;
        var splitsOnCommas = isFunction && !SingleArgumentFunctions.Contains(name);
        var depth = 0;
        for (var i = argumentStart; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '(' || c == '{')
            {
                depth++;
            }
            else if ((c == ')' || c == '}') && depth > 0)
            {
                depth--;
            }
            else if (c == close && depth == 0)
            {
                if (isFunction)
                    arguments.Add((argumentStart, i));
                return new MakeReference(start, i + 1, name, isFunction, arguments);
            }
            else if (c == ',' && depth == 0 && splitsOnCommas)
            {
                arguments.Add((argumentStart, i));
                argumentStart = i + 1;
            }
        }

        return null; // unterminated: make would complain; we only decline to understand it
    }
}
