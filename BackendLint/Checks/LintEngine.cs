using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Text;

namespace BackendLint.Checks;

/// <summary>
/// The findings of a run, the rules that could not run because an input they need was not read,
/// and how many findings of each rule were left out over the caps.
/// </summary>
public sealed record LintResult(List<Finding> Findings, IReadOnlyList<RuleNotRun> NotRun, IReadOnlyList<RuleLeftOut> LeftOut);

/// <summary>
/// Runs independent checks over one model; findings come sorted by file, line, column and id,
/// without duplicates, and capped: a hostile input can make a check report millions of times.
/// </summary>
public static class LintEngine
{
    public static LintResult Run(BackendModel model, IEnumerable<ICheck> checks) => Run(model, checks, FindingCaps.PerRule, FindingCaps.Total);

    public static LintResult Run(BackendModel model, IEnumerable<ICheck> checks, int maxPerRule, int maxTotal)
    {
        var findings = new List<Finding>();
        var notRun = new List<RuleNotRun>();
        var leftOut = new Dictionary<Rule, int>();
        foreach (var check in checks)
        {
            if ((check.Needs & ~model.Inputs) is var missing and not ModelInputs.None)
            {
                var absent = model.Absent.Where(a => missing.HasFlag(a.Key)).Select(a => a.Value).ToList();
                var unread = model.Absent.Keys.Aggregate(missing, (rest, input) => rest & ~input);
                var reasons = absent.Concat(unread == ModelInputs.None ? [] : [$"{Describe(unread)} could not be read"]);
                notRun.Add(new RuleNotRun(check.Rule, string.Join("; ", reasons)));
                continue;
            }

            // The first maxPerRule in report order, kept in a heap whose top is the last of them:
            // memory stays bounded however many a check yields.
            var kept = new PriorityQueue<Finding, Finding>(Comparer<Finding>.Create((a, b) => Compare(b, a)));
            var seen = new HashSet<(string, SourceSpan, string)>();
            foreach (var finding in check.Run(model))
            {
                if (kept.Count < maxPerRule)
                {
                    if (seen.Add(Key(finding)))
                        kept.Enqueue(finding, finding);
                    continue;
                }

                if (seen.Contains(Key(finding)))
                    continue;
                leftOut[check.Rule] = leftOut.GetValueOrDefault(check.Rule) + 1;
                if (Compare(finding, kept.Peek()) < 0)
                {
                    seen.Remove(Key(kept.Peek()));
                    kept.DequeueEnqueue(finding, finding);
                    seen.Add(Key(finding));
                }
            }

            findings.AddRange(kept.UnorderedItems.Select(i => i.Element));
        }

        findings.Sort(Compare);
        if (findings.Count > maxTotal)
        {
            foreach (var dropped in findings.Skip(maxTotal))
                leftOut[dropped.Rule] = leftOut.GetValueOrDefault(dropped.Rule) + 1;
            findings.RemoveRange(maxTotal, findings.Count - maxTotal);
        }

        var counts = leftOut.OrderBy(l => l.Key.Id, StringComparer.Ordinal).Select(l => new RuleLeftOut(l.Key, l.Value)).ToList();
        return new LintResult(findings, notRun, counts);
    }

    private static (string, SourceSpan, string) Key(Finding finding) => (finding.Rule.Id, finding.Span, finding.Message);

    private static string Describe(ModelInputs missing) => string.Join(" and ", new[]
    {
        (ModelInputs.Matrix, "the build matrix"),
        (ModelInputs.Gallery, "the gallery index"),
        (ModelInputs.Makefile, "the Makefile"),
        (ModelInputs.Tree, "the backend source tree"),
        (ModelInputs.ChangeFilter, "the change filter"),
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
