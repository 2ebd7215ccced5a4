using BackendLint.Text;

namespace BackendLint.Findings;

/// <summary>What users see of a rule: id, name, description, default level, tags and its doc page.</summary>
public sealed record Rule(string Id, string Name, string ShortDescription, Severity DefaultLevel, string FullDescription, string Tag)
{
    public string HelpUri => $"{ProductInfo.InformationUri}/blob/main/docs/rules/{Id}.md";

    /// <summary>The rule's doc page: what breaks, before and after, where it points, what it accepts.</summary>
    public string HelpMarkdown => RuleHelp.Markdown(Id) ?? $"{FullDescription}\n\nSee [{Id}]({HelpUri}).\n";

    /// <summary>Which file a contributor edits to fix it: 0xxx a suppression, 1xxx gallery, 2xxx build matrix, 3xxx Makefile, 4xxx the backend source tree.</summary>
    public string Area => Id[2] switch
    {
        '0' => "suppression",
        '1' => "gallery",
        '2' => "build-matrix",
        '4' => "source-tree",
        _ => "makefile",
    };

    /// <param name="identity">What identifies the problem apart from its line (backend, suffix, …), for SARIF fingerprints.</param>
    public Finding At(SourceSpan span, string message, string? backend, string identity, params RelatedLocation[] related) =>
        new(this, DefaultLevel, span, message, related, backend, identity);
}

/// <summary>A rule that did not run, and why: a source it reads could not be read.</summary>
public sealed record RuleNotRun(Rule Rule, string Reason);

/// <summary>How many findings of a rule were not reported: over the cap of one rule or of a run.</summary>
public sealed record RuleLeftOut(Rule Rule, int Count);

/// <summary>How many findings a run reports at most: a hostile input can make a check report millions of times.</summary>
public static class FindingCaps
{
    /// <summary>GitHub code scanning stores the first 5,000 results of a run: no rule reports more.</summary>
    public const int PerRule = 5_000;

    /// <summary>GitHub code scanning rejects a run of more than 25,000 results.</summary>
    public const int Total = 25_000;

    /// <summary>The caps in words, for the messages about findings left out.</summary>
    public static string Described => $"{PerRule:N0} findings of a rule and {Total:N0} in all";
}
