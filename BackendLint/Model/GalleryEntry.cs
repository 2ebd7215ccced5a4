using BackendLint.Text;

namespace BackendLint.Model;

/// <summary>
/// A field as an entry sees it after merges: written on the entry itself, or inherited through
/// <c>&lt;&lt;: *anchor</c>, in which case the value keeps the meta's span and
/// <see cref="MergedVia"/> is the <c>*anchor</c> that brought it.
/// </summary>
public readonly record struct GalleryValue(string Text, SourceSpan Span, Located<string>? MergedVia)
{
    /// <summary>The <c>*anchor</c> of the merge that brought the value, or null when the entry writes it.</summary>
    public SourceSpan? MergedAt => MergedVia?.Span;

    public bool IsInherited => MergedVia is not null;

    public Located<string> Value => new(Text, Span);
}

/// <summary>One <c>capabilities:</c> item: which entry to install on which hardware.</summary>
public sealed record Capability(Located<string> Key, Located<string> Value);

/// <summary>Which channel a backend image tag belongs to.</summary>
public enum TagChannel
{
    /// <summary><c>latest-…</c>: releases.</summary>
    Latest,

    /// <summary><c>master-…</c>: development builds (entry names end in <c>-development</c>).</summary>
    Master,

    /// <summary>Any other tag (a pinned version, a digest): no suffix can be derived.</summary>
    Other,
}

/// <summary>
/// A parsed image reference such as <c>quay.io/go-skynet/local-ai-backends:latest-cpu-vllm</c>:
/// repository, tag (with its span), channel and tag suffix (<c>-cpu-vllm</c>, with its own span).
/// </summary>
public sealed record ImageReference(string Repository, TagChannel Channel, Located<string>? Tag, Located<string>? TagSuffix)
{
    /// <summary>Where the <c>latest</c> or <c>master</c> that starts the tag is written: what a fix moving the image to the other channel replaces.</summary>
    public SourceSpan? ChannelSpan { get; init; }

    /// <summary>The repositories LocalAI's build matrix pushes backend images to.</summary>
    public static readonly IReadOnlyList<string> BackendRepositories = ["quay.io/go-skynet/local-ai-backends", "localai/localai-backends"];

    /// <summary>On a repository LocalAI's builds push to, with a <c>latest</c> or <c>master</c> tag: a suffix that must be built.</summary>
    public bool IsBuiltByMatrix => TagSuffix is not null && BackendRepositories.Contains(NormalizedRepository);

    /// <summary>
    /// The image as a registry serves it, for comparing two references: the repository normalized
    /// (the two backends repositories carry the same tags, so they count as one) and the tag; null
    /// without a tag (a digest, or none written).
    /// </summary>
    public string? SameImageKey => Tag is { } tag
        ? $"{(BackendRepositories.Contains(NormalizedRepository) ? BackendRepositories[0] : NormalizedRepository)}:{tag.Value}"
        : null;

    /// <summary>Docker Hub's implicit registry written out or not means the same repository.</summary>
    public string NormalizedRepository =>
        Repository.StartsWith("docker.io/", StringComparison.Ordinal) ? Repository["docker.io/".Length..]
        : Repository.StartsWith("index.docker.io/", StringComparison.Ordinal) ? Repository["index.docker.io/".Length..]
        : Repository;
}

/// <summary>
/// A key an entry writes itself (<c>&lt;&lt;</c> included), with the span of its whole value as written:
/// a scalar with its quotes, a flow collection with its brackets, a block collection from its first
/// item to the end of its last. What a fix needs to copy or extend the entry the way it is written.
/// </summary>
public sealed record GalleryField(Located<string> Key, SourceSpan Value);

/// <summary>One item of <c>mirrors:</c>: the value as written and the image it names.</summary>
public sealed record Mirror(GalleryValue Value, ImageReference Image);

/// <summary>
/// One item of <c>backend/index.yaml</c> with its merges resolved: a meta entry (capabilities and
/// no <c>uri</c>, so installing it picks an image by hardware) or an image entry (a <c>uri</c> users pull).
/// </summary>
public sealed class GalleryEntry
{
    public required int Index { get; init; }

    /// <summary>The whole item, from its <c>-</c> to its last value.</summary>
    public required SourceSpan Span { get; init; }

    /// <summary>
    /// The whole lines it is written on: from column 1 of its <c>-</c> line to the end of its last
    /// line (the line end excluded). Null when it shares a line with another item (a flow sequence)
    /// or anything but a comment follows it on its last line: then no fix copies or deletes it.
    /// </summary>
    public SourceSpan? Lines { get; init; }

    /// <summary>The keys it writes itself, in the order written.</summary>
    public IReadOnlyList<GalleryField> Fields { get; init; } = [];

    /// <summary>The key it writes itself, or null.</summary>
    public GalleryField? Field(string key) => Fields.FirstOrDefault(f => f.Key.Value == key);

    /// <summary>The <c>&amp;name</c> it defines, so images can merge it.</summary>
    public required string? Anchor { get; init; }

    /// <summary>The <c>*name</c> sites of its <c>&lt;&lt;</c> merges, in precedence order.</summary>
    public required IReadOnlyList<Located<string>> Merges { get; init; }

    public required GalleryValue? Name { get; init; }

    public required GalleryValue? Alias { get; init; }

    public required GalleryValue? Uri { get; init; }

    /// <summary>The image <see cref="Uri"/> names.</summary>
    public required ImageReference? Image { get; init; }

    public required IReadOnlyList<Mirror> Mirrors { get; init; }

    /// <summary>The capabilities map, shared with the meta it is inherited from.</summary>
    public required IReadOnlyList<Capability> Capabilities { get; init; }

    /// <summary>Where the capabilities were merged from (<c>*anchor</c>), or null when the entry writes them.</summary>
    public required Located<string>? CapabilitiesMergedVia { get; init; }

    public SourceSpan? CapabilitiesMergedAt => CapabilitiesMergedVia?.Span;

    public bool WritesCapabilities => CapabilitiesMergedAt is null && Capabilities.Count > 0;

    /// <summary>The name of the entry at the root of its merge chain: the meta this image belongs to.</summary>
    public required string? MetaName { get; init; }

    public bool IsImage => Uri is not null;

    public bool IsMeta => Uri is null;

    /// <summary>The channel of its image; null for a meta.</summary>
    public TagChannel? Channel => Image?.Channel;

    public string DisplayName => Name?.Text ?? $"#{Index + 1}";

    /// <summary>
    /// A hash of everything the entry says after merges (keys in any order, values as written,
    /// positions and quoting ignored): two entries with the same hash are identical copies.
    /// </summary>
    public string ContentHash { get; init; } = "";

    /// <summary>Named <c>…-development</c>, as LocalAI tells a development build (<c>IsDevelopment</c>) from a release.</summary>
    public bool IsDevelopment => Name?.Text.EndsWith("-development", StringComparison.Ordinal) == true;

    /// <summary>Where its <c>&amp;name</c> is written, when it defines one.</summary>
    public SourceSpan? AnchorSpan { get; init; }

    /// <summary>
    /// The gallery item at the root of its first-merge chain (the entry <see cref="MetaName"/> names):
    /// null for an entry that merges nothing, or whose chain ends in a mapping that is not an item.
    /// </summary>
    public GalleryEntry? MergeRoot { get; init; }
}

/// <summary>The gallery <c>backend/index.yaml</c>.</summary>
public sealed class GalleryIndex
{
    private readonly HashSet<string> _names;
    private readonly Dictionary<string, GalleryEntry> _metasByOwnName;
    private readonly Dictionary<string, List<GalleryEntry>> _byName;
    private readonly Dictionary<GalleryEntry, GalleryFamily> _families = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(string Repository, TagChannel Channel, string Suffix), GalleryEntry> _byChannelSuffix = [];

    public GalleryIndex(string file, IReadOnlyList<GalleryEntry> entries)
    {
        File = file;
        Entries = entries;
        Images = entries.Where(e => e.IsImage).ToList();
        Metas = entries.Where(e => e.IsMeta).ToList();
        // LocalAI finds an entry by name with strings.EqualFold, so case does not matter.
        _names = entries.Where(e => e.Name is not null).Select(e => e.Name!.Value.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _metasByOwnName = new Dictionary<string, GalleryEntry>(StringComparer.Ordinal);
        foreach (var meta in Metas)
        {
            if (meta.Name is { IsInherited: false } name)
                _metasByOwnName.TryAdd(name.Text, meta);
        }

        _byName = new Dictionary<string, List<GalleryEntry>>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (entry.Name is not { } name)
                continue;
            if (!_byName.TryGetValue(name.Text, out var named))
                _byName[name.Text] = named = [];
            named.Add(entry);
        }
        var members = new Dictionary<GalleryEntry, List<GalleryEntry>>(ReferenceEqualityComparer.Instance);
        foreach (var entry in entries)
        {
            if (entry.Image is { TagSuffix: { } suffix } image)
                _byChannelSuffix.TryAdd((RepositoryKey(image), image.Channel, suffix.Value), entry);
            if (entry.MergeRoot is { } root)
            {
                if (!members.TryGetValue(root, out var list))
                    members[root] = list = [];
                list.Add(entry);
            }

            UsesMetas |= entry.Capabilities.Count > 0;
        }

        foreach (var (root, list) in members)
            _families[root] = new GalleryFamily(root, list);
        Families = [.. _families.Values.OrderBy(f => f.Root.Index)];
    }

    public static GalleryIndex Empty { get; } = new("", []);

    public string File { get; }

    public IReadOnlyList<GalleryEntry> Entries { get; }

    public IReadOnlyList<GalleryEntry> Images { get; }

    public IReadOnlyList<GalleryEntry> Metas { get; }

    /// <summary>Whether an entry has this name, compared as LocalAI compares it (case-insensitively).</summary>
    public bool HasEntryNamed(string name) => _names.Contains(name);

    /// <summary>Every entry with this name, compared as LocalAI compares it (case-insensitively), in file order; LocalAI installs the first.</summary>
    public IReadOnlyList<GalleryEntry> EntriesNamed(string name) => _byName.TryGetValue(name, out var entries) ? entries : [];

    /// <summary>The first entry with this name, compared as LocalAI compares it (<c>strings.EqualFold</c>).</summary>
    public GalleryEntry? EntryNamed(string name) => _byName.TryGetValue(name, out var entries) ? entries[0] : null;

    /// <summary>Every entry that others merge, with them, in the order the merged entries are written.</summary>
    public IReadOnlyList<GalleryFamily> Families { get; }

    /// <summary>The family an entry is the root of, or null when no entry merges it.</summary>
    public GalleryFamily? Family(GalleryEntry root) => _families.GetValueOrDefault(root);

    /// <summary>
    /// Whether any entry has a capabilities map: galleries older than LocalAI's meta backends
    /// (capabilities came in 2025-07) have none, and the runtime that reads them knows no metas.
    /// </summary>
    public bool UsesMetas { get; }

    /// <summary>
    /// The first image of the other <paramref name="channel"/> with the same tag suffix on the same
    /// repository (both backends repositories count as one, they carry the same tags), or null.
    /// </summary>
    public GalleryEntry? Twin(GalleryEntry image, TagChannel channel) =>
        image.Image is { TagSuffix: { } suffix } reference && channel != TagChannel.Other
            ? _byChannelSuffix.GetValueOrDefault((RepositoryKey(reference), channel, suffix.Value))
            : null;

    private static string RepositoryKey(ImageReference image) => image.IsBuiltByMatrix ? "" : image.NormalizedRepository;

    /// <summary>The first meta that writes this name itself (not inherited).</summary>
    public GalleryEntry? MetaNamed(string name) => _metasByOwnName.GetValueOrDefault(name);
}

/// <summary>
/// An entry other entries <c>&lt;&lt;</c>-merge and those entries: a meta with its images (and its
/// <c>-development</c> meta), or, in galleries from before metas, an image its siblings copy.
/// What goes wrong in a family (a channel without a meta, an image root) breaks installing by the root's name.
/// </summary>
public sealed class GalleryFamily
{
    public GalleryFamily(GalleryEntry root, IReadOnlyList<GalleryEntry> members)
    {
        Root = root;
        Members = members;
        Images = [.. members.Prepend(root).Where(e => e.IsImage)];
        TagSuffixes = [.. Images.Select(i => i.Image!.TagSuffix?.Value).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The merged entry: <c>- &amp;vllm</c>.</summary>
    public GalleryEntry Root { get; }

    /// <summary>The entries whose first-merge chain ends at <see cref="Root"/>, in file order.</summary>
    public IReadOnlyList<GalleryEntry> Members { get; }

    /// <summary>The root if it is an image, then the member images, in file order.</summary>
    public IReadOnlyList<GalleryEntry> Images { get; }

    /// <summary>The distinct tag suffixes of its images, whatever their channel: one per platform build.</summary>
    public IReadOnlyList<string> TagSuffixes { get; }

    /// <summary>Whether it publishes development builds: an image tagged <c>master…</c>.</summary>
    public bool HasMasterImages => Images.Any(i => i.Channel == TagChannel.Master);

    /// <summary>Its images named <c>…-development</c>, in file order.</summary>
    public IEnumerable<GalleryEntry> DevelopmentImages => Images.Where(i => i.IsDevelopment);
}
