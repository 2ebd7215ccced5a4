using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Gallery;

/// <summary>A capability that names an image built for other hardware installs, on exactly that hardware, a backend that cannot use it.</summary>
internal sealed class CapabilityKeyMatchesPlatform : ICheck
{
    public Rule Rule { get; } = new(
        CheckIds.CapabilityKeyMatchesPlatform, nameof(CapabilityKeyMatchesPlatform),
        "Every capability names an image built for the hardware its key names.",
        Severity.Warning,
        "Installing a meta backend picks the value of its 'capabilities:' map for the hardware LocalAI detects: 'nvidia', 'nvidia-cuda-13', 'nvidia-l4t', 'amd', 'intel', 'metal', 'vulkan', 'default'. The image that value names must be built for that hardware (its tag says which: '-gpu-nvidia-cuda-13-', '-nvidia-l4t-', '-gpu-rocm-hipblas-', '-gpu-intel-', '-metal-darwin-arm64-', …); otherwise exactly those machines install a backend that cannot use their GPU, or does not start. Vulkan images are accepted for every GPU key but not on macOS, and 'default' accepts anything.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Gallery;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        // Inherited capabilities are reported once, where the meta writes them.
        foreach (var entry in model.Gallery.Entries.Where(e => e.WritesCapabilities))
        {
            foreach (var capability in entry.Capabilities)
            {
                // LocalAI installs the first entry of the name; a name of no entry is BL1003's.
                if (model.Gallery.EntriesNamed(capability.Value.Value) is not [var target, ..])
                    continue;
                var key = capability.Key.Value;
                var identity = $"entry={entry.DisplayName};capability={key}";
                if (target.Image is not { } image)
                {
                    yield return Rule.At(capability.Value.Span,
                        $"Capability {Finding.Quote(key)} of {Finding.Quote(entry.DisplayName)} names [{Finding.Quote(target.DisplayName)}](1), which has no 'uri', and LocalAI refuses to install a meta backend through a capability: name the image entry built for {Finding.Quote(key)}.",
                        entry.MetaName, identity,
                        new RelatedLocation(Where(target), $"{Finding.Quote(target.DisplayName)} has no 'uri'."));
                    continue;
                }

                var platform = ImagePlatform.Of(image);
                if (platform.AcceptedBy(key) is not false)
                    continue;
                var tag = image.Tag!.Value;
                yield return Rule.At(capability.Value.Span,
                    $"Capability {Finding.Quote(key)} of {Finding.Quote(entry.DisplayName)} names {Finding.Quote(target.DisplayName)}, {platform.Describe()} by [its tag {Finding.Quote(tag.Value)}](1), so machines detected as {Finding.Quote(key)} install a build for other hardware: name the image built for {Finding.Quote(key)}.",
                    entry.MetaName, identity,
                    new RelatedLocation(tag.Span, $"The image of {Finding.Quote(target.DisplayName)}."));
            }
        }
    }

    private static Text.SourceSpan Where(GalleryEntry entry) => entry.Name is { } name ? name.MergedAt ?? name.Span : entry.Span;
}
