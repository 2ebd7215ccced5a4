using BackendLint.Text;

namespace BackendLint.Model;

/// <summary>
/// The CI change filter, read as text and never run: the script that decides which backends a pull
/// request rebuilds (<c>scripts/changed-backends.js</c>) and the modules it imports by relative path
/// (<c>scripts/lib/backend-filter.mjs</c>). What BackendLint knows of it is its string literals
/// outside comments: LocalAI's filter maps a matrix entry to its source directory with one
/// <c>item.dockerfile.endsWith("&lt;x&gt;")</c> branch per <c>Dockerfile.&lt;x&gt;</c>.
/// </summary>
public sealed class ChangeFilter(IReadOnlyList<string> files, IReadOnlyList<Located<string>> literals, IReadOnlyList<string>? lookedFor = null)
{
    private readonly HashSet<string> _literals = literals.Select(l => l.Value).ToHashSet(StringComparer.Ordinal);

    public static ChangeFilter Empty { get; } = new([], []);

    /// <summary>The files read, the script first.</summary>
    public IReadOnlyList<string> Files { get; } = files;

    /// <summary>Every path the reader looked for, found or not: the script and each module it imports by relative path.</summary>
    public IReadOnlyList<string> LookedFor { get; } = lookedFor ?? files;

    /// <summary>Every string literal outside comments, in file order (a template literal's text without its substitutions).</summary>
    public IReadOnlyList<Located<string>> Literals { get; } = literals;

    /// <summary>
    /// Whether the filter names <c>Dockerfile.&lt;suffix&gt;</c>: a string literal that is the suffix
    /// itself (as <c>endsWith("ds4")</c> has it), the file name, or a path ending in it.
    /// </summary>
    public bool Knows(string suffix) =>
        _literals.Contains(suffix) || _literals.Contains("Dockerfile." + suffix)
        || Literals.Any(l => l.Value.EndsWith("/Dockerfile." + suffix, StringComparison.Ordinal));
}
