using BackendLint.Findings;

namespace BackendLint.Reporting;

/// <summary>
/// Compiler-style lines, <c>path:line:col: level: message [id]</c>, which editors and problem
/// matchers read; related locations indented under their finding; a closing summary.
/// </summary>
public static class TextReporter
{
    /// <param name="findings">Every finding; suppressed and already known ones are only counted, unless <paramref name="showSuppressed"/>.</param>
    /// <param name="knownAs">How already known findings are described ("in the baseline", "already at HEAD").</param>
    public static void Write(TextWriter writer, IReadOnlyList<Finding> findings, bool color, bool showSuppressed = false, string? knownAs = null)
    {
        foreach (var finding in findings)
        {
            if (!finding.IsActive && !showSuppressed)
                continue;
            var level = finding.Suppression is not null ? "suppressed" : finding.IsActive ? finding.Level.Name() : "known";
            writer.Write(Paint($"{finding.Span.ToPosition()}:", Bold, color));
            writer.Write(' ');
            writer.Write(Paint($"{level}:", finding.IsActive ? ColorOf(finding.Level) : Dim, color));
            writer.Write(' ');
            writer.Write(finding.PlainMessage);
            writer.Write(' ');
            writer.WriteLine(Paint($"[{finding.Rule.Id}]", Dim, color));
            foreach (var related in finding.Related)
                writer.WriteLine($"    {related.Span.ToPosition()}: note: {related.Message}");
            if (finding.Suppression is { } suppression)
                writer.WriteLine($"    {suppression.Where.ToPosition()}: note: suppressed {(suppression.Kind == SuppressionKind.InSource ? "here" : "by this entry")}: {suppression.Justification}");
            else if (!finding.IsActive)
                writer.WriteLine($"    note: {finding.Level.Name()}, {knownAs ?? "already known"}");
        }

        writer.WriteLine(Summary(findings, knownAs));
    }

    /// <summary>
    /// <c>2 errors, 1 warning in 3 backends</c>, counting what counts, then what was set aside:
    /// <c>(27 suppressed, 4 in the baseline)</c>.
    /// </summary>
    public static string Summary(IReadOnlyList<Finding> findings, string? knownAs = null)
    {
        var active = findings.Where(f => f.IsActive).ToList();
        var errors = active.Count(f => f.Level == Severity.Error);
        var warnings = active.Count(f => f.Level == Severity.Warning);
        var notes = active.Count(f => f.Level == Severity.Note);
        var backends = active.Where(f => f.Backend is not null).Select(f => f.Backend).Distinct(StringComparer.Ordinal).Count();
        var summary = $"{Count(errors, "error")}, {Count(warnings, "warning")}";
        if (notes > 0)
            summary += $", {Count(notes, "note")}";
        summary += $" in {Count(backends, "backend")}";

        var suppressed = findings.Count(f => f.Suppression is not null);
        var known = findings.Count(f => f.Suppression is null && !f.IsActive);
        var aside = new List<string>();
        if (suppressed > 0)
            aside.Add($"{suppressed} suppressed");
        if (known > 0)
            aside.Add($"{known} {knownAs ?? "already known"}");
        return aside.Count == 0 ? summary : $"{summary} ({string.Join(", ", aside)})";
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
