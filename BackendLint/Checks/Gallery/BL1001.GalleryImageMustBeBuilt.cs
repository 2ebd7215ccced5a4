using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Text;

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
        // One missing build is one finding: the 'latest' and 'master' images of a suffix (and any
        // other image or mirror naming it) point at the same build, so the first in the file is
        // reported and the others are related locations.
        var unbuilt = new Dictionary<string, List<(GalleryEntry Entry, Located<string> Suffix)>>(StringComparer.Ordinal);
        foreach (var entry in model.Gallery.Images)
        {
            // A mirror with the uri's own suffix is the same image; one with another suffix is a problem of its own.
            var own = entry.Image?.TagSuffix?.Value;
            for (var i = -1; i < entry.Mirrors.Count; i++)
            {
                var image = i < 0 ? entry.Image! : entry.Mirrors[i].Image;
                if ((i >= 0 && image.TagSuffix?.Value == own) || !image.IsBuiltByMatrix || image.TagSuffix is not { } suffix || model.TagSuffixes[suffix.Value].IsBuilt)
                    continue;
                if (!unbuilt.TryGetValue(suffix.Value, out var uses))
                    unbuilt[suffix.Value] = uses = [];
                uses.Add((entry, suffix));
            }
        }

        foreach (var (text, uses) in unbuilt)
        {
            var (entry, suffix) = uses[0];
            var names = Names(uses.Select(u => u.Entry.DisplayName).Distinct(StringComparer.Ordinal).ToList());
            var verb = uses.Count == 1 ? "uses" : "use";
            var others = uses.Skip(1).Select(u => new RelatedLocation(u.Suffix.Span, $"{Finding.Quote(u.Entry.DisplayName)} uses it too."));
            var builds = entry.MetaName is { } meta ? model.Find(meta)?.MatrixEntries.FirstOrDefault() : null;
            yield return builds is null
                ? Rule.At(suffix.Span,
                    $"{names} {verb} tag suffix {Finding.Quote(text)}, which no build-matrix entry produces: add a build-matrix entry with tag-suffix {Finding.Quote(text)}, or correct the tag.",
                    entry.MetaName, $"suffix={text}", [.. others])
                : Rule.At(suffix.Span,
                    $"{names} {verb} tag suffix {Finding.Quote(text)}, which no build-matrix entry produces: add a build-matrix entry with tag-suffix {Finding.Quote(text)} next to [the builds of {Finding.Quote(entry.MetaName!)}](1), or correct the tag.",
                    entry.MetaName, $"suffix={text}",
                    [new RelatedLocation(builds.Span, $"The builds of {Finding.Quote(entry.MetaName!)} start here."), .. others]);
        }
    }

    // "Gallery image 'a'", "Gallery images 'a' and 'b'", "Gallery images 'a', 'b' and 'c'".
    private static string Names(List<string> names) => names.Count == 1
        ? $"Gallery image {Finding.Quote(names[0])}"
        : $"Gallery images {string.Join(", ", names.SkipLast(1).Select(Finding.Quote))} and {Finding.Quote(names[^1])}";
}
