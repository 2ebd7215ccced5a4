using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Gallery;

/// <summary>A capability naming no entry makes installing the meta backend fail on exactly that hardware.</summary>
internal sealed class CapabilityMustNameEntry : ICheck
{
    public CheckDescriptor Descriptor { get; } = new(
        CheckIds.CapabilityMustNameEntry, nameof(CapabilityMustNameEntry),
        "Every capability names an entry of the gallery.",
        Severity.Error,
        "Installing a meta backend looks up the value its 'capabilities:' map gives for the machine's hardware among the gallery's entry names. A value that names no entry makes the install fail on that hardware only, which is easy to miss.",
        "consistency");

    public IEnumerable<Finding> Run(BackendModel model)
    {
        // LocalAI finds the entry with strings.EqualFold, so case does not matter.
        var names = new HashSet<string>(model.Gallery.Entries.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in model.Gallery.Entries)
        {
            if (entry.Name is { } name)
                names.Add(name.Text);
        }

        foreach (var entry in model.Gallery.Entries)
        {
            // Inherited capabilities are reported once, where the meta writes them.
            if (!entry.WritesCapabilities)
                continue;

            foreach (var capability in entry.Capabilities)
            {
                if (names.Contains(capability.ValueText))
                    continue;

                yield return Descriptor.At(capability.Value.Span,
                    $"Capability {Finding.Quote(capability.Key.Value)} of {Finding.Quote(entry.DisplayName)} names {Finding.Quote(capability.Value.Value)}, but no gallery entry has that name.",
                    entry.MetaName, $"entry={entry.DisplayName};capability={capability.Key.Value}");
            }
        }
    }
}
