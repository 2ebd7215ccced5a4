using System.Runtime.InteropServices;
using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Gallery;

/// <summary>A suffix published only as <c>latest-</c> or only as <c>master-</c> leaves one channel (releases or development) unable to install it.</summary>
internal sealed class ImageChannelsMustPair : ICheck
{
    public CheckDescriptor Descriptor { get; } = new(
        CheckIds.ImageChannelsMustPair, nameof(ImageChannelsMustPair),
        "Every gallery tag suffix has both a 'latest' and a 'master' image.",
        Severity.Error,
        "Production images are tagged 'latest<suffix>' and development images ('-development' entries) 'master<suffix>'; the runtime falls back from 'latest-' to 'master-' tags. A suffix with only one of the two breaks the other channel.",
        "consistency");

    public IEnumerable<Finding> Run(BackendModel model)
    {
        // The first image of each suffix, and whether the other channel was seen too.
        var channels = new Dictionary<string, (GalleryEntry Entry, ImageReference Image, bool Paired)>(StringComparer.Ordinal);
        foreach (var entry in model.Gallery.Images)
        {
            if (entry.Image is { IsBackendsRepository: true, SuffixText: { } suffix, Channel: not TagChannel.Other } image)
            {
                ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(channels, suffix, out var seen);
                if (!seen)
                    first = (entry, image, false);
                else if (first.Image.Channel != image.Channel)
                    first.Paired = true;
            }
        }

        foreach (var (suffix, (entry, image, paired)) in channels)
        {
            if (paired)
                continue;
            var present = image.Channel;
            var (have, missing, channel) = present == TagChannel.Latest ? ("latest", "master", "development") : ("master", "latest", "release");
            yield return Descriptor.At(image.TagSpan!.Value,
                $"Gallery image {Finding.Quote(entry.DisplayName)} is tagged {Finding.Quote(have + suffix)}, but no image uses {Finding.Quote(missing + suffix)}, so the {channel} channel cannot install it.",
                entry.MetaName, $"suffix={suffix};missing={missing}");
        }
    }
}
