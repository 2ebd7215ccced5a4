using BackendLint.Text;

namespace BackendLint.Parsing.Script;

/// <summary>What the lexer found in a JavaScript file: its string literals and the modules it imports.</summary>
public sealed record ScriptFacts(IReadOnlyList<Located<string>> Literals, IReadOnlyList<string> Imports);

/// <summary>
/// Just enough of a JavaScript lexer to find string literals: it skips <c>//</c> and <c>/* */</c>
/// comments and regular expression literals, reads <c>'…'</c>, <c>"…"</c> and template literals
/// (whose <c>${…}</c> substitutions it skips, nested ones too), and notes the literal after
/// <c>from</c> or <c>import</c>: a module the script imports. Nothing is evaluated; text it does not
/// understand is skipped, never an error.
/// </summary>
public static class ScriptLexer
{
    public static ScriptFacts Read(SourceText source)
    {
        var text = source.Text;
        var literals = new List<Located<string>>();
        var imports = new List<string>();
        string? lastWord = null; // the identifier or keyword just before, for 'from "x"'
        var lastSignificant = '\0'; // the last character of the previous token, to tell a regex from a division
        var templateDepth = new Stack<int>(); // open '${' braces of each template being read
        var braces = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '/' && At(i + 1) == '/')
            {
                while (i < text.Length && text[i] != '\n')
                    i++;
                continue;
            }

            if (c == '/' && At(i + 1) == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
                continue;
            }

            if (c is '"' or '\'')
            {
                var start = i;
                var value = ReadQuoted(c, ref i);
                Add(start, i, value);
                lastSignificant = c;
                continue;
            }

            if (c == '`' || (c == '}' && templateDepth.Count > 0 && templateDepth.Peek() == braces))
            {
                // A template literal, or its continuation after a substitution.
                if (c == '}')
                    templateDepth.Pop();
                var start = i;
                i++;
                var value = new System.Text.StringBuilder();
                var opened = false;
                while (i < text.Length)
                {
                    var t = text[i];
                    if (t == '\\' && i + 1 < text.Length)
                    {
                        value.Append(Escape(text[i + 1]));
                        i += 2;
                        continue;
                    }

                    if (t == '`')
                    {
                        i++;
                        break;
                    }

                    if (t == '$' && At(i + 1) == '{')
                    {
                        i += 2;
                        templateDepth.Push(braces);
                        opened = true;
                        break;
                    }

                    value.Append(t);
                    i++;
                }

                if (c == '`' && !opened)
                    Add(start, i, value.ToString());
                lastSignificant = '`';
                continue;
            }

            if (c == '/' && StartsRegex(lastSignificant))
            {
                SkipRegex(ref i);
                lastSignificant = '/';
                lastWord = null;
                continue;
            }

            if (char.IsLetterOrDigit(c) || c is '_' or '$')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$'))
                    i++;
                lastWord = text[start..i];
                lastSignificant = 'a';
                continue;
            }

            if (c == '{')
                braces++;
            else if (c == '}')
                braces--;
            if (c != '(' || lastWord != "import")
                lastWord = null;
            lastSignificant = c;
            i++;
        }

        return new ScriptFacts(literals, imports);

        char At(int index) => index < text.Length ? text[index] : '\0';

        void Add(int start, int end, string value)
        {
            literals.Add(new Located<string>(value, source.Span(start, end)));
            if (lastWord is "from" or "import")
                imports.Add(value);
            lastWord = null;
        }

        string ReadQuoted(char quote, ref int index)
        {
            var value = new System.Text.StringBuilder();
            index++;
            while (index < text.Length && text[index] != quote && text[index] != '\n')
            {
                if (text[index] == '\\' && index + 1 < text.Length)
                {
                    value.Append(Escape(text[index + 1]));
                    index += 2;
                    continue;
                }

                value.Append(text[index++]);
            }

            if (index < text.Length && text[index] == quote)
                index++;
            return value.ToString();
        }

        void SkipRegex(ref int index)
        {
            var inClass = false;
            index++;
            while (index < text.Length && text[index] != '\n')
            {
                var r = text[index];
                if (r == '\\')
                {
                    index += 2;
                    continue;
                }

                if (r == '[')
                    inClass = true;
                else if (r == ']')
                    inClass = false;
                else if (r == '/' && !inClass)
                {
                    index++;
                    while (index < text.Length && char.IsLetter(text[index]))
                        index++;
                    return;
                }

                index++;
            }
        }
    }

    // A '/' after an operand (a name, a number, ')' or ']') divides; anywhere else it starts a regex.
    private static bool StartsRegex(char previous) => !(previous == 'a' || previous == ')' || previous == ']' || previous == '"' || previous == '\'' || previous == '`');

    private static char Escape(char c) => c switch
    {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        _ => c,
    };
}
