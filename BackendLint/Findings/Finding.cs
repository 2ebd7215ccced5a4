using System.Security.Cryptography;
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

    /// <summary>Why the finding is not reported, when a comment or the configuration accepts it.</summary>
    public Suppression? Suppression { get; init; }

    /// <summary>New or already known, when the run compares with a baseline or a git revision.</summary>
    public BaselineState Baseline { get; init; }

    /// <summary>The edits that repair it, when they need no decision; <c>backendlint fix</c> applies them.</summary>
    public Fix? Fix { get; init; }

    /// <summary>Whether the finding counts: neither suppressed nor already known.</summary>
    public bool IsActive => Suppression is null && Baseline != BaselineState.Unchanged;

    /// <summary>
    /// What identifies the problem, not where it is: the rule and the identity (backend, suffix,
    /// target…), never a line or a file name. It survives edits above the finding, reordered entries,
    /// other backends added, and the build matrix moving from the workflow to the data file.
    /// </summary>
    public string Fingerprint => Fingerprints.Of(Rule.Id, Identity);

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

/// <summary>The stable fingerprints of findings: SARIF <c>partialFingerprints</c>, baselines, <c>--new-since</c>.</summary>
public static class Fingerprints
{
    /// <summary>The SARIF <c>partialFingerprints</c> key; v1 also hashed the file name, so moving a file changed every alert.</summary>
    public const string Key = "backendlint/v2";

    public static string Of(string ruleId, string identity)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{ruleId}\n{identity}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}

/// <summary>Where a suppression was written: in the source next to the finding, or in the configuration.</summary>
public enum SuppressionKind
{
    /// <summary>A <c># backendlint: ignore[…]</c> comment in the file of the finding (SARIF <c>inSource</c>).</summary>
    InSource,

    /// <summary>An <c>ignore:</c> entry of <c>.backendlint.yml</c> (SARIF <c>external</c>).</summary>
    External,
}

/// <summary>A finding someone accepted: how, why (the required reason), and where they wrote it.</summary>
public sealed record Suppression(SuppressionKind Kind, string Justification, SourceSpan Where);

/// <summary>A finding's state against a baseline or a git revision (SARIF <c>baselineState</c>).</summary>
public enum BaselineState
{
    /// <summary>No baseline or revision was given.</summary>
    None,

    /// <summary>Not in the baseline, or not found at the revision: it counts.</summary>
    New,

    /// <summary>In the baseline, or already there at the revision: reported only as known.</summary>
    Unchanged,
}
