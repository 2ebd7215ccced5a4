using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Gallery;

/// <summary>A gallery image whose tag no build produces can never be pulled: installing it fails for every user.</summary>
internal sealed class GalleryImageMustBeBuilt : ICheck
{
    public CheckDescriptor Descriptor { get; } = new(
        CheckIds.GalleryImageMustBeBuilt, nameof(GalleryImageMustBeBuilt),
        "Every gallery image tag is produced by a build.",
        Severity.Error,
        "A gallery image on the backends repository is tagged 'latest<suffix>' or 'master<suffix>'. When no build-matrix entry (or other publishing job) has that tag suffix, the image is never pushed and installing the entry fails.",
        "consistency");

    public IEnumerable<Finding> Run(BackendModel model)
    {
        var built = model.Matrix.SuffixTexts.ToHashSet(StringComparer.Ordinal);
        var firstEntryOf = new Dictionary<string, MatrixEntry>(StringComparer.Ordinal);
        foreach (var entry in model.Matrix.Entries)
        {
            if (entry.Text("backend") is { } backend)
                firstEntryOf.TryAdd(backend, entry);
        }

        foreach (var entry in model.Gallery.Images)
        {
            // A mirror with the uri's own suffix shares its finding; one with another suffix is a problem of its own.
            var own = entry.Image?.SuffixText;
            for (var i = -1; i < entry.MirrorImages.Length; i++)
            {
                var image = i < 0 ? entry.Image : entry.MirrorImages[i];
                if (i >= 0 && image?.SuffixText == own)
                    continue;
                if (image is not { IsBackendsRepository: true, SuffixText: { } text } || built.Contains(text))
                    continue;
                var suffix = image.TagSuffix!;

                var related = entry.MetaName is { } meta && firstEntryOf.TryGetValue(meta, out var builds)
                    ? new[] { new RelatedLocation(builds.Span, $"The builds of '{meta}' start here.") }
                    : [];
                var where = related.Length > 0 ? $" (see [the builds of {Finding.Quote(entry.MetaName!)}](1))" : "";
                yield return Descriptor.At(suffix.Span,
                    $"Gallery image {Finding.Quote(entry.DisplayName)} uses tag suffix {Finding.Quote(suffix.Value)}, which no build-matrix entry produces{where}.",
                    entry.MetaName, $"image={entry.DisplayName};suffix={suffix.Value}", related);
            }
        }
    }
}
