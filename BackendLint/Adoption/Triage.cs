using BackendLint.Checks;
using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Adoption;

/// <summary>
/// Applies what a repository accepts to the findings of a run: the configured levels, inline
/// suppression comments and the configuration's <c>ignore:</c> entries. A suppressed finding is
/// kept, marked with who accepted it and why; suppressions that accept nothing (BL0001) and comments
/// that are not valid suppressions (BL0002) become findings themselves, so suppressions do not rot.
/// </summary>
public static class Triage
{
    /// <summary>The checks a run executes: every check whose rule the configuration does not turn off.</summary>
    public static IEnumerable<ICheck> Enabled(Configuration config) => CheckCatalog.All.Where(c => !config.IsOff(c.Rule.Id));

    /// <param name="findings">The engine's findings, in report order.</param>
    /// <param name="notRun">Rules that did not run: a suppression naming only those is not unused, it cannot be told.</param>
    public static List<Finding> Apply(IReadOnlyList<Finding> findings, BackendModel model, Configuration config, IReadOnlyCollection<RuleNotRun> notRun)
    {
        var ruleIds = CheckCatalog.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var silent = notRun.Select(n => n.Rule.Id).ToHashSet(StringComparer.Ordinal);
        silent.UnionWith(ruleIds.Where(config.IsOff));

        var inline = new List<InlineSuppression>();
        var extra = new List<Finding>();
        foreach (var source in model.Sources)
        {
            var (suppressions, invalid) = InlineSuppressions.Read(source, ruleIds);
            inline.AddRange(suppressions);
            extra.AddRange(invalid);
        }

        // Suppressions by what they accept: (file, line, rule), line 0 for a whole file. Each finding
        // looks up its two keys, so a file of many suppressions costs a lookup per finding, not a
        // scan; a key that accepted a finding is used, for every comment that names it.
        var byKey = inline.SelectMany(s => s.Rules.Select(id => (Key: Key(s, id), Suppression: s))).ToLookup(x => x.Key, x => x.Suppression);
        var usedKeys = new HashSet<(string, int, string)>();
        var usedEntries = new HashSet<IgnoreEntry>();
        var result = new List<Finding>(findings.Count + extra.Count);
        foreach (var finding in findings)
        {
            Suppression? suppression = null;
            // The comment on the finding's line comes before one for the whole file.
            foreach (var key in new[] { (finding.Span.File, finding.Span.StartLine, finding.Rule.Id), (finding.Span.File, 0, finding.Rule.Id) })
            {
                if (byKey[key].FirstOrDefault() is not { } s)
                    continue;
                usedKeys.Add(key);
                suppression ??= new Suppression(SuppressionKind.InSource, s.Reason, s.Span);
            }

            foreach (var entry in config.Ignores)
            {
                if (!entry.Matches(finding))
                    continue;
                usedEntries.Add(entry);
                suppression ??= new Suppression(SuppressionKind.External, entry.Reason, entry.Span);
            }

            result.Add(Leveled(finding, config) with { Suppression = suppression });
        }

        foreach (var s in inline)
        {
            foreach (var id in s.Rules)
            {
                if (usedKeys.Contains(Key(s, id)) || silent.Contains(id))
                    continue;
                var where = s.WholeFile ? "in this file" : $"on line {s.Line}";
                extra.Add(CheckCatalog.SuppressionUnused.At(s.Span,
                    $"The suppression of {id} accepts nothing: no {id} finding {where}; remove {(s.Rules.Count == 1 ? "the comment" : $"{Finding.Quote(id)} from it")}.",
                    null, $"file={s.Span.File};{(s.WholeFile ? "ignore-file" : "ignore")}={id};reason={s.Reason}"));
            }
        }

        foreach (var entry in config.Ignores)
        {
            if (usedEntries.Contains(entry) || entry.Rules.All(silent.Contains))
                continue;
            extra.Add(CheckCatalog.SuppressionUnused.At(entry.Span,
                $"The ignore entry for {entry.Describe()} accepts no finding; remove it from {Finding.Quote(config.Path ?? Configuration.DefaultPath)}.",
                null, $"config;rules={string.Join(',', entry.Rules)};backend={string.Join(',', entry.Backends)};path={string.Join(',', entry.Paths)}"));
        }

        foreach (var finding in extra)
        {
            if (!config.IsOff(finding.Rule.Id))
                result.Add(Leveled(finding, config));
        }

        result.Sort(LintEngine.Compare);
        return result;
    }

    private static (string File, int Line, string Rule) Key(InlineSuppression s, string id) => (s.Span.File, s.WholeFile ? 0 : s.Line, id);

    // A configured level overrides every finding of the rule; without one a finding keeps its own
    // level, which is the rule's default unless the check chose another for it (BL1008's identical copies).
    private static Finding Leveled(Finding finding, Configuration config) =>
        config.ConfiguredLevel(finding.Rule.Id) is { } level && level != finding.Level ? finding with { Level = level } : finding;
}
