using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Gallery;

/// <summary>A family that publishes development images but has no <c>X-development</c> meta, or whose development images lack <c>alias: X</c>, cannot be installed or selected as a development build.</summary>
internal sealed class DevelopmentChannelComplete : ICheck
{
    public Rule Rule { get; } = new(
        CheckIds.DevelopmentChannelComplete, nameof(DevelopmentChannelComplete),
        "A family with 'master' images has an 'X-development' meta, and its development images carry 'alias: X'.",
        Severity.Warning,
        "Users get the development build of backend X by installing 'X-development', and a model's 'backend: X' finds an installed development build only through its 'alias: X'. A family that publishes 'master' images without the meta cannot be installed by that name on any hardware; development images without the alias are installed but never selected.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Gallery;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        foreach (var family in model.Gallery.Families)
        {
            // A root named '…-development' (galleries before metas copied a development image) has no release name to complete.
            if (family.Root is not { Name: { } name, IsDevelopment: false } root || !family.HasMasterImages)
                continue;
            var development = name.Text + "-development";
            if (root.IsMeta && model.Gallery.EntryNamed(development) is null)
                yield return Rule.At(name.Span,
                    $"{Finding.Quote(name.Text)} has development images ('master' tags) but no entry is named {Finding.Quote(development)}, so its development build cannot be installed by name: add a meta {Finding.Quote(development)} merging {Finding.Quote(name.Text)} whose capabilities name its '-development' images.",
                    root.MetaName, $"family={name.Text};missing=meta") with { Fix = GalleryFixes.DevelopmentMeta(model, family) };

            // The name 'backend: …' selects the release build by: the root's alias, else its name.
            var alias = root.Alias?.Text ?? name.Text;
            var images = family.DevelopmentImages.ToList();
            var lacking = images.Where(i => i.Alias?.Text != alias).ToList();
            if (lacking is not [var first, ..])
                continue;
            var which = lacking.Count == images.Count
                ? (images.Count == 1 ? "The development image" : $"The {images.Count} development images")
                : $"{lacking.Count} of the {images.Count} development images";
            yield return Rule.At(first.Name!.Value.Span,
                $"{which} of {Finding.Quote(name.Text)} ({Finding.Quote(first.DisplayName)}{(lacking.Count > 1 ? ", …" : "")}) {(lacking.Count == 1 ? "has" : "have")} no alias {Finding.Quote(alias)}, so 'backend: {alias}' never selects an installed development build: "
                + (root.Alias is null ? $"add 'alias: {alias}' to {Finding.Quote(name.Text)}, which its images inherit." : $"give them alias {Finding.Quote(alias)}."),
                root.MetaName, $"family={name.Text};missing=alias") with
                {
                    // One line on the meta fixes every image that inherits it; an image with an alias of its own was given it by someone.
                    Fix = root.Alias is null && lacking.TrueForAll(i => i.Alias is null) ? GalleryFixes.Alias(model, root) : null,
                };
        }
    }
}
