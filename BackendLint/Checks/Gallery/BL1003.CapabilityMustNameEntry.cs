using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Text;

namespace BackendLint.Checks.Gallery;

/// <summary>A capability naming no entry makes installing the meta backend fail on exactly that hardware.</summary>
internal sealed class CapabilityMustNameEntry : ICheck
{
    public Rule Rule { get; } = new(
        CheckIds.CapabilityMustNameEntry, nameof(CapabilityMustNameEntry),
        "Every capability names an entry of the gallery.",
        Severity.Error,
        "Installing a meta backend looks up the value its 'capabilities:' map gives for the machine's hardware among the gallery's entry names. A value that names no entry makes the install fail on that hardware only, which is easy to miss.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Gallery;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        // Inherited capabilities are reported once, where the meta writes them.
        foreach (var entry in model.Gallery.Entries.Where(e => e.WritesCapabilities))
        {
            foreach (var capability in entry.Capabilities.Where(c => !model.Gallery.HasEntryNamed(c.Value.Value)))
            {
                var near = Nearest(capability.Value.Value, model.Gallery.Entries.Select(e => e.DisplayName));
                yield return Rule.At(capability.Value.Span,
                    $"Capability {Finding.Quote(capability.Key.Value)} of {Finding.Quote(entry.DisplayName)} names {Finding.Quote(capability.Value.Value)}, but no gallery entry has that name: "
                    + (near is null ? "name an existing entry, or add an image entry with that name." : $"did you mean {Finding.Quote(near)}?"),
                    entry.MetaName, $"entry={entry.DisplayName};capability={capability.Key.Value}");
            }
        }
    }

    // The closest entry name, for a misspelled capability: at most two edits away, and unambiguous.
    private static string? Nearest(string name, IEnumerable<string> names)
    {
        var close = names.Distinct(StringComparer.Ordinal).Where(n => Math.Abs(n.Length - name.Length) <= 2).Select(n => (Name: n, Distance: EditDistance.Between(n, name))).Where(n => n.Distance <= 2).ToList();
        if (close.Count == 0)
            return null;
        var best = close.Min(n => n.Distance);
        return close.Count(n => n.Distance == best) == 1 ? close.First(n => n.Distance == best).Name : null;
    }
}
