using System.Security.Cryptography;
using System.Text;
using BackendLint.Model;
using BackendLint.Parsing.Yaml;
using BackendLint.Text;

namespace BackendLint.Parsing.Gallery;

/// <summary>
/// Reads <c>backend/index.yaml</c>: a top-level sequence of entries, metas defined with an anchor
/// (<c>- &amp;vllm</c>) and images written <c>- !!merge &lt;&lt;: *vllm</c> (also plain <c>&lt;&lt;: *x</c> and
/// <c>&lt;&lt;: [*a, *b]</c>). YamlDotNet does not apply <c>&lt;&lt;</c>; <see cref="YamlMerges"/> does, with
/// YAML 1.1 precedence: own keys first, then each merged mapping in order.
/// </summary>
public static class GalleryIndexReader
{
    public static (GalleryIndex Index, IReadOnlyList<Comment> Comments) Read(SourceText source)
    {
        var reader = new Reader(source);
        var entries = new List<GalleryEntry>();
        // Each entry becomes a model entry as soon as it is read; only anchored ones stay as YAML.
        var document = YamlDocumentReader.Read(source, itemDepth: 1, (_, item) =>
        {
            if (item.Resolve() is not YamlMapping mapping)
                throw new InputError(item.Span, "a gallery entry must be a mapping with 'name', 'uri', 'capabilities', …");
            entries.Add(reader.Entry(entries.Count, mapping));
        });

        if (document.Root?.Resolve() is not YamlSequence)
            throw new InputError(document.Root?.Span ?? new SourceSpan(source.Path, 1, 1, 1, 1),
                "the top level of the gallery index must be a sequence of backend entries");
        return (new GalleryIndex(source.Path, entries), document.Comments);
    }

    private sealed class Reader(SourceText source, YamlMerges merges)
    {
        // A capabilities map is read once and shared by every image that inherits it.
        private readonly Dictionary<YamlMapping, List<Capability>> _capabilities = new(ReferenceEqualityComparer.Instance);

        // A repository, tag and suffix are written by a release image, its development image and
        // their mirrors: one string each. Measured on LocalAI's tree: a fifth of the gallery model.
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

        // Merges resolved once per anchored mapping and key, however long the chains.
        private readonly YamlMerges _merges = merges;

        private readonly ContentHasher _content = new(merges);

        public Reader(SourceText source) : this(source, new YamlMerges(source))
        {
        }

        // The items others can merge, so an entry knows the item at the root of its merges.
        private readonly Dictionary<YamlMapping, GalleryEntry> _anchored = new(ReferenceEqualityComparer.Instance);

        public GalleryEntry Entry(int index, YamlMapping mapping)
        {
            var sites = _merges.Sites(mapping).Select(a => new Located<string>(a.Name, a.Span)).ToArray();
            var name = Scalar(mapping, sites, "name");
            var uriField = _merges.Lookup(mapping, "uri");
            var uri = Scalar(uriField, sites, "uri");
            var mirrors = Mirrors(mapping, sites);
            var capabilities = _merges.Lookup(mapping, "capabilities");
            var root = _merges.Root(mapping);

            var entry = new GalleryEntry
            {
                Index = index,
                Span = mapping.Span,
                Anchor = mapping.Anchor,
                Merges = sites,
                Name = name,
                Alias = Scalar(mapping, sites, "alias"),
                Uri = uri,
                Image = uri is { } u ? ParseImage((YamlScalar)uriField!.Value.Node, u) : null,
                Mirrors = mirrors.Select(m => new Mirror(m.Value, ParseImage(m.Node, m.Value))).ToList(),
                Capabilities = Capabilities(capabilities),
                CapabilitiesMergedVia = capabilities is { Via: >= 0 and var via } ? sites[via] : null,
                // The root of the first-merge chain: `- !!merge <<: *vllm` belongs to the meta named by `&vllm`.
                MetaName = (root == mapping ? null : (root.Get("name") as YamlScalar)?.Value) ?? name?.Text,
                ContentHash = _content.Of(mapping),
                AnchorSpan = YamlSpans.AnchorOf(source, mapping),
                Lines = YamlSpans.ItemLines(source, mapping),
                Fields = Fields(mapping),
                MergeRoot = root == mapping ? null : _anchored.GetValueOrDefault(root),
            };
            if (mapping.Anchor is not null)
                _anchored[mapping] = entry;
            return entry;
        }

        // Keys that are not scalars (a complex key) are nothing a fix edits.
        private static GalleryField[] Fields(YamlMapping mapping) =>
        [
            .. mapping.Pairs.Where(p => p.Key is YamlScalar).Select(p => new GalleryField(new Located<string>(((YamlScalar)p.Key).Value, p.Key.Span), p.Value.Span)),
        ];

        private GalleryValue? Scalar(YamlMapping mapping, Located<string>[] sites, string key) =>
            Scalar(_merges.Lookup(mapping, key), sites, key);

        private static GalleryValue? Scalar((YamlNode Node, int Via)? lookup, Located<string>[] sites, string key)
        {
            if (lookup is not { } field)
                return null;
            if (field.Node is not YamlScalar scalar)
                throw new InputError(field.Node.Span, $"'{key}' must be a string");
            return new GalleryValue(scalar.Value, scalar.ValueSpan, field.Via >= 0 ? sites[field.Via] : null);
        }

        private List<(GalleryValue Value, YamlScalar Node)> Mirrors(YamlMapping mapping, Located<string>[] sites)
        {
            if (_merges.Lookup(mapping, "mirrors") is not { } field || field.Node is YamlScalar { IsNull: true })
                return [];
            if (field.Node is not YamlSequence sequence)
                throw new InputError(field.Node.Span, "'mirrors' must be a sequence of image references");
            return sequence.Items.Select(item => item.Resolve() is YamlScalar s
                ? (new GalleryValue(s.Value, s.ValueSpan, field.Via >= 0 ? sites[field.Via] : null), s)
                : throw new InputError(item.Span, "a mirror must be an image reference string")).ToList();
        }

        private IReadOnlyList<Capability> Capabilities((YamlNode Node, int Via)? lookup)
        {
            if (lookup is not { } field || field.Node is YamlScalar { IsNull: true })
                return [];
            if (field.Node is not YamlMapping map)
                throw new InputError(field.Node.Span, "'capabilities' must map a capability to an entry name");
            if (_capabilities.TryGetValue(map, out var shared))
                return shared;

            var capabilities = new List<Capability>(map.Pairs.Count);
            foreach (var pair in map.Pairs)
            {
                if (pair.KeyScalar is not { } key || pair.Value.Resolve() is not YamlScalar target)
                    throw new InputError(pair.Value.Span, "a capability must map a name to an entry name");
                capabilities.Add(new Capability(key.Located, target.Located));
            }

            return _capabilities[map] = capabilities;
        }

        private ImageReference ParseImage(YamlScalar? node, GalleryValue value)
        {
            var text = value.Text;
            var lastSlash = text.LastIndexOf('/');
            var at = text.IndexOf('@', Math.Max(lastSlash, 0));
            var colon = text.IndexOf(':', lastSlash + 1);
            if (at >= 0 || colon < 0 || node is null)
                return new ImageReference(Share(text.AsSpan(0, at >= 0 ? at : colon >= 0 ? colon : text.Length)), TagChannel.Other, Tag: null, TagSuffix: null);

            var tagStart = colon + 1;
            var tag = new Located<string>(Share(text.AsSpan(tagStart)), YamlSpans.Within(source, node, tagStart, text.Length - tagStart));
            var channel = ChannelOf(tag.Value, out var prefixLength);
            if (channel == TagChannel.Other)
                return new ImageReference(Share(text.AsSpan(0, colon)), channel, tag, TagSuffix: null);

            // "latest" alone has the empty suffix, which spans the whole tag.
            var suffixStart = tagStart + prefixLength;
            var suffix = suffixStart < text.Length
                ? new Located<string>(Share(text.AsSpan(suffixStart)), YamlSpans.Within(source, node, suffixStart, text.Length - suffixStart))
                : new Located<string>("", tag.Span);
            return new ImageReference(Share(text.AsSpan(0, colon)), channel, tag, suffix)
            {
                ChannelSpan = YamlSpans.Within(source, node, tagStart, prefixLength),
            };
        }

        private string Share(ReadOnlySpan<char> text)
        {
            var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(text, out var known))
                return known;
            var value = text.ToString();
            _strings[value] = value;
            return value;
        }

        private static TagChannel ChannelOf(ReadOnlySpan<char> tag, out int prefixLength)
        {
            prefixLength = 6; // "latest" and "master"
            if (IsChannel(tag, "latest"))
                return TagChannel.Latest;
            if (IsChannel(tag, "master"))
                return TagChannel.Master;
            prefixLength = 0;
            return TagChannel.Other;
        }

        private static bool IsChannel(ReadOnlySpan<char> tag, string prefix) =>
            tag.StartsWith(prefix, StringComparison.Ordinal) && (tag.Length == prefix.Length || tag[prefix.Length] == '-');
    }

    /// <summary>
    /// What an entry says after merges, as a hash: mapping keys sorted, scalars by value (quoting
    /// and positions do not count), sequences in order. Nodes reached through a merge or an alias
    /// are shared by many entries and hashed once.
    /// </summary>
    private sealed class ContentHasher(YamlMerges merges)
    {
        private readonly Dictionary<YamlNode, string> _shared = new(ReferenceEqualityComparer.Instance);

        public string Of(YamlMapping entry) => Mapping(entry, shared: false);

        private string Node(YamlNode node, bool shared)
        {
            if (node is YamlAlias)
                shared = true;
            var resolved = node.Resolve();
            if (resolved is YamlScalar scalar)
                return Scalar(scalar);
            if (shared && _shared.TryGetValue(resolved, out var known))
                return known;
            var hash = resolved is YamlMapping mapping ? Mapping(mapping, shared) : Sequence((YamlSequence)resolved, shared);
            if (shared)
                _shared[resolved] = hash;
            return hash;
        }

        private string Mapping(YamlMapping mapping, bool shared)
        {
            var own = new HashSet<YamlNode>(mapping.Pairs.Select(p => p.Key), ReferenceEqualityComparer.Instance);
            var pairs = merges.Pairs(mapping)
                .Select(p => (Key: p.Key.Value, Value: Node(p.Value, shared || !own.Contains(p.Key))))
                .OrderBy(p => p.Key, StringComparer.Ordinal);
            var text = new StringBuilder("m");
            foreach (var (key, value) in pairs)
                text.Append(Scalar(key)).Append(value);
            return Hash(text);
        }

        private string Sequence(YamlSequence sequence, bool shared)
        {
            var text = new StringBuilder("l");
            foreach (var item in sequence.Items)
                text.Append(Node(item, shared));
            return Hash(text);
        }

        // Length-prefixed, so no two different texts read the same.
        private static string Scalar(YamlScalar scalar) => scalar.IsNull ? "n;" : Scalar(scalar.Value);

        private static string Scalar(string value) => $"s{value.Length}:{value}";

        private static string Hash(StringBuilder text) =>
            "h" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 16)) + ";";
    }
}
