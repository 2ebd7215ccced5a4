using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Text;

namespace BackendLint.Checks;

/// <summary>The findings of a run, and the rules that could not run because an input they need was not read.</summary>
public sealed record LintResult(List<Finding> Findings, IReadOnlyList<RuleNotRun> NotRun);

/// <summary>Runs independent checks over one model; findings come sorted by file, line, column and id, without duplicates.</summary>
public static class LintEngine
{
    public static LintResult Run(BackendModel model, IEnumerable<ICheck> checks)
    {
        var findings = new List<Finding>();
        var notRun = new List<RuleNotRun>();
        var seen = new HashSet<(string, SourceSpan, string)>();
        foreach (var check in checks)
        {
            if ((check.Needs & ~model.Inputs) is var missing and not ModelInputs.None)
            {
                notRun.Add(new RuleNotRun(check.Rule, $"{Describe(missing)} could not be read"));
                continue;
            }

            foreach (var finding in check.Run(model))
            {
                if (seen.Add((finding.Rule.Id, finding.Span, finding.Message)))
                    findings.Add(finding);
            }
        }

        findings.Sort(Compare);
        return new LintResult(findings, notRun);
    }

    private static string Describe(ModelInputs missing) => string.Join(" and ", new[]
    {
        (ModelInputs.Matrix, "the build matrix"),
        (ModelInputs.Gallery, "the gallery index"),
        (ModelInputs.Makefile, "the Makefile"),
    }.Where(x => missing.HasFlag(x.Item1)).Select(x => x.Item2));

    /// <summary>By file, line, column and rule id; then the rest of the span and the message, so the order is total.</summary>
    public static int Compare(Finding a, Finding b)
    {
        var c = string.CompareOrdinal(a.Span.File, b.Span.File);
        if (c == 0)
            c = a.Span.StartLine.CompareTo(b.Span.StartLine);
        if (c == 0)
            c = a.Span.StartColumn.CompareTo(b.Span.StartColumn);
        if (c == 0)
            c = string.CompareOrdinal(a.Rule.Id, b.Rule.Id);
        if (c == 0)
            c = SourceSpan.Compare(a.Span, b.Span);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }
}
