using BackendLint.Findings;
using BackendLint.Model;

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
        var close = names.Distinct(StringComparer.Ordinal).Select(n => (Name: n, Distance: Distance(n, name))).Where(n => n.Distance <= 2).ToList();
        if (close.Count == 0)
            return null;
        var best = close.Min(n => n.Distance);
        return close.Count(n => n.Distance == best) == 1 ? close.First(n => n.Distance == best).Name : null;
    }

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
            return 3;
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
