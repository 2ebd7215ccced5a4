using System.Text;
using BackendLint.Text;

namespace BackendLint.Findings;

/// <summary>A counterpart in another place: where the missing piece goes, or what disagrees.</summary>
public sealed record RelatedLocation(SourceSpan Span, string Message);

/// <summary>
/// One problem at one exact token. <see cref="Message"/> is one sentence; it may reference a
/// related location as <c>[text](n)</c> (n counts from 1), the SARIF embedded-link form that the
/// text reporter prints as plain <c>text</c>.
/// </summary>
public sealed record Finding(
    Rule Rule,
    Severity Level,
    SourceSpan Span,
    string Message,
    IReadOnlyList<RelatedLocation> Related,
    string? Backend,
    string Identity)
{
    /// <summary>The message without link markup.</summary>
    public string PlainMessage => Plain(Message);

    /// <summary>
    /// A value from the repository for a message: in single quotes, brackets escaped so SARIF does not
    /// read a link, and control characters shown escaped (<c>\n</c>, <c>\u001B</c>) so no format can be
    /// made to print a line break (a workflow command such as <c>::add-mask::</c> starts a line), a
    /// terminal escape, or text that reads in another order than it is stored (bidirectional overrides).
    /// </summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '[': builder.Append("\\["); break;
                case ']': builder.Append("\\]"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F')
                        builder.Append($"\\u{(int)c:X4}");
                    else
                        builder.Append(c);
                    break;
            }
        }

        return builder.Append('\'').ToString();
    }

    public static string Plain(string message)
    {
        var builder = new StringBuilder(message.Length);
        for (var i = 0; i < message.Length; i++)
        {
            var c = message[i];
            if (c == '\\' && i + 1 < message.Length && message[i + 1] is '[' or ']' or '\\')
            {
                builder.Append(message[++i]);
                continue;
            }

            // "[text](3)" → "text"
            if (c == ']' && i + 1 < message.Length && message[i + 1] == '(')
            {
                var close = message.IndexOf(')', i + 2);
                if (close > i + 2 && int.TryParse(message.AsSpan(i + 2, close - i - 2), out _))
                {
                    i = close;
                    continue;
                }
            }

            if (c == '[')
                continue;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
