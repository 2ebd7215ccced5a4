using BackendLint.Findings;
using BackendLint.Parsing.Yaml;
using BackendLint.Text;
using Microsoft.Extensions.FileSystemGlobbing;

namespace BackendLint.Adoption;

/// <summary>
/// <c>.backendlint.yml</c>: per-rule levels, accepted findings (<c>ignore:</c>), the source paths
/// and the baseline (docs/configuration.md, schema in docs/backendlint.schema.json). Every value
/// keeps its position, so a mistake in the file is reported at its line and column.
/// </summary>
public sealed class Configuration
{
    public const string DefaultPath = ".backendlint.yml";

    public static Configuration Empty { get; } = new(null, new Dictionary<string, Severity?>(), [], new Dictionary<string, Located<string>>());

    public Configuration(string? path, IReadOnlyDictionary<string, Severity?> levels, IReadOnlyList<IgnoreEntry> ignores, IReadOnlyDictionary<string, Located<string>> paths)
    {
        Path = path;
        Levels = levels;
        Ignores = ignores;
        Paths = paths;
    }

    /// <summary>The file it was read from, repository-relative; null for no configuration.</summary>
    public string? Path { get; }

    /// <summary>A rule's level; null means the rule is off.</summary>
    public IReadOnlyDictionary<string, Severity?> Levels { get; }

    public IReadOnlyList<IgnoreEntry> Ignores { get; }

    /// <summary><c>matrix</c>, <c>workflow</c>, <c>index</c>, <c>makefile</c> and <c>baseline</c>, as written.</summary>
    public IReadOnlyDictionary<string, Located<string>> Paths { get; }

    public bool IsOff(string ruleId) => Levels.TryGetValue(ruleId, out var level) && level is null;

    public Severity LevelOf(Rule rule) => Levels.TryGetValue(rule.Id, out var level) && level is { } set ? set : rule.DefaultLevel;

    /// <summary>The level the configuration sets for a rule, or null when it sets none (or turns it off).</summary>
    public Severity? ConfiguredLevel(string ruleId) => Levels.GetValueOrDefault(ruleId);

    public string? PathOf(string key) => Paths.TryGetValue(key, out var value) ? value.Value : null;
}

/// <summary>An <c>ignore:</c> entry: the rules it accepts, where, and why.</summary>
public sealed record IgnoreEntry(SourceSpan Span, IReadOnlyList<string> Rules, IReadOnlyList<string> Backends, IReadOnlyList<string> Paths, string Reason)
{
    private readonly Matcher? _backends = Glob(Backends);
    private readonly Matcher? _paths = Glob(Paths);

    /// <summary>
    /// The rule is listed, and so are the finding's backend and file when the entry names globs for
    /// them. A finding with no backend (a Makefile eval naming no definition) never matches a
    /// <c>backend</c> glob.
    /// </summary>
    public bool Matches(Finding finding) =>
        Rules.Contains(finding.Rule.Id)
        && (_backends is null || (finding.Backend is { } backend && _backends.Match(backend).HasMatches))
        && (_paths is null || _paths.Match(finding.Span.File).HasMatches);

    /// <summary>What the entry says, for the message when it matches nothing.</summary>
    public string Describe()
    {
        var what = string.Join(", ", Rules);
        if (Backends.Count > 0)
            what += $" for backend {string.Join(", ", Backends.Select(Finding.Quote))}";
        if (Paths.Count > 0)
            what += $" in {string.Join(", ", Paths.Select(Finding.Quote))}";
        return what;
    }

    private static Matcher? Glob(IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0)
            return null;
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(patterns);
        return matcher;
    }
}

/// <summary>Reads <c>.backendlint.yml</c> strictly: an unknown key, a wrong type, an unknown rule or an entry without a reason is an <see cref="InputError"/> at its position.</summary>
public static class ConfigurationReader
{
    public static readonly string[] PathKeys = ["matrix", "workflow", "index", "makefile", "change-filter", "baseline"];
    private static readonly string[] TopKeys = ["rules", "ignore", .. PathKeys];
    private static readonly string[] EntryKeys = ["rule", "backend", "path", "reason"];
    private static readonly string[] Levels = ["off", "note", "warning", "error"];

    /// <param name="ruleIds">Every rule id there is: a level or an entry for another id is a mistake.</param>
    public static Configuration Read(SourceText source, IReadOnlyCollection<string> ruleIds)
    {
        var root = YamlDocumentReader.Read(source).Root?.Resolve();
        if (root is null || root is YamlScalar { IsNull: true })
            return new Configuration(source.Path, new Dictionary<string, Severity?>(), [], new Dictionary<string, Located<string>>());
        var top = Mapping(root, "the configuration");

        var levels = new Dictionary<string, Severity?>(StringComparer.Ordinal);
        var ignores = new List<IgnoreEntry>();
        var paths = new Dictionary<string, Located<string>>(StringComparer.Ordinal);
        foreach (var (key, value) in Pairs(top, TopKeys, "the configuration"))
        {
            switch (key.Value)
            {
                case "rules":
                    foreach (var (id, level) in Pairs(Mapping(value, "'rules'"), null, "'rules'"))
                    {
                        KnownRule(id, ruleIds);
                        var word = Text(level, $"the level of {id.Value}");
                        levels[id.Value] = word.Value switch
                        {
                            "off" => null,
                            "note" => Severity.Note,
                            "warning" => Severity.Warning,
                            "error" => Severity.Error,
                            _ => throw new InputError(word.ValueSpan, $"'{word.Value}' is not a level: use one of {string.Join(", ", Levels)}"),
                        };
                    }

                    break;
                case "ignore":
                    if (value.Resolve() is YamlScalar { IsNull: true })
                        break;
                    if (value.Resolve() is not YamlSequence list)
                        throw new InputError(value.Span, "'ignore' must be a list of entries, each with 'rule' and 'reason'");
                    foreach (var item in list.Items)
                        ignores.Add(Entry(item, ruleIds));
                    break;
                default:
                    var path = Text(value, $"'{key.Value}'");
                    if (path.Value.Trim().Length == 0)
                        throw new InputError(StartOf(path.Span), $"'{key.Value}' is empty: give a path relative to the repository root");
                    paths[key.Value] = path.Located;
                    break;
            }
        }

        return new Configuration(source.Path, levels, ignores, paths);
    }

    private static IgnoreEntry Entry(YamlNode node, IReadOnlyCollection<string> ruleIds)
    {
        var entry = Mapping(node, "an 'ignore' entry");
        List<string>? rules = null;
        List<string> backends = [], paths = [];
        string? reason = null;
        foreach (var (key, value) in Pairs(entry, EntryKeys, "an 'ignore' entry"))
        {
            switch (key.Value)
            {
                case "rule":
                    rules = [];
                    foreach (var id in Strings(value, "'rule'"))
                        rules.Add(KnownRule(id, ruleIds));
                    if (rules.Count == 0)
                        throw new InputError(value.Span, "'rule' is empty: name the rule ids this entry accepts");
                    break;
                case "backend":
                    backends = Patterns(value, "'backend'");
                    break;
                case "path":
                    paths = Patterns(value, "'path'");
                    break;
                default:
                    var text = Text(value, "'reason'");
                    if (text.Value.Trim().Length == 0)
                        throw new InputError(StartOf(text.Span), "'reason' is empty: say why these findings are accepted");
                    reason = text.Value.Trim();
                    break;
            }
        }

        if (rules is null)
            throw new InputError(StartOf(entry.Span), "this 'ignore' entry has no 'rule': name the rule ids it accepts");
        if (reason is null)
            throw new InputError(StartOf(entry.Span), "this 'ignore' entry has no 'reason': say why these findings are accepted");
        return new IgnoreEntry(entry.Span, rules, backends, paths, reason);
    }

    private static List<string> Patterns(YamlNode value, string what)
    {
        var patterns = new List<string>();
        foreach (var pattern in Strings(value, what))
        {
            if (pattern.Value.Trim().Length == 0)
                throw new InputError(StartOf(pattern.Span), $"{what} has an empty pattern");
            patterns.Add(pattern.Value);
        }

        return patterns;
    }

    private static string KnownRule(YamlScalar id, IReadOnlyCollection<string> ruleIds)
    {
        if (ruleIds.Contains(id.Value))
            return id.Value;
        var hint = ruleIds.FirstOrDefault(r => string.Equals(r, id.Value, StringComparison.OrdinalIgnoreCase));
        throw new InputError(id.ValueSpan, $"'{id.Value}' is not a rule id" + (hint is null ? "; 'backendlint rules' lists them" : $"; did you mean '{hint}'?"));
    }

    private static IEnumerable<YamlScalar> Strings(YamlNode node, string what) => node.Resolve() switch
    {
        YamlSequence list => list.Items.Select(i => Text(i, what)),
        _ => [Text(node, what)],
    };

    private static YamlScalar Text(YamlNode node, string what) => node.Resolve() switch
    {
        // A quoted '' is a value, empty: the caller says why that is wrong.
        YamlScalar scalar when !scalar.IsNull || scalar.Style != YamlDotNet.Core.ScalarStyle.Plain => scalar,
        YamlScalar scalar => throw new InputError(scalar.Span, $"{what} has no value"),
        var other => throw new InputError(StartOf(other.Span), $"{what} must be a string"),
    };

    private static YamlMapping Mapping(YamlNode node, string what) => node.Resolve() as YamlMapping
        ?? throw new InputError(StartOf(node.Span), $"{what} must be a mapping");

    private static IEnumerable<(YamlScalar Key, YamlNode Value)> Pairs(YamlMapping mapping, string[]? keys, string what)
    {
        foreach (var pair in mapping.Pairs)
        {
            if (pair.KeyScalar is not { } key)
                throw new InputError(StartOf(pair.Key.Span), $"a key in {what} must be a string");
            if (keys is not null && !keys.Contains(key.Value))
            {
                var near = keys.FirstOrDefault(k => Near(k, key.Value));
                throw new InputError(key.ValueSpan, $"unknown key '{key.Value}' in {what}; expected {string.Join(", ", keys)}" + (near is null ? "" : $" (did you mean '{near}'?)"));
            }

            yield return (key, pair.Value);
        }
    }

    private static bool Near(string a, string b) =>
        a.StartsWith(b, StringComparison.OrdinalIgnoreCase) || b.StartsWith(a, StringComparison.OrdinalIgnoreCase) || (a.Length == b.Length && a.Zip(b).Count(p => p.First != p.Second) <= 1);

    private static SourceSpan StartOf(SourceSpan span) => span with { EndLine = span.StartLine, EndColumn = span.StartColumn };
}
