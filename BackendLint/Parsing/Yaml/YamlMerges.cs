using BackendLint.Text;

namespace BackendLint.Parsing.Yaml;

/// <summary>
/// Resolves <c>&lt;&lt;</c> merge keys of one document, with YAML 1.1 precedence: a mapping's own
/// keys first, then each merged mapping in order, however deep. YamlDotNet does not apply merges.
/// Without recursion (a chain of 100,000 entries each merging the previous one is a valid file),
/// each mapping and key resolved once and shared, and within a work budget proportional to the
/// input: past it, one positioned error instead of minutes of CPU.
/// </summary>
public sealed class YamlMerges(SourceText source)
{
    /// <summary>Steps allowed per character of the source, plus <see cref="MinimumBudget"/>.</summary>
    public const long StepsPerCharacter = 4;

    public const long MinimumBudget = 1_000_000;

    private readonly long _budget = MinimumBudget + StepsPerCharacter * source.Text.Length;
    private readonly Dictionary<YamlMapping, YamlAlias[]> _sites = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(YamlMapping, string), YamlNode?> _values = new(MappingKeyComparer.Instance);
    private readonly Dictionary<YamlMapping, YamlMapping> _roots = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<YamlMapping, List<MergedPair>> _pairs = new(ReferenceEqualityComparer.Instance);
    private long _steps;

    /// <summary>The <c>*alias</c> sites a mapping merges, in precedence order: <c>&lt;&lt;: *a</c> or <c>&lt;&lt;: [*a, *b]</c>.</summary>
    public IReadOnlyList<YamlAlias> Sites(YamlMapping mapping)
    {
        if (_sites.TryGetValue(mapping, out var known))
            return known;

        var sites = new List<YamlAlias>();
        foreach (var pair in mapping.Pairs)
        {
            if (pair.KeyScalar is not { IsMergeKey: true })
                continue;
            IReadOnlyList<YamlNode> sources = pair.Value is YamlAlias single ? [single]
                : pair.Value.Resolve() is YamlSequence list ? list.Items
                : [pair.Value];
            foreach (var node in sources)
            {
                if (node is not YamlAlias { Target: YamlMapping } alias)
                    throw new InputError(node.Span, "'<<' must merge an alias of a mapping (<<: *meta) or a sequence of them (<<: [*a, *b])");
                sites.Add(alias);
            }
        }

        YamlAlias[] result = [.. sites];
        // Only an anchored mapping can be merged, and so asked again; an entry's own sites are asked once.
        if (mapping.Anchor is not null)
            _sites[mapping] = result;
        return result;
    }

    /// <summary>The value a mapping sees for <paramref name="key"/>: its own, else the first its merges give.</summary>
    public YamlNode? Get(YamlMapping start, string key)
    {
        if (_values.TryGetValue((start, key), out var known))
            return known;

        // Depth-first over the merge graph with an explicit stack; a mapping waits on the stack
        // while the merge at index Next is resolved, then goes on from there.
        var stack = new Stack<(YamlMapping Mapping, int Next)>();
        stack.Push((start, 0));
        while (stack.Count > 0)
        {
            var (mapping, next) = stack.Pop();
            Spend(mapping);
            if (next == 0 && mapping.Get(key) is { } own)
            {
                _values[(mapping, key)] = own;
                continue;
            }

            var sites = Sites(mapping);
            YamlNode? found = null;
            var waiting = false;
            for (var i = next; i < sites.Count; i++)
            {
                var target = (YamlMapping)sites[i].Target;
                if (!_values.TryGetValue((target, key), out var value))
                {
                    stack.Push((mapping, i));
                    stack.Push((target, 0));
                    waiting = true;
                    break;
                }

                if (value is not null)
                {
                    found = value;
                    break;
                }
            }

            if (!waiting)
                _values[(mapping, key)] = found;
        }

        return _values[(start, key)];
    }

    /// <summary>
    /// A field as a mapping sees it: its own pair (<c>Via</c> -1), or the value the first of its
    /// merges that has the key gives, with the index of that merge site.
    /// </summary>
    public (YamlNode Node, int Via)? Lookup(YamlMapping mapping, string key)
    {
        if (mapping.Get(key) is { } own)
            return (own, -1);
        var sites = Sites(mapping);
        for (var i = 0; i < sites.Count; i++)
        {
            if (Get((YamlMapping)sites[i].Target, key) is { } inherited)
                return (inherited, i);
        }

        return null;
    }

    /// <summary>The mapping at the root of the first-merge chain: <c>- !!merge &lt;&lt;: *vllm</c> belongs to <c>&amp;vllm</c>.</summary>
    public YamlMapping Root(YamlMapping mapping)
    {
        var path = new List<YamlMapping>();
        var current = mapping;
        while (!_roots.ContainsKey(current) && Sites(current) is [var first, ..])
        {
            Spend(current);
            path.Add(current);
            current = (YamlMapping)first.Target;
        }

        var root = _roots.GetValueOrDefault(current, current);
        foreach (var step in path.Append(current))
        {
            if (step.Anchor is not null)
                _roots[step] = root;
        }

        return root;
    }

    /// <summary>Every key a mapping sees, its own first, then each merge's in order, the first of each name kept.</summary>
    public IReadOnlyList<MergedPair> Pairs(YamlMapping start)
    {
        if (_pairs.TryGetValue(start, out var known))
            return known;

        // Merged mappings first (post-order), so each mapping's list is built from finished ones.
        var stack = new Stack<(YamlMapping Mapping, bool Expanded)>();
        foreach (var site in Sites(start))
            stack.Push(((YamlMapping)site.Target, false));
        while (stack.Count > 0)
        {
            var (mapping, expanded) = stack.Pop();
            if (_pairs.ContainsKey(mapping))
                continue;
            if (expanded)
            {
                _pairs[mapping] = Merge(mapping);
                continue;
            }

            stack.Push((mapping, true));
            foreach (var site in Sites(mapping))
            {
                if (!_pairs.ContainsKey((YamlMapping)site.Target))
                    stack.Push(((YamlMapping)site.Target, false));
            }
        }

        return Merge(start);
    }

    // The merged targets' lists are finished: own keys, then theirs in order.
    private List<MergedPair> Merge(YamlMapping mapping)
    {
        var pairs = new List<MergedPair>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in mapping.Pairs)
        {
            if (pair.KeyScalar is { IsMergeKey: false } key && seen.Add(key.Value))
                pairs.Add(new MergedPair(key, pair.Value));
        }

        foreach (var site in Sites(mapping))
        {
            foreach (var inherited in _pairs[(YamlMapping)site.Target])
            {
                Spend(mapping);
                if (seen.Add(inherited.Key.Value))
                    pairs.Add(inherited);
            }
        }

        return pairs;
    }

    private void Spend(YamlMapping at)
    {
        if (++_steps > _budget)
            throw new InputError(at.Span,
                $"resolving the '<<' merges takes more than {_budget:N0} steps ({StepsPerCharacter} per character of the file); refusing to read a merge bomb");
    }

    private sealed class MappingKeyComparer : IEqualityComparer<(YamlMapping Mapping, string Key)>
    {
        public static readonly MappingKeyComparer Instance = new();

        public bool Equals((YamlMapping Mapping, string Key) x, (YamlMapping Mapping, string Key) y) =>
            ReferenceEquals(x.Mapping, y.Mapping) && string.Equals(x.Key, y.Key, StringComparison.Ordinal);

        public int GetHashCode((YamlMapping Mapping, string Key) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Mapping), StringComparer.Ordinal.GetHashCode(obj.Key));
    }
}

/// <summary>A key a mapping sees, written on it or merged, with its value.</summary>
public readonly record struct MergedPair(YamlScalar Key, YamlNode Value);
