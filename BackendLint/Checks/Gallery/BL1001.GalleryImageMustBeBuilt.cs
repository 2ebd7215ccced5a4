using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Gallery;

/// <summary>A gallery image whose tag no build produces can never be pulled: installing it fails for every user.</summary>
internal sealed class GalleryImageMustBeBuilt : ICheck
{
    public Rule Rule { get; } = new(
        CheckIds.GalleryImageMustBeBuilt, nameof(GalleryImageMustBeBuilt),
        "Every gallery image tag is produced by a build.",
        Severity.Error,
        "A gallery image on the backends repository is tagged 'latest<suffix>' or 'master<suffix>'. When no build-matrix entry (or other publishing job) has that tag suffix, the image is never pushed and installing the entry fails.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Gallery | ModelInputs.Matrix;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        foreach (var entry in model.Gallery.Images)
        {
            // A mirror with the uri's own suffix shares the uri's finding; one with another suffix is a problem of its own.
            var own = entry.Image?.TagSuffix?.Value;
            for (var i = -1; i < entry.Mirrors.Count; i++)
            {
                var image = i < 0 ? entry.Image! : entry.Mirrors[i].Image;
                if ((i >= 0 && image.TagSuffix?.Value == own) || !image.IsBuiltByMatrix || image.TagSuffix is not { } suffix || model.TagSuffixes[suffix.Value].IsBuilt)
                    continue;
                var builds = entry.MetaName is { } meta ? model.Find(meta)?.MatrixEntries.FirstOrDefault() : null;
                yield return builds is null
                    ? Rule.At(suffix.Span,
                        $"Gallery image {Finding.Quote(entry.DisplayName)} uses tag suffix {Finding.Quote(suffix.Value)}, which no build-matrix entry produces.",
                        entry.MetaName, $"image={entry.DisplayName};suffix={suffix.Value}")
                    : Rule.At(suffix.Span,
                        $"Gallery image {Finding.Quote(entry.DisplayName)} uses tag suffix {Finding.Quote(suffix.Value)}, which no build-matrix entry produces (see [the builds of {Finding.Quote(entry.MetaName!)}](1)).",
                        entry.MetaName, $"image={entry.DisplayName};suffix={suffix.Value}",
                        new RelatedLocation(builds.Span, $"The builds of {Finding.Quote(entry.MetaName!)} start here."));
            }
        }
    }
}
