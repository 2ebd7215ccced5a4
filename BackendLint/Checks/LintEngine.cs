using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Text;

namespace BackendLint.Checks;

/// <summary>Runs independent checks over one model; findings come sorted by file, line, column and id, without duplicates.</summary>
public static class LintEngine
{
    public static List<Finding> Run(BackendModel model, IEnumerable<ICheck>? checks = null)
    {
        var findings = new List<Finding>();
        var seen = new HashSet<(string, SourceSpan, string)>();
        foreach (var check in checks ?? CheckCatalog.All)
        {
            foreach (var finding in check.Run(model))
            {
                if (seen.Add((finding.Check.Id, finding.Span, finding.Message)))
                    findings.Add(finding);
            }
        }

        findings.Sort(Compare);
        return findings;
    }

    /// <summary>By file, line, column and rule id; then the rest of the span and the message, so the order is total.</summary>
    public static int Compare(Finding a, Finding b)
    {
        var c = string.CompareOrdinal(a.Span.File, b.Span.File);
        if (c == 0)
            c = a.Span.StartLine.CompareTo(b.Span.StartLine);
        if (c == 0)
            c = a.Span.StartColumn.CompareTo(b.Span.StartColumn);
        if (c == 0)
            c = string.CompareOrdinal(a.Check.Id, b.Check.Id);
        if (c == 0)
            c = SourceSpan.Compare(a.Span, b.Span);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }
}
