using System.Text;

namespace BackendLint.Git;

/// <summary>
/// Reads revisions and files of a git repository straight from its files, without running <c>git</c>:
/// a checkout under review can bring hooks, config-driven commands, filters and textconv drivers, and
/// none of them may run. Nothing is ever written. Of <c>config</c> only the repository format is read
/// (to refuse SHA-256 and unknown formats); no <c>GIT_*</c> environment variable is consulted. Not
/// thread-safe; cheap to create, holds no open files.
/// </summary>
public sealed class GitRepository
{
    private const int MaxSymbolicRefDepth = 5; // refs read for one name, git's own limit (SYMREF_MAXDEPTH)
    private const int MaxTagDepth = 64;

    private readonly string _commonDirectory;
    private ObjectStore? _objects;
    private HashSet<string>? _shallowCommits;
    private bool _formatChecked;

    private GitRepository(string gitDirectory, string commonDirectory, string? workTree)
    {
        GitDirectory = gitDirectory;
        _commonDirectory = commonDirectory;
        WorkTree = workTree;
    }

    /// <summary>Absolute top-level directory of the working tree; null for a bare repository.</summary>
    public string? WorkTree { get; }

    /// <summary>Absolute; for a linked worktree its own directory under the main repository's <c>worktrees/</c>.</summary>
    public string GitDirectory { get; }

    /// <summary>A shallow clone lacks history beyond its boundary commits, so a missing commit there has a known fix.</summary>
    public bool IsShallow => File.Exists(Path.Combine(_commonDirectory, "shallow"));

    private ObjectStore Objects => _objects ??= new ObjectStore(Path.Combine(_commonDirectory, "objects"));

    /// <summary>
    /// Walks upward from <paramref name="start"/> as git does: a <c>.git</c> directory, or a <c>.git</c>
    /// file (<c>gitdir: path</c>, as linked worktrees and submodules have), honouring the git directory's
    /// <c>commondir</c>. <paramref name="start"/> itself may also be a bare repository. Null when none is found;
    /// a <c>.git</c> file that names no repository is a <see cref="GitProblem.NotARepository"/> error, as in git.
    /// </summary>
    public static GitRepository? Discover(string start)
    {
        var first = Path.TrimEndingDirectorySeparator(Path.GetFullPath(start));
        if (!Directory.Exists(first))
            return null;
        for (var directory = first; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var dotGit = Path.Combine(directory, ".git");
            if (Directory.Exists(dotGit))
            {
                if (Open(dotGit, directory) is { } repository)
                    return repository;
            }
            else if (ReadSmallFile(dotGit) is { } gitFile)
            {
                var target = gitFile.StartsWith("gitdir: ", StringComparison.Ordinal) ? gitFile[8..].TrimEnd() : "";
                return (target.Length > 0 ? Open(Path.GetFullPath(target, directory), directory) : null)
                    ?? throw new GitError(GitProblem.NotARepository, $"{dotGit} is not a valid .git file: it must say 'gitdir: <path>' and name a git directory");
            }
            if (directory == first && Open(directory, null) is { } bare)
                return bare;
        }
        return null;
    }

    /// <summary>
    /// The 40-hex commit id a revision names: a full or abbreviated id, <c>HEAD</c>, a full or short ref
    /// name (looked up in git's order), an annotated tag (peeled), and any chain of <c>~N</c> and <c>^N</c>.
    /// Only <c>HEAD</c> and names under <c>refs/</c> are read as given; other files in the git directory
    /// (<c>FETCH_HEAD</c>, <c>ORIG_HEAD</c>) are not refs here. <c>@{…}</c>, <c>^{…}</c>, <c>:path</c> and
    /// ranges are <see cref="GitProblem.Unsupported"/>.
    /// </summary>
    public string Resolve(string revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        return Guarded(revision, () =>
        {
            CheckFormat();
            var split = revision.IndexOfAny(['~', '^']);
            var commit = PeelToCommit(ResolveName(split < 0 ? revision : revision[..split], revision), revision);
            for (var i = split < 0 ? revision.Length : split; i < revision.Length;)
            {
                var op = revision[i++];
                var digits = i;
                while (i < revision.Length && char.IsAsciiDigit(revision[i]))
                    i++;
                if (i < revision.Length && revision[i] is not ('~' or '^'))
                    throw new GitError(GitProblem.Unsupported, $"revision '{Quote(revision)}' uses syntax this reader does not support; use a ref name or commit id with ~N and ^N");
                if (i - digits > 9)
                    throw NotFound(revision);
                var n = i == digits ? 1 : int.Parse(revision.AsSpan(digits, i - digits), System.Globalization.CultureInfo.InvariantCulture);
                if (op == '^')
                    commit = n == 0 ? commit : Parent(commit, n, revision);
                else
                    for (var step = 0; step < n; step++)
                        commit = Parent(commit, 1, revision);
            }
            return commit;
        });
    }

    /// <summary>
    /// The bytes of a file at a '/'-separated path from the top level, as committed (no filters, no
    /// line-ending conversion). Null when there is no such regular file: a missing component, a
    /// directory, a symbolic link (120000: its target is not followed) or a submodule (160000: its
    /// commit is in another repository).
    /// </summary>
    /// <param name="commitId">A full commit id, as <see cref="Resolve"/> returns.</param>
    public byte[]? ReadFile(string commitId, string path) =>
        Lookup(commitId, path, read: true).Bytes;

    /// <summary>
    /// The object id of the regular file at <paramref name="path"/> in a commit, without reading
    /// the file: equal ids mean equal bytes, so a caller can tell that a file is unchanged
    /// (<see cref="BlobIdOf"/>). Null exactly when <see cref="ReadFile"/> is.
    /// </summary>
    public string? FileId(string commitId, string path) =>
        Lookup(commitId, path, read: false).Id;

    /// <summary>
    /// The names directly in the directory at a '/'-separated path from the top level ("" for the top
    /// level), with their git modes (<c>040000</c> a directory, <c>100644</c>/<c>100755</c> a file,
    /// <c>120000</c> a symbolic link, <c>160000</c> a submodule), in the tree's order; no file is read.
    /// Null when the path is not a directory at the commit.
    /// </summary>
    /// <param name="commitId">A full commit id, as <see cref="Resolve"/> returns.</param>
    public IReadOnlyList<(string Name, int Mode)>? ListDirectory(string commitId, string path)
    {
        return AtCommit(commitId, path, (id, current) =>
        {
            foreach (var name in path.Length == 0 ? [] : path.Split('/'))
            {
                var tree = Present(current, path, id, GitObjectType.Tree);
                if (FindEntry(tree, name, current) is not var (mode, entry) || (mode & 0xF000) != 0x4000)
                    return null;
                current = entry;
            }

            return (IReadOnlyList<(string, int)>?)Entries(Present(current, path, id, GitObjectType.Tree), current);
        });
    }

    /// <summary>The id git gives a file with these bytes (<c>git hash-object</c>): SHA-1 of "blob &lt;size&gt;\0" and the bytes.</summary>
    public static string BlobIdOf(ReadOnlySpan<byte> bytes)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA1);
        sha.AppendData(System.Text.Encoding.ASCII.GetBytes($"blob {bytes.Length}\0"));
        sha.AppendData(bytes);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private (string? Id, byte[]? Bytes) Lookup(string commitId, string path, bool read)
    {
        return AtCommit(commitId, path, (id, current) =>
        {
            var names = path.Split('/');
            for (var i = 0; ; i++)
            {
                var tree = Present(current, path, id, GitObjectType.Tree);
                if (FindEntry(tree, names[i], current) is not var (mode, entry))
                    return default((string?, byte[]?));
                if (i < names.Length - 1 && (mode & 0xF000) == 0x4000)
                    current = entry;
                else if (i == names.Length - 1 && (mode & 0xF000) == 0x8000)
                    return (entry, read ? Present(entry, path, id, GitObjectType.Blob) : null);
                else
                    return default;
            }
        });
    }

    /// <summary>Checks a full commit id and runs <paramref name="walk"/> with it (lower case) and its root tree's id, guarded as every read is.</summary>
    private T AtCommit<T>(string commitId, string path, Func<string, string, T> walk)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (commitId is not { Length: 40 } || !ObjectStore.IsHex(commitId))
            throw new ArgumentException($"'{commitId}' is not a full commit id; pass what Resolve returns", nameof(commitId));
        var id = commitId.ToLowerInvariant();
        return Guarded(id, () =>
        {
            CheckFormat();
            var commit = Objects.TryRead(id) ?? throw Missing(id, id);
            if (commit.Type != GitObjectType.Commit)
                throw new GitError(GitProblem.NotFound, $"object {id} in {GitDirectory} is a {Name(commit.Type)}, not a commit");
            return walk(id, ParseCommit(commit.Data, id).Tree);
        });
    }

    /// <summary>Reads a small file of the git directory; null when it does not exist (or is a directory).</summary>
    internal static string? ReadSmallFile(string path, int limit = 64 * 1024)
    {
        if (!File.Exists(path))
            return null;
        using var file = File.OpenRead(path);
        var buffer = new byte[limit + 1];
        var length = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (length > limit)
            throw new GitError(GitProblem.Corrupt, $"{path} is larger than the {limit} bytes such a file can have");
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static GitRepository? Open(string gitDirectory, string? workTree)
    {
        if (!File.Exists(Path.Combine(gitDirectory, "HEAD")))
            return null;
        var common = ReadSmallFile(Path.Combine(gitDirectory, "commondir"))?.TrimEnd() is { Length: > 0 } relative
            ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(relative, gitDirectory))
            : gitDirectory;
        return Directory.Exists(Path.Combine(common, "objects")) && Directory.Exists(Path.Combine(common, "refs"))
            ? new GitRepository(gitDirectory, common, workTree)
            : null;
    }

    // Only the repository format: everything else in config is a setting this reader must not act on.
    private void CheckFormat()
    {
        if (_formatChecked)
            return;
        string? section = null, objectFormat = null;
        var version = 0;
        foreach (var raw in (ReadSmallFile(Path.Combine(_commonDirectory, "config"), 1024 * 1024) ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('[') && line.IndexOf(']', StringComparison.Ordinal) is var close and > 0)
            {
                section = line[1..close].Trim().ToLowerInvariant();
                line = line[(close + 1)..].Trim();
            }
            if (line.IndexOf('=', StringComparison.Ordinal) is not (var equals and > 0))
                continue;
            var key = line[..equals].Trim().ToLowerInvariant();
            var value = line[(equals + 1)..].Split('#', ';')[0].Trim().Trim('"').ToLowerInvariant();
            if (section == "core" && key == "repositoryformatversion" && !int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out version))
                version = int.MaxValue;
            if (section == "extensions" && key == "objectformat")
                objectFormat = value;
        }
        if (version > 1)
            throw new GitError(GitProblem.Unsupported, $"{GitDirectory} has repository format version {version}; only versions 0 and 1 can be read");
        if (objectFormat is not (null or "sha1"))
            throw new GitError(GitProblem.Unsupported, $"{GitDirectory} uses {objectFormat} object ids; only SHA-1 repositories can be read");
        if (Directory.Exists(Path.Combine(_commonDirectory, "reftable")))
            throw new GitError(GitProblem.Unsupported, $"{GitDirectory} stores its refs in a reftable; only loose refs and packed-refs can be read");
        _formatChecked = true;
    }

    private string ResolveName(string name, string revision)
    {
        if (name == "@")
            name = "HEAD";
        if (name.Length == 40 && ObjectStore.IsHex(name))
            return name.ToLowerInvariant();
        if (name.Contains("@{", StringComparison.Ordinal) || name.Contains(':', StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal))
            throw new GitError(GitProblem.Unsupported, $"revision '{Quote(revision)}' uses syntax this reader does not support; use a ref name or commit id with ~N and ^N");
        // git's order (refs.c, ref_rev_parse_rules); the name as given only for HEAD and refs/.
        string[] rules = ["refs/{0}", "refs/tags/{0}", "refs/heads/{0}", "refs/remotes/{0}", "refs/remotes/{0}/HEAD"];
        var candidates = (name == "HEAD" || name.StartsWith("refs/", StringComparison.Ordinal) ? [name] : Array.Empty<string>())
            .Concat(rules.Select(rule => string.Format(System.Globalization.CultureInfo.InvariantCulture, rule, name)));
        foreach (var candidate in candidates)
            if (ReadRef(candidate) is { } id)
                return id;
        if (name.Length >= 4 && ObjectStore.IsHex(name))
        {
            var found = Objects.FindPrefix(name.ToLowerInvariant());
            if (found.Count > 1)
                throw new GitError(GitProblem.NotFound, $"short object id '{name}' is ambiguous in {GitDirectory}: {found.Count}{(found.Count >= 16 ? " or more" : "")} objects start with it; give more hex digits");
            if (found.Count == 1)
                return found.Single();
            throw Missing(revision, name);
        }
        throw NotFound(revision);
    }

    // A loose ref (HEAD and per-worktree refs in the worktree's git directory, others in the common
    // one), else packed-refs; symbolic refs are followed to git's depth. Null when it does not exist.
    private string? ReadRef(string name)
    {
        var start = name;
        for (var depth = 0; depth < MaxSymbolicRefDepth; depth++)
        {
            if (!IsValidRefName(name))
                return null;
            var perWorktree = name == "HEAD" || name.StartsWith("refs/worktree/", StringComparison.Ordinal)
                || name.StartsWith("refs/bisect/", StringComparison.Ordinal) || name.StartsWith("refs/rewritten/", StringComparison.Ordinal);
            var loose = Path.Combine(perWorktree ? GitDirectory : _commonDirectory, name);
            var content = (Directory.Exists(loose) ? null : ReadSmallFile(loose)?.Trim()) ?? ReadPackedRef(name);
            if (content is null && start == "HEAD" && depth > 0)
                throw new GitError(GitProblem.UnbornHead, $"HEAD in {GitDirectory} points at {Quote(name)}, which has no commit yet; commit first or name a revision");
            if (content is null)
                return null;
            if (content.StartsWith("ref:", StringComparison.Ordinal))
            {
                name = content[4..].Trim();
                continue;
            }
            if (content.Length == 40 && ObjectStore.IsHex(content))
                return content.ToLowerInvariant();
            throw new GitError(GitProblem.Corrupt, $"ref {name} in {GitDirectory} is corrupt: it holds neither an object id nor 'ref: <name>'");
        }
        throw new GitError(GitProblem.Corrupt, $"symbolic ref {start} in {GitDirectory} leads through more than {MaxSymbolicRefDepth} refs; is it a loop?");
    }

    // "<id> <name>" lines, each optionally followed by "^<id>", the tag it names peeled to a non-tag.
    private string? ReadPackedRef(string name)
    {
        var path = Path.Combine(_commonDirectory, "packed-refs");
        if (!name.StartsWith("refs/", StringComparison.Ordinal) || !File.Exists(path))
            return null;
        string? found = null;
        foreach (var line in File.ReadLines(path))
        {
            if (found is not null)
                return line.StartsWith('^') ? line[1..].Trim() : found;
            if (line.Length == 41 + name.Length && line[40] == ' ' && line.AsSpan(41).SequenceEqual(name))
                found = line[..40];
        }
        return found;
    }

    // Components that are not empty and do not start with '.', so a name can never leave refs/.
    private static bool IsValidRefName(string name) =>
        name.Length is > 0 and <= 1024
        && name.Split('/').All(part => part.Length > 0 && part[0] != '.' && !part.EndsWith(".lock", StringComparison.Ordinal))
        && !name.Any(c => c < ' ' || c == '\x7f' || "~^:?*[\\ ".Contains(c, StringComparison.Ordinal))
        && !name.Contains("..", StringComparison.Ordinal) && !name.Contains("@{", StringComparison.Ordinal) && !name.EndsWith('.');

    private string PeelToCommit(string id, string revision)
    {
        for (var depth = 0; depth < MaxTagDepth; depth++)
        {
            var found = Objects.TryRead(id) ?? throw Missing(revision, id);
            if (found.Type == GitObjectType.Commit)
                return id;
            if (found.Type != GitObjectType.Tag)
                throw new GitError(GitProblem.NotFound, $"revision '{Quote(revision)}' in {GitDirectory} is a {Name(found.Type)}, not a commit");
            id = Header(found.Data, "object ", id).FirstOrDefault()
                ?? throw new GitError(GitProblem.Corrupt, $"tag {id} in {GitDirectory} is corrupt: it has no object line");
        }
        throw new GitError(GitProblem.Corrupt, $"revision '{Quote(revision)}' in {GitDirectory} is a chain of more than {MaxTagDepth} tags");
    }

    private string Parent(string commit, int n, string revision)
    {
        _shallowCommits ??= IsShallow
            ? File.ReadLines(Path.Combine(_commonDirectory, "shallow")).Select(l => l.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal)
            : [];
        if (_shallowCommits.Contains(commit))
            throw new GitError(GitProblem.Shallow, $"revision '{Quote(revision)}' reaches past commit {commit}, where this shallow clone ({GitDirectory}) ends; check out with `fetch-depth: 0` or deepen it, e.g. `git fetch --deepen=50 origin`");
        var parents = ParseCommit((Objects.TryRead(commit) ?? throw Missing(revision, commit)).Data, commit).Parents;
        if (n > parents.Count)
            throw new GitError(GitProblem.NotFound, $"no revision '{Quote(revision)}' in {GitDirectory}: commit {commit} has {parents.Count} parent{(parents.Count == 1 ? "" : "s")}");
        return PeelToCommit(parents[n - 1], revision);
    }

    private static (string Tree, List<string> Parents) ParseCommit(byte[] data, string id)
    {
        var tree = Header(data, "tree ", id).FirstOrDefault()
            ?? throw new GitError(GitProblem.Corrupt, $"commit {id} is corrupt: it has no tree line");
        return (tree, Header(data, "parent ", id).ToList());
    }

    // The ids on header lines (before the first empty line) that start with the key.
    private static IEnumerable<string> Header(byte[] data, string key, string id)
    {
        var keyBytes = Encoding.ASCII.GetBytes(key);
        for (var start = 0; start < data.Length;)
        {
            var end = Array.IndexOf(data, (byte)'\n', start);
            if (end <= start)
                yield break;
            if (data.AsSpan(start, end - start).StartsWith(keyBytes))
            {
                var value = Encoding.ASCII.GetString(data, start + keyBytes.Length, end - start - keyBytes.Length);
                yield return value.Length == 40 && ObjectStore.IsHex(value)
                    ? value.ToLowerInvariant()
                    : throw new GitError(GitProblem.Corrupt, $"object {id} is corrupt: its '{key.Trim()}' line holds no object id");
            }
            start = end + 1;
        }
    }

    private static List<(string Name, int Mode)> Entries(byte[] tree, string id)
    {
        var entries = new List<(string, int)>();
        var rest = tree.AsSpan();
        while (rest.Length > 0)
        {
            var idAt = NextEntry(rest, id, out var mode, out var name);
            entries.Add((Encoding.UTF8.GetString(rest[name]), mode));
            rest = rest[(idAt + 20)..];
        }

        return entries;
    }

    /// <summary>
    /// Reads the entry at the start of <paramref name="rest"/>, "&lt;octal mode&gt; &lt;name&gt;\0&lt;20-byte id&gt;":
    /// its mode and where its name is; returns where its id starts.
    /// </summary>
    private static int NextEntry(ReadOnlySpan<byte> rest, string id, out int mode, out Range name)
    {
        var space = rest.IndexOf((byte)' ');
        var nul = rest.IndexOf((byte)0);
        if (space is <= 0 or > 7 || nul <= space + 1 || rest.Length < nul + 21)
            throw new GitError(GitProblem.Corrupt, $"tree {id} is corrupt: an entry is malformed");
        mode = 0;
        foreach (var digit in rest[..space])
            mode = digit is >= (byte)'0' and <= (byte)'7' ? mode * 8 + digit - '0'
                : throw new GitError(GitProblem.Corrupt, $"tree {id} is corrupt: an entry has a mode that is not octal");
        name = (space + 1)..nul;
        return nul + 1;
    }

    // "<octal mode> <name>\0<20-byte id>" entries.
    private static (int Mode, string Id)? FindEntry(byte[] tree, string name, string id)
    {
        var wanted = Encoding.UTF8.GetBytes(name);
        var rest = tree.AsSpan();
        while (rest.Length > 0)
        {
            var idAt = NextEntry(rest, id, out var mode, out var entryName);
            if (rest[entryName].SequenceEqual(wanted))
                return (mode, Convert.ToHexStringLower(rest.Slice(idAt, 20)));
            rest = rest[(idAt + 20)..];
        }

        return null;
    }

    private byte[] Present(string id, string path, string commit, GitObjectType type)
    {
        var found = Objects.TryRead(id)
            ?? throw new GitError(GitProblem.NotFound, $"object {id} (on the way to '{Quote(path)}' in commit {commit}) is not in {GitDirectory}; is it a partial clone?");
        return found.Type == type ? found.Data
            : throw new GitError(GitProblem.Corrupt, $"object {id} in {GitDirectory} is a {Name(found.Type)} where a {Name(type)} belongs");
    }

    private GitError Missing(string revision, string id) =>
        IsShallow ? new GitError(GitProblem.Shallow, $"revision '{Quote(revision)}' ({id}) is not in this shallow clone ({GitDirectory}); check out with `fetch-depth: 0` or fetch the commit, e.g. `git fetch --depth=1 origin {Quote(revision)}`")
        : id.StartsWith(revision, StringComparison.OrdinalIgnoreCase) ? NotFound(revision)
        : new GitError(GitProblem.NotFound, $"revision '{Quote(revision)}' names {id}, which is not in {GitDirectory}");

    private GitError NotFound(string revision) => new(GitProblem.NotFound, $"no revision '{Quote(revision)}' in {GitDirectory}");

    private T Guarded<T>(string subject, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (e is not (GitError or OutOfMemoryException))
        {
            throw new GitError(GitProblem.Corrupt, $"cannot read '{Quote(subject)}' from {GitDirectory}: {Quote(e.Message)}");
        }
    }

    private static string Name(GitObjectType type) => type.ToString().ToLowerInvariant();

    // Messages are one line: control characters in a revision or an I/O message would break that.
    private static string Quote(string text) => string.Concat(text.Select(c => char.IsControl(c) ? '?' : c));
}
