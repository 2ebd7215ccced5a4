using System.Text;
using BackendLint.Findings;

namespace BackendLint.Reporting;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>), escaped as the
/// Actions toolkit escapes them, and a Markdown table for the job summary: GitHub shows only
/// ten annotations of a type per step.
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

    /// <summary>GitHub refuses a step summary over 1 MiB; the table stops short of it.</summary>
    public const int MaxSummaryBytes = 1024 * 1024 - 4096;

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
