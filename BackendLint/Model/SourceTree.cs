namespace BackendLint.Model;

/// <summary>What a name in the tree is. A symbolic link is never followed, so it is neither a file nor a directory.</summary>
public enum TreeEntryKind
{
    File,
    Directory,
    Link,
    Other,
}

/// <summary>One name in a directory of the tree, and what it is.</summary>
public readonly record struct TreeEntry(string Name, TreeEntryKind Kind);

/// <summary>A directory <c>backend/&lt;lang&gt;/&lt;name&gt;/</c> and the names directly in it.</summary>
public sealed class BackendDirectory
{
    private readonly Dictionary<string, TreeEntry> _entries;

    public BackendDirectory(string lang, string name, IReadOnlyList<TreeEntry> entries)
    {
        Lang = lang;
        Name = name;
        Entries = entries;
        _entries = entries.GroupBy(e => e.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public string Lang { get; }

    public string Name { get; }

    /// <summary>Repository-relative, without a trailing '/': <c>backend/python/vllm</c>.</summary>
    public string Path => $"{SourceTree.Root}/{Lang}/{Name}";

    /// <summary>The names directly in it, sorted (ordinal).</summary>
    public IReadOnlyList<TreeEntry> Entries { get; }

    /// <summary>Whether a name is directly in it (a file, or a link, which is not followed).</summary>
    public bool Has(string name) => _entries.TryGetValue(name, out var e) && e.Kind is TreeEntryKind.File or TreeEntryKind.Link;
}

/// <summary>
/// The backend source tree, by name only: the entries directly in <c>backend/</c> (the Dockerfiles,
/// the gallery) and every directory <c>backend/&lt;lang&gt;/&lt;name&gt;/</c> of the four languages with the
/// names directly in it. No file is opened and no symbolic link followed.
/// </summary>
public sealed class SourceTree
{
    public const string Root = "backend";

    /// <summary>The language directories LocalAI keeps backends in.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["cpp", "go", "python", "rust"];

    private readonly Dictionary<string, TreeEntry> _top;
    private readonly Dictionary<(string, string), BackendDirectory> _directories;

    public SourceTree(IReadOnlyList<TreeEntry> top, IReadOnlyList<BackendDirectory> directories)
    {
        Top = top;
        Directories = directories;
        _top = top.GroupBy(e => e.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _directories = directories.ToDictionary(d => (d.Lang, d.Name));
    }

    public static SourceTree Empty { get; } = new([], []);

    /// <summary>The names directly in <c>backend/</c>, sorted (ordinal).</summary>
    public IReadOnlyList<TreeEntry> Top { get; }

    /// <summary>Every <c>backend/&lt;lang&gt;/&lt;name&gt;/</c> directory, by language then name (ordinal).</summary>
    public IReadOnlyList<BackendDirectory> Directories { get; }

    /// <summary>
    /// The language directory a backend built with <c>Dockerfile.&lt;suffix&gt;</c> lives in, as LocalAI's
    /// Makefile and change filter map it: <c>python</c>, <c>golang</c> (<c>go</c> in 2025 trees) is <c>go</c>, <c>rust</c>, and
    /// every other Dockerfile (llama-cpp, ik-llama-cpp, turboquant, ds4, …) builds a C++ backend.
    /// </summary>
    public static string LanguageOf(string dockerfileSuffix) => dockerfileSuffix switch
    {
        "python" => "python",
        "golang" or "go" => "go",
        "rust" => "rust",
        _ => "cpp",
    };

    /// <summary>A matrix <c>dockerfile:</c> value as a repository-relative path: <c>./backend/Dockerfile.python</c> is <c>backend/Dockerfile.python</c>.</summary>
    public static string Normalize(string path)
    {
        while (path.StartsWith("./", StringComparison.Ordinal))
            path = path[2..];
        return path;
    }

    /// <summary>The <c>&lt;x&gt;</c> of a <c>backend/Dockerfile.&lt;x&gt;</c> path, or null for any other path.</summary>
    public static string? DockerfileSuffix(string path)
    {
        const string prefix = Root + "/Dockerfile.";
        var normalized = Normalize(path);
        return normalized.StartsWith(prefix, StringComparison.Ordinal) && normalized.Length > prefix.Length && !normalized[prefix.Length..].Contains('/')
            ? normalized[prefix.Length..]
            : null;
    }

    public BackendDirectory? Directory(string lang, string name) => _directories.GetValueOrDefault((lang, name));

    /// <summary>Whether a name directly in <c>backend/</c> is a file (or a link, not followed).</summary>
    public bool HasFile(string name) => _top.TryGetValue(name, out var e) && e.Kind is TreeEntryKind.File or TreeEntryKind.Link;

    /// <summary>
    /// Whether a repository-relative path is a file this tree lists: <c>backend/&lt;file&gt;</c> or
    /// <c>backend/&lt;lang&gt;/&lt;name&gt;/&lt;file&gt;</c>; null when the tree does not list the path's directory.
    /// </summary>
    public bool? HasPath(string path)
    {
        var parts = path.Split('/');
        if (parts.Length == 2 && parts[0] == Root)
            return HasFile(parts[1]);
        if (parts.Length == 4 && parts[0] == Root && Languages.Contains(parts[1]))
            return Directory(parts[1], parts[2])?.Has(parts[3]) ?? false;
        return null;
    }

    /// <summary>The same names and kinds: what <c>--new-since</c> compares with the revision.</summary>
    public bool SameAs(SourceTree other) =>
        Top.SequenceEqual(other.Top)
        && Directories.Count == other.Directories.Count
        && Directories.Zip(other.Directories).All(p => p.First.Lang == p.Second.Lang && p.First.Name == p.Second.Name && p.First.Entries.SequenceEqual(p.Second.Entries));
}
