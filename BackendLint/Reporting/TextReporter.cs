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
    /// <param name="checkedBackends">How many backends the sources name, for the summary; null leaves the total out.</param>
    /// <param name="path">How a repository-relative path is shown: relative to the current directory, so editors open it.</param>
    public static void Write(TextWriter writer, IReadOnlyList<Finding> findings, bool color, bool showSuppressed = false, string? knownAs = null, int? checkedBackends = null, Func<string, string>? path = null)
    {
        path ??= p => p;
        string Position(Text.SourceSpan span) => $"{path(span.File)}:{span.StartLine}:{span.StartColumn}";
        foreach (var finding in findings)
        {
            if (!finding.IsActive && !showSuppressed)
                continue;
            var level = finding.Suppression is not null ? "suppressed" : finding.IsActive ? finding.Level.Name() : "known";
            writer.Write(Paint($"{Position(finding.Span)}:", Bold, color));
            writer.Write(' ');
            writer.Write(Paint($"{level}:", finding.IsActive ? ColorOf(finding.Level) : Dim, color));
            writer.Write(' ');
            writer.Write(finding.PlainMessage);
            writer.Write(' ');
            if (finding.Fix is not null)
                writer.Write(Paint("(fixable) ", Dim, color));
            writer.WriteLine(Paint($"[{finding.Rule.Id}]", Dim, color));
            foreach (var related in finding.Related)
                writer.WriteLine($"    {Position(related.Span)}: note: {related.Message}");
            if (finding.Suppression is { } suppression)
                writer.WriteLine($"    {Position(suppression.Where)}: note: suppressed {(suppression.Kind == SuppressionKind.InSource ? "here" : "by this entry")}: {suppression.Justification}");
            else if (!finding.IsActive)
                writer.WriteLine($"    note: {finding.Level.Name()}, {knownAs ?? "already known"}");
        }

        writer.WriteLine(Summary(findings, knownAs, checkedBackends));
    }

    /// <summary>
    /// <c>2 errors, 1 warning in 3 of 83 backends</c>, counting what counts, then what was set aside:
    /// <c>(27 suppressed, 4 in the baseline)</c>.
    /// </summary>
    public static string Summary(IReadOnlyList<Finding> findings, string? knownAs = null, int? checkedBackends = null)
    {
        var active = findings.Where(f => f.IsActive).ToList();
        var errors = active.Count(f => f.Level == Severity.Error);
        var warnings = active.Count(f => f.Level == Severity.Warning);
        var notes = active.Count(f => f.Level == Severity.Note);
        var backends = active.Where(f => f.Backend is not null).Select(f => f.Backend).Distinct(StringComparer.Ordinal).Count();
        var summary = $"{Count(errors, "error")}, {Count(warnings, "warning")}";
        if (notes > 0)
            summary += $", {Count(notes, "note")}";
        summary += checkedBackends is { } total ? $" in {backends} of {Count(total, "backend")}" : $" in {Count(backends, "backend")}";

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
