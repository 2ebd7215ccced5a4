using System.Text;
using BackendLint.Text;

namespace BackendLint.Parsing.Make;

/// <summary>
/// Splits a Makefile into logical lines exactly as GNU make reads them:
/// an odd number of backslashes right before the newline continues the line (a backslash
/// followed by blanks does not); outside recipes the backslash-newline and the whitespace around
/// it become one space and a <c>#</c> comments out the rest of the logical line, continuations
/// included; in a recipe the backslash-newline and the next line's leading tab are removed, as
/// make and then the shell do. A <c>define … endef</c> block is one statement, its body unread. A blank or comment line
/// inside a recipe does not end it. Comments are kept with their spans: make's own (from an
/// unescaped <c>#</c> to the end of the logical line) and a recipe's shell comment words.
/// </summary>
public static class MakefileLexer
{
    private static readonly HashSet<string> Conditionals = new(StringComparer.Ordinal) { "ifeq", "ifneq", "ifdef", "ifndef", "else", "endif" };
    private static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal) { "override", "export", "private", "unexport" };

    public static IEnumerable<MakeStatement> Statements(SourceText source, List<Comment> comments)
    {
        var text = source.Text;
        var position = 0;
        var inRecipeContext = false;
        var defineDepth = 0;
        var defineStart = 0;
        MakeLine? defineLine = null;

        while (position < text.Length)
        {
            var startsWithTab = text[position] == '\t';
            var physical = ReadPhysicalLines(text, ref position);

            if (defineDepth > 0)
            {
                // make checks a define body line for define/endef only when it does not start with a tab.
                if (!startsWithTab)
                {
                    var words = FirstWords(Join(source, physical, isRecipe: false, out _).Text);
                    if (words.Count > 0 && words[0] == "endef")
                    {
                        defineDepth--;
                        if (defineDepth == 0)
                            yield return new MakeDefine(defineLine!, DefineName(defineLine!.Text), source.Span(defineStart, physical[^1].End));
                    }
                    else if (IsDefine(words))
                        defineDepth++;
                }

                continue;
            }

            var end = physical[^1].End;
            if (startsWithTab && inRecipeContext)
            {
                var recipe = new MakeRecipeLine(Join(source, physical, isRecipe: true, out _));
                if (recipe.CommentStart() is { } shellComment)
                    comments.Add(new Comment(source.Span(shellComment, end), text[shellComment..end]));
                yield return recipe;
                continue;
            }

            var logical = Join(source, physical, isRecipe: false, out var commentStart);
            if (commentStart >= 0)
                comments.Add(new Comment(source.Span(commentStart, end), text[commentStart..end]));
            var first = FirstWords(logical.Text);
            if (first.Count == 0)
                continue; // blank or comment: a recipe goes on after it

            if (IsDefine(first))
            {
                defineStart = physical[0].Start;
                defineLine = logical;
                defineDepth = 1;
                inRecipeContext = false;
                continue;
            }

            var statement = MakeStatement.Parse(logical);
            // Conditionals may sit between a rule and its recipe lines without ending it.
            if (!Conditionals.Contains(first[0]))
                inRecipeContext = statement is MakeRule;

            yield return statement;
        }

        // make stops with "missing 'endef', unterminated 'define'": everything after it would be unread.
        if (defineDepth > 0)
        {
            var lineEnd = text.AsSpan(defineStart).IndexOfAny('\n', '\r');
            var end = lineEnd < 0 ? text.Length : defineStart + lineEnd;
            throw new InputError(source.Span(defineStart, end), "this 'define' has no 'endef'; make stops here");
        }
    }

    // The raw physical lines of one logical line, each as (start offset, end offset without the line break).
    private static List<(int Start, int End)> ReadPhysicalLines(string text, ref int position)
    {
        var lines = new List<(int, int)>();
        while (true)
        {
            var start = position;
            var end = start;
            while (end < text.Length && text[end] != '\n')
                end++;
            var next = end < text.Length ? end + 1 : end;
            if (end > start && text[end - 1] == '\r')
                end--;

            lines.Add((start, end));
            position = next;

            var backslashes = 0;
            for (var i = end - 1; i >= start && text[i] == '\\'; i--)
                backslashes++;
            if (backslashes % 2 == 0 || position >= text.Length)
                return lines;
        }
    }

    // The logical line; commentStart is the source offset of its make comment's '#', or -1.
    private static MakeLine Join(SourceText source, List<(int Start, int End)> physical, bool isRecipe, out int commentStart)
    {
        var text = source.Text;
        commentStart = -1;
        var extent = (physical[0].Start, physical[^1].End);

        // Most lines are one physical line: their text is a slice of the file, offsets need no table.
        if (physical.Count == 1)
        {
            var (start, end) = physical[0];
            if (isRecipe && start < end && text[start] == '\t')
                start++;
            if (!isRecipe)
            {
                var hash = text.IndexOf('#', start, end - start);
                if (hash >= 0 && (hash == start || text[hash - 1] != '\\'))
                    (end, commentStart) = (hash, hash);
                else if (hash >= 0)
                    start = -1; // an escaped '#': take the general path below
            }

            if (start >= 0)
                return new MakeLine(source, text[start..end], start, isRecipe, extent);
        }

        var builder = new StringBuilder();
        var offsets = new List<int>();

        for (var p = 0; p < physical.Count; p++)
        {
            var (start, end) = physical[p];
            var continued = p < physical.Count - 1;
            if (continued)
                end--; // the continuing backslash

            if (isRecipe)
            {
                // make removes the recipe prefix tab of each line; the shell then drops backslash-newline.
                if (text[start] == '\t')
                    start++;
                for (var i = start; i < end; i++)
                {
                    builder.Append(text[i]);
                    offsets.Add(i);
                }

                continue;
            }

            if (p > 0)
            {
                while (start < end && (text[start] == ' ' || text[start] == '\t'))
                    start++;
            }

            var contentEnd = end;
            if (continued)
            {
                while (contentEnd > start && (text[contentEnd - 1] == ' ' || text[contentEnd - 1] == '\t'))
                    contentEnd--;
            }

            for (var i = start; i < contentEnd; i++)
            {
                builder.Append(text[i]);
                offsets.Add(i);
            }

            if (continued && (builder.Length == 0 || builder[^1] != ' '))
            {
                builder.Append(' ');
                offsets.Add(end); // the backslash stands for the joining space
            }
        }

        var joined = builder.ToString();
        var map = offsets.ToArray();
        if (!isRecipe)
            (joined, map, commentStart) = StripComment(joined, map);
        return new MakeLine(source, joined, map, isRecipe, extent);
    }

    // make removes everything from the first '#' not escaped by a backslash; "\#" stands for '#'.
    private static (string, int[], int CommentStart) StripComment(string text, int[] offsets)
    {
        if (text.IndexOf('#') < 0)
            return (text, offsets, -1);

        var builder = new StringBuilder(text.Length);
        var map = new List<int>(offsets.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '#')
            {
                var backslashes = 0;
                for (var j = i - 1; j >= 0 && text[j] == '\\'; j--)
                    backslashes++;
                if (backslashes % 2 == 0)
                    return (builder.ToString(), map.ToArray(), offsets[i]);

                // An escaped '#': keep half of the backslashes before it, and the '#'.
                builder.Length -= (backslashes + 1) / 2;
                map.RemoveRange(map.Count - (backslashes + 1) / 2, (backslashes + 1) / 2);
            }

            builder.Append(text[i]);
            map.Add(offsets[i]);
        }

        return (builder.ToString(), map.ToArray(), -1);
    }

    // "define NAME", "define NAME =", "override define NAME": the word after 'define'.
    private static string DefineName(string text)
    {
        var words = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var define = Array.IndexOf(words, "define");
        return define >= 0 && define + 1 < words.Length ? words[define + 1] : "";
    }

    private static bool IsDefine(List<string> words) =>
        words.Count > 0 && (words[0] == "define" || (words.Count > 1 && Modifiers.Contains(words[0]) && words[1] == "define"));

    private static List<string> FirstWords(string text)
    {
        var words = new List<string>(2);
        foreach (var word in text.Split([' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(word);
            if (words.Count == 2)
                break;
        }

        return words;
    }
}
