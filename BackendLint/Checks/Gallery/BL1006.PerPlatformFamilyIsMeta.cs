using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Gallery;

/// <summary>An entry whose family ships images for several platforms but that is not a meta cannot pick the image for the machine: it installs one platform's image everywhere, or nothing.</summary>
internal sealed class PerPlatformFamilyIsMeta : ICheck
{
    public Rule Rule { get; } = new(
        CheckIds.PerPlatformFamilyIsMeta, nameof(PerPlatformFamilyIsMeta),
        "An entry whose family has images for several platforms is a meta: a name, a capabilities map and no uri.",
        Severity.Error,
        "Backends that ship per-platform images must be meta backends (a name, a capabilities map and no uri): LocalAI treats an entry as a meta only when it has capabilities and no uri, and picks the image for the machine only for a meta. Otherwise installing it pulls one platform's image everywhere (the CPU image on macOS) or fails.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Gallery;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        // A gallery without any capabilities predates meta backends: its runtime could not read one.
        if (!model.Gallery.UsesMetas)
            yield break;
        foreach (var family in model.Gallery.Families.Where(f => f.TagSuffixes.Count >= 2))
        {
            var root = family.Root;
            var platforms = $"images for {family.TagSuffixes.Count} platforms ({Finding.Quote(family.TagSuffixes[0])}, {Finding.Quote(family.TagSuffixes[1])}{(family.TagSuffixes.Count > 2 ? ", …" : "")})";
            var identity = $"family={root.Name?.Text ?? "&" + root.Anchor}";
            if (root.Uri is { } uri)
                yield return Rule.At(uri.Span,
                    $"{Finding.Quote(root.DisplayName)} is merged by {platforms} but has a uri, so it is not a meta and installing it pulls {Finding.Quote(uri.Text)} on every platform"
                    + (root.Capabilities.Count > 0 ? " and ignores its capabilities" : "")
                    + ": move the uri to an image entry of its own and make this entry a meta with a capabilities map naming the image for each platform.",
                    root.MetaName, identity);
            else if (root.Capabilities.Count == 0)
                yield return Rule.At(root.Name?.Span ?? root.AnchorSpan ?? root.Span,
                    $"{Finding.Quote(root.DisplayName)} is merged by {platforms} but has no capabilities map, so installing it finds no image: add a capabilities map naming the image for each platform.",
                    root.MetaName, identity);
            else if (root.Name is null)
                yield return Rule.At(root.AnchorSpan ?? root.Span,
                    $"The meta anchored {Finding.Quote("&" + root.Anchor)} is merged by {platforms} but has no name, so it cannot be installed by name: add a name.",
                    root.MetaName, identity);
        }
    }
}
