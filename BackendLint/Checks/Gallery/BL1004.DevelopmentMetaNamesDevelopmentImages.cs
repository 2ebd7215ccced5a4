using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Gallery;

/// <summary>A development meta that names a release image (or a release meta a development image) installs the other channel's build on that hardware.</summary>
internal sealed class DevelopmentMetaNamesDevelopmentImages : ICheck
{
    public Rule Rule { get; } = new(
        CheckIds.DevelopmentMetaNamesDevelopmentImages, nameof(DevelopmentMetaNamesDevelopmentImages),
        "A '-development' meta's capabilities name 'master' images, a release meta's 'latest' images.",
        Severity.Error,
        "Installing 'X-development' is how users get the development build of a backend: its capabilities must name images tagged 'master<suffix>'. A capability that names a 'latest' image silently installs the release build on that hardware (and a release meta naming a 'master' image installs an unreleased build).",
        "consistency");

    public ModelInputs Needs => ModelInputs.Gallery;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        foreach (var meta in model.Gallery.Metas.Where(m => m.Capabilities.Count > 0))
        {
            var (want, wanted, got) = meta.IsDevelopment
                ? (TagChannel.Master, "development", "release")
                : (TagChannel.Latest, "release", "development");
            foreach (var capability in meta.Capabilities)
            {
                // A value naming no entry is BL1003's; one naming a meta or a pinned tag says nothing about a channel.
                if (model.Gallery.EntryNamed(capability.Value.Value) is not { Image: { Channel: not TagChannel.Other and var channel, Tag: { } tag } } target || channel == want)
                    continue;
                if (meta.CapabilitiesMergedVia is { } via)
                {
                    // It inherits the other channel's whole map: one finding, at the merge, fixed by writing its own.
                    yield return Rule.At(via.Span,
                        $"{Finding.Quote(meta.DisplayName)} is a {wanted} meta but inherits its capabilities through {Finding.Quote("*" + via.Value)}, and they name {got} images ({Finding.Quote(target.DisplayName)} for {Finding.Quote(capability.Key.Value)}), so installing it gets the {got} build: write its own capabilities map naming the {wanted} images.",
                        meta.MetaName, $"entry={meta.DisplayName};capabilities=inherited",
                        new RelatedLocation(capability.Value.Span, $"The inherited capability {Finding.Quote(capability.Key.Value)} is written here.")) with
                    {
                        Fix = GalleryFixes.OwnCapabilities(model, meta, want),
                    };
                    break;
                }

                var twin = model.Gallery.Twin(target, want);
                yield return Rule.At(capability.Value.Span,
                    $"Capability {Finding.Quote(capability.Key.Value)} of {wanted} meta {Finding.Quote(meta.DisplayName)} names {Finding.Quote(target.DisplayName)}, a {got} image ({Finding.Quote(tag.Value)}), so installing {Finding.Quote(meta.DisplayName)} gets the {got} build on that hardware: "
                    + (twin is null
                        ? $"name the {wanted} image of that build (tagged {Finding.Quote((want == TagChannel.Master ? "master" : "latest") + target.Image.TagSuffix?.Value)}), adding it to the gallery if it is missing."
                        : $"use {Finding.Quote(twin.DisplayName)}."),
                    meta.MetaName, $"entry={meta.DisplayName};capability={capability.Key.Value}",
                    new RelatedLocation(tag.Span, $"{Finding.Quote(target.DisplayName)} is tagged {Finding.Quote(tag.Value)} here.")) with
                {
                    Fix = twin is null ? null : GalleryFixes.Repoint(model, capability, twin),
                };
            }
        }
    }
}
