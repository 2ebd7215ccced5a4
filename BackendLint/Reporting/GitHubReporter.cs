using System.Text;
using BackendLint.Findings;

namespace BackendLint.Reporting;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>), escaped as the
/// Actions toolkit escapes them, a Markdown table for the job summary (GitHub shows only ten
/// annotations of a type per step), and the suggested fixes for it.
/// </summary>
public static class GitHubReporter
{
    public static void Write(TextWriter writer, IReadOnlyList<Finding> findings)
    {
        foreach (var f in findings)
        {
            var command = f.Level switch
            {
                Severity.Error => "error",
                Severity.Warning => "warning",
                _ => "notice",
            };
            var span = f.Span;
            var properties = new StringBuilder();
            properties.Append($"file={EscapeProperty(span.File)},line={span.StartLine},endLine={span.EndLine}");
            // The toolkit sends columns only for a span on one line.
            if (span.IsSingleLine)
                properties.Append($",col={span.StartColumn},endColumn={span.EndColumn}");
            properties.Append($",title={EscapeProperty($"{f.Rule.Id} {f.Rule.Name}")}");

            var message = new StringBuilder(f.PlainMessage);
            foreach (var related in f.Related)
                message.Append($"\n{related.Span.ToPosition()}: {related.Message}");
            writer.Write($"::{command} {properties}::{EscapeData(message.ToString())}\n");
        }
    }

    /// <summary>GitHub refuses a step's summary over 1 MiB.</summary>
    public const int StepSummaryLimit = 1024 * 1024;

    /// <summary>The table of findings stops short of GitHub's limit, and leaves room for the suggested fixes.</summary>
    public const int MaxSummaryBytes = StepSummaryLimit - 4096;

    /// <summary>The suggested fixes show at most this much diff: past it, a summary is no place to read one.</summary>
    public const int MaxFixDiffBytes = 64 * 1024;

    /// <summary>The job summary: every finding, however many annotations GitHub shows, up to GitHub's size limit.</summary>
    /// <param name="findings">The findings that count.</param>
    /// <param name="summary">The summary line, which also counts what was set aside.</param>
    public static string Summary(IReadOnlyList<Finding> findings, string? summary = null)
    {
        var builder = new StringBuilder();
        builder.Append("## BackendLint\n\n");
        // The summary line also when nothing counts: it says what was suppressed or already known.
        builder.Append(Cell(summary ?? TextReporter.Summary(findings))).Append(".\n\n");
        if (findings.Count == 0)
            return builder.ToString();
        builder.Append("| Level | Rule | Location | Message |\n|---|---|---|---|\n");
        var bytes = Encoding.UTF8.GetByteCount(builder.ToString());
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            var row = $"| {f.Level.Name()} | {f.Rule.Id} {f.Rule.Name} | `{f.Span.ToPosition().Replace('`', '\'').Replace('|', '/')}` | {Cell(f.PlainMessage)} |\n";
            bytes += Encoding.UTF8.GetByteCount(row);
            if (bytes > MaxSummaryBytes)
            {
                builder.Append($"\n{findings.Count - i:N0} more findings are left out of this summary (GitHub's limit is 1 MiB); the annotations and the SARIF file have them.\n");
                break;
            }

            builder.Append(row);
        }

        builder.Append('\n');
        return builder.ToString();
    }

    /// <summary>
    /// The job summary's section of suggested fixes: what <c>backendlint fix</c> would fix, how to apply
    /// it, and the diff in a fenced block, or a note that there is nothing to fix. The diff is text of
    /// the linted repository: its fence is longer than any run of backticks in it, so no line of the
    /// diff can close the block. A diff over <see cref="MaxFixDiffBytes"/> or over
    /// <paramref name="room"/> (what the step's summary has left) is cut, at a hunk where one fits,
    /// with a note saying so.
    /// </summary>
    /// <param name="diff">The unified diff of <c>fix --dry-run</c>; empty when nothing would change.</param>
    /// <param name="fixes">What would be fixed, in words (<c>1 finding (BL3001 1) in 'Makefile'</c>).</param>
    /// <param name="room">The bytes the section may take.</param>
    public static string FixSummary(string diff, string fixes, int room = StepSummaryLimit)
    {
        var builder = new StringBuilder("### Suggested fixes\n\n");
        if (diff.Length == 0)
            return builder.Append("Nothing to fix: no finding has a fix `backendlint fix` can apply.\n\n").ToString();

        builder.Append("`backendlint fix` would fix ").Append(Cell(fixes)).Append(". To apply the fixes, run `backendlint fix` on the repository, ")
            .Append("or save the diff below to a file and apply it with `git apply FILE` at the root of the checkout.");
        if (diff.Contains('\r', StringComparison.Ordinal))
            builder.Append(" The diff keeps the files' CRLF line ends, which copying it from this page loses: `backendlint fix --dry-run` prints it exactly.");
        builder.Append("\n\n");

        var lines = diff.Split('\n');
        if (lines[^1].Length == 0)
            lines = lines[..^1];
        // The fence and the note take at most this much: a run of backticks is at most as long as the diff.
        var budget = Math.Min(MaxFixDiffBytes, room - Encoding.UTF8.GetByteCount(builder.ToString()) - 512);
        var shown = 0;
        for (var bytes = 0; shown < lines.Length && (bytes += Encoding.UTF8.GetByteCount(lines[shown]) + 1) <= budget;)
            shown++;
        if (shown < lines.Length)
        {
            // Cut before a hunk, with its file's header when the hunk is the file's first: what is shown still applies.
            var cut = shown;
            while (cut > 0 && !lines[cut].StartsWith("@@ ", StringComparison.Ordinal) && !lines[cut].StartsWith("--- a/", StringComparison.Ordinal))
                cut--;
            if (cut >= 2 && lines[cut].StartsWith("@@ ", StringComparison.Ordinal) && lines[cut - 1].StartsWith("+++ b/", StringComparison.Ordinal))
                cut -= 2;
            if (cut > 0)
                shown = cut;
        }

        if (shown > 0)
        {
            var text = string.Join('\n', lines[..shown]) + "\n";
            var fence = new string('`', Math.Max(3, LongestRun(text, '`') + 1));
            builder.Append(fence).Append("diff\n").Append(text).Append(fence).Append("\n\n");
        }

        if (shown < lines.Length)
            builder.Append($"The diff is cut: {shown:N0} of its {lines.Length:N0} lines are shown (a job summary holds 1 MiB, and this one shows at most {MaxFixDiffBytes / 1024} KiB of diff). `backendlint fix --dry-run` prints all of it.\n\n");
        return builder.ToString();
    }

    private static int LongestRun(string text, char c)
    {
        var longest = 0;
        for (int i = 0, run = 0; i < text.Length; i++)
        {
            run = text[i] == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    public static string EscapeData(string value) => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    public static string EscapeProperty(string value) => EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");

    /// <summary>
    /// Text for a Markdown table cell that stays text: HTML's specials as entities, Markdown's
    /// punctuation backslash-escaped (a backend named <c>[x](https://…)</c> or <c>&lt;img&gt;</c> must not
    /// become a link or an image in the job summary), line breaks as spaces.
    /// </summary>
    public static string Cell(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '\r' or '\n': builder.Append(' '); break;
                case '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '(' or ')' or '#' or '+' or '!' or '|' or '~' or '@':
                    builder.Append('\\').Append(c);
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }
}
