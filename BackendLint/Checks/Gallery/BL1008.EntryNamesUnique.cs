using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Gallery;

/// <summary>LocalAI installs the first gallery entry of a name: a second entry of that name that says something else is never installed.</summary>
internal sealed class EntryNamesUnique : ICheck
{
    public Rule Rule { get; } = new(
        CheckIds.EntryNamesUnique, nameof(EntryNamesUnique),
        "Gallery entry names are unique.",
        Severity.Error,
        "LocalAI finds a gallery entry by name, ignoring case, and takes the first. A second entry with the same name is never installed: when it differs from the first (another image, another meta), whatever it was meant to install is silently lost; this is an error. An identical copy changes nothing yet, but the next edit to one copy is lost the same way; this is a warning.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Gallery;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in model.Gallery.Entries)
        {
            if (entry.Name is not { } name || !seen.Add(name.Text))
                continue;
            var named = model.Gallery.EntriesNamed(name.Text);
            foreach (var copy in named.Skip(1))
            {
                var identical = copy.ContentHash == entry.ContentHash;
                var finding = Rule.At(Where(copy.Name!.Value),
                    identical
                        ? $"Gallery entry {Finding.Quote(copy.DisplayName)} is an identical copy of [the entry of that name](1) above: remove one of the two."
                        : $"Gallery entry {Finding.Quote(copy.DisplayName)} repeats the name of [an entry above](1) but differs from it, and LocalAI only ever installs the first entry of a name: rename one of the two, or remove the wrong one.",
                    copy.MetaName, $"name={name.Text.ToLowerInvariant()};{(identical ? "identical" : "differs")}",
                    new RelatedLocation(Where(name), $"The first entry named {Finding.Quote(entry.DisplayName)}."));
                // An identical copy can go: LocalAI never installs it, and the first says the same.
                yield return identical ? finding with { Level = Severity.Warning, Fix = GalleryFixes.DeleteCopy(model, copy) } : finding;
            }
        }
    }

    // An inherited name is written on the meta, which every copy shares: point at the copy's merge.
    private static Text.SourceSpan Where(GalleryValue name) => name.MergedAt ?? name.Span;
}
