using BackendLint.Model;
using BackendLint.Parsing.Yaml;
using BackendLint.Text;

namespace BackendLint.Parsing.Gallery;

/// <summary>
/// Reads <c>backend/index.yaml</c>: a top-level sequence of entries, metas defined with an anchor
/// (<c>- &amp;vllm</c>) and images written <c>- !!merge &lt;&lt;: *vllm</c> (also plain <c>&lt;&lt;: *x</c> and
/// <c>&lt;&lt;: [*a, *b]</c>). YamlDotNet does not apply <c>&lt;&lt;</c>, so the merge happens here, with
/// YAML 1.1 precedence: own keys first, then each merged mapping in order.
/// </summary>
public static class GalleryIndexReader
{
    public static GalleryIndex Read(SourceFile source)
    {
        var root = YamlDocumentReader.Read(source);
        if (root?.Resolve() is not YamlSequence sequence)
            throw new InputError(root?.Span ?? new SourceSpan(source.Path, 1, 1, 1, 1),
                "the top level of the gallery index must be a sequence of backend entries");

        var reader = new Reader(source);
        var mappings = new List<YamlMapping>(sequence.Items.Count);
        foreach (var item in sequence.Items)
        {
            if (item.Resolve() is not YamlMapping mapping)
                throw new InputError(item.Span, "a gallery entry must be a mapping with 'name', 'uri', 'capabilities', …");
            mappings.Add(mapping);
        }

        var entries = new List<GalleryEntry>(mappings.Count);
        for (var i = 0; i < mappings.Count; i++)
            entries.Add(reader.Entry(i, mappings[i]));
        return new GalleryIndex(source.Path, entries);
    }

    private sealed class Reader(SourceFile source)
    {
        private readonly Dictionary<YamlMapping, Dictionary<string, (YamlPair Pair, SourceSpan? MergedAt)>> _effective = new(ReferenceEqualityComparer.Instance);

        public GalleryEntry Entry(int index, YamlMapping mapping)
        {
            var fields = Effective(mapping);
            var name = Scalar(fields, "name");
            var uri = Scalar(fields, "uri");
            var mirrors = Mirrors(fields);

            return new GalleryEntry
            {
                Index = index,
                Span = mapping.Span,
                Anchor = mapping.Anchor,
                Merges = MergeSites(mapping).Select(a => new Located<string>(a.Name, a.Span)).ToList(),
                Name = name,
                Alias = Scalar(fields, "alias"),
                Uri = uri,
                Image = uri is null ? null : ParseImage(fields["uri"].Pair.Value.Resolve() as YamlScalar, uri),
                Mirrors = mirrors.Select(m => m.Value).ToList(),
                MirrorImages = mirrors.Select(m => ParseImage(m.Node, m.Value)).ToList(),
                Capabilities = Capabilities(fields),
                MetaName = MetaName(mapping) ?? name?.Text,
            };
        }

        // The fields of a mapping after merges; memoised, since ~900 images merge ~70 metas.
        private Dictionary<string, (YamlPair Pair, SourceSpan? MergedAt)> Effective(YamlMapping mapping)
        {
            if (_effective.TryGetValue(mapping, out var known))
                return known;

            var fields = new Dictionary<string, (YamlPair, SourceSpan?)>(StringComparer.Ordinal);
            foreach (var pair in mapping.Pairs)
            {
                if (pair.KeyScalar is { IsMergeKey: false } key)
                    fields[key.Value] = (pair, null);
            }

            foreach (var alias in MergeSites(mapping))
            {
                foreach (var (key, inherited) in Effective((YamlMapping)alias.Target.Resolve()))
                    fields.TryAdd(key, (inherited.Pair, alias.Span)); // the site in this entry, however deep the chain
            }

            _effective[mapping] = fields;
            return fields;
        }

        private static IEnumerable<YamlAlias> MergeSites(YamlMapping mapping)
        {
            foreach (var pair in mapping.Pairs)
            {
                if (pair.KeyScalar is not { IsMergeKey: true })
                    continue;

                var sources = pair.Value is YamlAlias single ? [single]
                    : pair.Value.Resolve() is YamlSequence list ? list.Items
                    : [pair.Value];
                foreach (var node in sources)
                {
                    if (node is not YamlAlias { Target: YamlMapping } alias)
                        throw new InputError(node.Span, "'<<' must merge an alias of a mapping (<<: *meta) or a sequence of them (<<: [*a, *b])");
                    yield return alias;
                }
            }
        }

        // The root of the first-merge chain: `- !!merge <<: *vllm` belongs to the meta named by `&vllm`.
        private static string? MetaName(YamlMapping mapping)
        {
            var current = mapping;
            while (MergeSites(current).FirstOrDefault() is { } first)
                current = (YamlMapping)first.Target;
            return current == mapping ? null : (current.Get("name") as YamlScalar)?.Value;
        }

        private static GalleryValue? Scalar(Dictionary<string, (YamlPair Pair, SourceSpan? MergedAt)> fields, string key)
        {
            if (!fields.TryGetValue(key, out var field))
                return null;
            if (field.Pair.Value.Resolve() is not YamlScalar scalar)
                throw new InputError(field.Pair.Value.Span, $"'{key}' must be a string");
            return new GalleryValue(scalar.Located, field.MergedAt);
        }

        private static List<(GalleryValue Value, YamlScalar Node)> Mirrors(Dictionary<string, (YamlPair Pair, SourceSpan? MergedAt)> fields)
        {
            if (!fields.TryGetValue("mirrors", out var field))
                return [];
            var value = field.Pair.Value.Resolve();
            if (value is YamlScalar { Value: "" })
                return [];
            if (value is not YamlSequence sequence)
                throw new InputError(value.Span, "'mirrors' must be a sequence of image references");
            return sequence.Items.Select(item => item.Resolve() is YamlScalar s
                ? (new GalleryValue(s.Located, field.MergedAt), s)
                : throw new InputError(item.Span, "a mirror must be an image reference string")).ToList();
        }

        private static List<Capability> Capabilities(Dictionary<string, (YamlPair Pair, SourceSpan? MergedAt)> fields)
        {
            if (!fields.TryGetValue("capabilities", out var field))
                return [];
            var value = field.Pair.Value.Resolve();
            if (value is YamlScalar { Value: "" })
                return [];
            if (value is not YamlMapping map)
                throw new InputError(value.Span, "'capabilities' must map a capability to an entry name");

            var capabilities = new List<Capability>(map.Pairs.Count);
            foreach (var pair in map.Pairs)
            {
                if (pair.KeyScalar is not { } key || pair.Value.Resolve() is not YamlScalar target)
                    throw new InputError(pair.Value.Span, "a capability must map a name to an entry name");
                capabilities.Add(new Capability(key.Located, target.Located, field.MergedAt));
            }

            return capabilities;
        }

        private ImageReference ParseImage(YamlScalar? node, GalleryValue value)
        {
            var text = value.Text;
            var lastSlash = text.LastIndexOf('/');
            var at = text.IndexOf('@', Math.Max(lastSlash, 0));
            var colon = text.IndexOf(':', lastSlash + 1);
            if (at >= 0 || colon < 0 || node is null)
                return new ImageReference(at >= 0 ? text[..at] : colon >= 0 ? text[..colon] : text, null, TagChannel.Other, null);

            var tagStart = colon + 1;
            var tag = new Located<string>(text[tagStart..], YamlSpans.Within(source, node, tagStart, text.Length - tagStart));
            var channel = ChannelOf(tag.Value, out var prefixLength);
            Located<string>? suffix = null;
            if (channel != TagChannel.Other)
            {
                var suffixStart = tagStart + prefixLength;
                suffix = new Located<string>(text[suffixStart..],
                    suffixStart < text.Length ? YamlSpans.Within(source, node, suffixStart, text.Length - suffixStart) : tag.Span);
            }

            return new ImageReference(text[..colon], tag, channel, suffix);
        }

        private static TagChannel ChannelOf(string tag, out int prefixLength)
        {
            foreach (var (prefix, channel) in new[] { ("latest", TagChannel.Latest), ("master", TagChannel.Master) })
            {
                if (tag == prefix || tag.StartsWith(prefix + "-", StringComparison.Ordinal))
                {
                    prefixLength = prefix.Length;
                    return channel;
                }
            }

            prefixLength = 0;
            return TagChannel.Other;
        }
    }
}
