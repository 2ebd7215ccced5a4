using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Matrix;

/// <summary>An image that is built and pushed but that no gallery entry points at can never be installed.</summary>
internal sealed class BuiltImageMustBeInGallery : ICheck
{
    public CheckDescriptor Descriptor { get; } = new(
        CheckIds.BuiltImageMustBeInGallery, nameof(BuiltImageMustBeInGallery),
        "Every tag suffix a build produces is used by a gallery image.",
        Severity.Error,
        "CI builds and pushes 'latest<suffix>' and 'master<suffix>' for every build-matrix entry. When no gallery image's uri or mirror uses the suffix, the image costs CI time and storage and no user can install it.",
        "consistency");

    public IEnumerable<Finding> Run(BackendModel model)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in model.Gallery.Images)
        {
            Use(entry.Image);
            foreach (var mirror in entry.MirrorImages)
                Use(mirror);
        }

        var metas = new Dictionary<string, GalleryEntry>(StringComparer.Ordinal);
        foreach (var meta in model.Gallery.Metas)
        {
            if (meta.Name is { IsInherited: false } name)
                metas.TryAdd(name.Text, meta);
        }

        // A multi-arch pair shares one suffix: report the first entry that builds it.
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var built in model.Matrix.SuffixesWhere(suffix => !used.Contains(suffix)))
        {
            var suffix = built.Suffix.Value;
            if (!reported.Add(suffix))
                continue;

            var backend = built.Entry?.Backend?.Value;
            if (backend is not null && metas.TryGetValue(backend, out var meta))
            {
                yield return Descriptor.At(built.Suffix.Span,
                    $"Tag suffix {Finding.Quote(suffix)} of backend {Finding.Quote(backend)} is built, but no gallery image uses it; add its 'latest' and 'master' images next to [the meta entry](1).",
                    backend, $"suffix={suffix}",
                    new RelatedLocation(meta.Name!.Value.Span, $"The gallery meta entry of '{backend}'."));
            }
            else
            {
                yield return Descriptor.At(built.Suffix.Span,
                    $"Tag suffix {Finding.Quote(suffix)} is built, but no gallery image uses it.",
                    backend, $"suffix={suffix}");
            }
        }

        void Use(ImageReference? image)
        {
            if (image is { IsBackendsRepository: true, SuffixText: { } suffix })
                used.Add(suffix);
        }
    }
}
