using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Matrix;

/// <summary>An image that is built and pushed but that no gallery entry points at can never be installed.</summary>
internal sealed class BuiltImageMustBeInGallery : ICheck
{
    public Rule Rule { get; } = new(
        CheckIds.BuiltImageMustBeInGallery, nameof(BuiltImageMustBeInGallery),
        "Every tag suffix a build produces is used by a gallery image.",
        Severity.Error,
        "CI builds and pushes 'latest<suffix>' and 'master<suffix>' for every build-matrix entry. When no gallery image's uri or mirror uses the suffix, the image costs CI time and storage and no user can install it.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Matrix | ModelInputs.Gallery;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        foreach (var suffix in model.TagSuffixes.Values)
        {
            if (!suffix.IsBuilt || suffix.Uses.Count > 0)
                continue;

            // A multi-arch set shares one suffix: report the first build.
            var built = suffix.Builds[0];
            var backend = built.Entry?.Backend?.Value;
            yield return backend is not null && model.Gallery.MetaNamed(backend) is { } meta
                ? Rule.At(built.Suffix.Span,
                    $"Tag suffix {Finding.Quote(suffix.Text)} of backend {Finding.Quote(backend)} is built, but no gallery image uses it; add images tagged {Finding.Quote("latest" + suffix.Text)} and {Finding.Quote("master" + suffix.Text)} next to [the meta entry](1).",
                    backend, $"suffix={suffix.Text}",
                    new RelatedLocation(meta.Name!.Value.Span, $"The gallery meta entry of {Finding.Quote(backend)}."))
                : Rule.At(built.Suffix.Span,
                    $"Tag suffix {Finding.Quote(suffix.Text)} is built, but no gallery image uses it; add images tagged {Finding.Quote("latest" + suffix.Text)} and {Finding.Quote("master" + suffix.Text)} to the gallery, with a meta entry for the backend.",
                    backend, $"suffix={suffix.Text}");
        }
    }
}
