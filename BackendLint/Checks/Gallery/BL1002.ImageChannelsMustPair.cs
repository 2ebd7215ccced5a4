using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Gallery;

/// <summary>A suffix published only as <c>latest-</c> or only as <c>master-</c> leaves one channel (releases or development) unable to install it.</summary>
internal sealed class ImageChannelsMustPair : ICheck
{
    public Rule Rule { get; } = new(
        CheckIds.ImageChannelsMustPair, nameof(ImageChannelsMustPair),
        "Every gallery tag suffix has both a 'latest' and a 'master' image.",
        Severity.Error,
        "Production images are tagged 'latest<suffix>' and development images ('-development' entries) 'master<suffix>'; the runtime falls back from 'latest-' to 'master-' tags. A suffix with only one of the two breaks the other channel.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Gallery;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        foreach (var suffix in model.TagSuffixes.Values)
        {
            if (suffix.Images is not [var first, ..] || suffix.Images.Exists(i => i.Channel != first.Channel) || first.Image is not { Tag: { } tag } image)
                continue;
            var (have, missing, channel) = image.Channel == TagChannel.Latest ? ("latest", "master", "development") : ("master", "latest", "release");
            // The pair's name, as LocalAI names them: the development image is the release image's name plus '-development'.
            var name = image.Channel == TagChannel.Latest
                ? first.DisplayName + "-development"
                : first.DisplayName.EndsWith("-development", StringComparison.Ordinal) ? first.DisplayName[..^"-development".Length] : first.DisplayName;
            // Whether a release build belongs in the development channel is settled: CI pushes both tags. Whether
            // a development build is ready for release users is a maintainer's call, so a lone 'master' gets no fix.
            // Several names on one tag are BL1007's to sort out first.
            var fix = image.Channel == TagChannel.Latest && suffix.Images.TrueForAll(i => string.Equals(i.DisplayName, first.DisplayName, StringComparison.OrdinalIgnoreCase))
                ? GalleryFixes.DevelopmentImage(model, first)
                : null;
            yield return Rule.At(tag.Span,
                $"Gallery image {Finding.Quote(first.DisplayName)} is tagged {Finding.Quote(have + suffix.Text)}, but no image uses {Finding.Quote(missing + suffix.Text)}, so the {channel} channel cannot install it: add an image {Finding.Quote(name)} with uri {Finding.Quote($"{image.Repository}:{missing}{suffix.Text}")} next to it.",
                first.MetaName, $"suffix={suffix.Text};missing={missing}") with { Fix = fix };
        }
    }
}
