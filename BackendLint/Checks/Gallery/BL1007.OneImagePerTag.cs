using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Gallery;

/// <summary>Two gallery images with different names on one tag install the same build: one of the two platforms silently gets the other's image.</summary>
internal sealed class OneImagePerTag : ICheck
{
    public Rule Rule { get; } = new(
        CheckIds.OneImagePerTag, nameof(OneImagePerTag),
        "Gallery images with different names never share an image tag.",
        Severity.Error,
        "Each gallery image entry installs the image its 'uri' names. Two entries with different names (say a CUDA 12 and a CUDA 13 build) that name the same repository and tag install the same build, so users of one of them silently get an image built for other hardware. quay.io/go-skynet/local-ai-backends and localai/localai-backends carry the same tags and count as one repository.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Gallery;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        var byImage = new Dictionary<string, List<GalleryEntry>>(StringComparer.Ordinal);
        foreach (var entry in model.Gallery.Images)
        {
            // An inherited uri is the merged entry's own tag, seen again through '<<': the entry
            // that writes it is the one to fix, and a merged entry with a uri is BL1006's finding.
            if (entry.Uri is { IsInherited: true } || entry.Image is not { SameImageKey: { } key, Tag: { } tag })
                continue;
            if (!byImage.TryGetValue(key, out var earlier))
                byImage[key] = earlier = [];

            // Entries of the same name are one entry written twice: BL1008 reports those.
            var first = earlier.Find(e => !string.Equals(e.DisplayName, entry.DisplayName, StringComparison.OrdinalIgnoreCase));
            earlier.Add(entry);
            if (first is null)
                continue;
            yield return Rule.At(tag.Span,
                $"Gallery image {Finding.Quote(entry.DisplayName)} uses tag {Finding.Quote(tag.Value)}, which [{Finding.Quote(first.DisplayName)}](1) already uses, so both install the same build: give {Finding.Quote(entry.DisplayName)} the tag of its own build.",
                entry.MetaName, $"image={key};entry={entry.DisplayName}",
                new RelatedLocation(first.Image!.Tag!.Value.Span, $"{Finding.Quote(first.DisplayName)} uses the tag here."));
        }
    }
}
