using BackendLint.Text;

namespace BackendLint.Model;

/// <summary>
/// A field as an entry sees it after merges: written on the entry itself, or inherited through
/// <c>&lt;&lt;: *anchor</c>, in which case the value keeps the meta's span and
/// <see cref="MergedAt"/> is the <c>*anchor</c> that brought it. A value type stored inline in its
/// entry: a gallery has thousands of entries, each with a name, a uri and mirrors.
/// </summary>
public readonly record struct GalleryValue(string Text, SourceSpan Span, Located<string>? MergedVia)
{
    /// <summary>The <c>*anchor</c> of the merge that brought the value, or null when the entry writes it.</summary>
    public SourceSpan? MergedAt => MergedVia?.Span;

    public bool IsInherited => MergedVia is not null;

    public Located<string> Value => new(Text, Span);
}

/// <summary>
/// One <c>capabilities:</c> item: which entry to install on which hardware. A value type stored
/// inline in its map's list, which every image inheriting the map shares.
/// </summary>
public readonly record struct Capability(string KeyText, SourceSpan KeySpan, string ValueText, SourceSpan ValueSpan)
{
    public Located<string> Key => new(KeyText, KeySpan);

    public Located<string> Value => new(ValueText, ValueSpan);
}

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
public sealed class ImageReference(string repository, TagChannel channel, SourceSpan? tagSpan, string? suffix, SourceSpan suffixSpan, string? otherTag = null)
{
    public string Repository { get; } = repository;

    public TagChannel Channel { get; } = channel;

    public SourceSpan? TagSpan { get; } = tagSpan;

    /// <summary>The suffix after <c>latest</c> or <c>master</c>, for lookups; null for another tag.</summary>
    public string? SuffixText { get; } = suffix;

    /// <summary>The suffix with its span (made on request: a gallery has thousands of references).</summary>
    public Located<string>? TagSuffix => SuffixText is null ? null : new(SuffixText, suffixSpan);

    public string? OtherTag { get; } = otherTag;

    /// <summary>The tag: <c>latest</c> or <c>master</c> and the suffix, or as written for another tag.</summary>
    public string? Tag => Channel switch
    {
        TagChannel.Latest => "latest" + SuffixText,
        TagChannel.Master => "master" + SuffixText,
        _ => OtherTag,
    };

    /// <summary>The repositories LocalAI's build matrix pushes backend images to.</summary>
    public static readonly IReadOnlyList<string> BackendRepositories = ["quay.io/go-skynet/local-ai-backends", "localai/localai-backends"];

    public bool IsBackendsRepository => BackendRepositories.Contains(NormalizedRepository);

    /// <summary>Docker Hub's implicit registry written out or not means the same repository.</summary>
    public string NormalizedRepository =>
        Repository.StartsWith("docker.io/", StringComparison.Ordinal) ? Repository["docker.io/".Length..]
        : Repository.StartsWith("index.docker.io/", StringComparison.Ordinal) ? Repository["index.docker.io/".Length..]
        : Repository;
}

/// <summary>
/// One item of <c>backend/index.yaml</c> with its merges resolved: a meta entry (capabilities and
/// no <c>uri</c>, so installing it picks an image by hardware) or an image entry (a <c>uri</c> users pull).
/// </summary>
public sealed class GalleryEntry
{
    public required int Index { get; init; }

    /// <summary>The whole item, from its <c>-</c> to its last value.</summary>
    public required SourceSpan Span { get; init; }

    /// <summary>The <c>&amp;name</c> it defines, so images can merge it.</summary>
    public required string? Anchor { get; init; }

    /// <summary>The <c>*name</c> sites of its <c>&lt;&lt;</c> merges, in precedence order.</summary>
    public required IReadOnlyList<Located<string>> Merges { get; init; }

    public required GalleryValue? Name { get; init; }

    public required GalleryValue? Alias { get; init; }

    public required GalleryValue? Uri { get; init; }

    public required ImageReference? Image { get; init; }

    public required GalleryValue[] Mirrors { get; init; }

    public required ImageReference[] MirrorImages { get; init; }

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

    public string DisplayName => Name?.Text ?? $"#{Index + 1}";
}

/// <summary>The gallery <c>backend/index.yaml</c>.</summary>
public sealed record GalleryIndex(string File, IReadOnlyList<GalleryEntry> Entries)
{
    public IEnumerable<GalleryEntry> Images => Entries.Where(e => e.IsImage);

    public IEnumerable<GalleryEntry> Metas => Entries.Where(e => e.IsMeta);
}
