using BackendLint.Findings;

namespace BackendLint.Reporting;

/// <summary>
/// Compiler-style lines, <c>path:line:col: level: message [id]</c>, which editors and problem
/// matchers read; related locations indented under their finding; a closing summary.
/// </summary>
public static class TextReporter
{
    public static void Write(TextWriter writer, IReadOnlyList<Finding> findings, bool color)
    {
        foreach (var finding in findings)
        {
            writer.Write(Paint($"{finding.Span.ToPosition()}:", Bold, color));
            writer.Write(' ');
            writer.Write(Paint($"{finding.Level.Name()}:", ColorOf(finding.Level), color));
            writer.Write(' ');
            writer.Write(finding.PlainMessage);
            writer.Write(' ');
            writer.WriteLine(Paint($"[{finding.Rule.Id}]", Dim, color));
            foreach (var related in finding.Related)
                writer.WriteLine($"    {related.Span.ToPosition()}: note: {related.Message}");
        }

        writer.WriteLine(Summary(findings));
    }

    public static string Summary(IReadOnlyList<Finding> findings)
    {
        var errors = findings.Count(f => f.Level == Severity.Error);
        var warnings = findings.Count(f => f.Level == Severity.Warning);
        var notes = findings.Count(f => f.Level == Severity.Note);
        var backends = findings.Where(f => f.Backend is not null).Select(f => f.Backend).Distinct(StringComparer.Ordinal).Count();
        var summary = $"{Count(errors, "error")}, {Count(warnings, "warning")}";
        if (notes > 0)
            summary += $", {Count(notes, "note")}";
        return $"{summary} in {Count(backends, "backend")}";
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";

    private static string ColorOf(Severity level) => level switch
    {
        Severity.Error => "\u001b[1;31m",
        Severity.Warning => "\u001b[1;33m",
        _ => "\u001b[1;36m",
    };

    private static string Paint(string text, string code, bool color) => color ? code + text + "\u001b[0m" : text;
}
