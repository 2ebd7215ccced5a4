using System.IO.Compression;
using System.Text;

namespace BackendLint.Git;

/// <summary>The four kinds of object; the values are the type codes of pack entries, so an entry's code converts directly.</summary>
internal enum GitObjectType
{
    Commit = 1,
    Tree = 2,
    Blob = 3,
    Tag = 4,
}

/// <summary>An object inflated whole: nothing the reader returns is larger than <see cref="ObjectStore.MaxObjectSize"/>.</summary>
internal readonly record struct GitObject(GitObjectType Type, byte[] Data);

/// <summary>
/// The objects of one repository: loose files and packs, in its own <c>objects</c> directory and in
/// those its <c>objects/info/alternates</c> names (how <c>git clone --shared</c> and <c>--reference</c>
/// share objects; read only, at most <see cref="MaxAlternateDepth"/> levels deep, each directory once).
/// Nothing is cached but the list of packs and their fan-out tables.
/// </summary>
internal sealed class ObjectStore(string objectsDirectory)
{
    /// <summary>No file the linter reads is near this; a larger object is refused before it is inflated.</summary>
    public const int MaxObjectSize = 100 * 1024 * 1024;

    private const int MaxDeltaChain = 50_000;
    private const int MaxAlternateDepth = 5;

    private List<string>? _directories;
    private List<PackFile>? _packs;

    private List<string> Directories => _directories ??= WithAlternates(Path.GetFullPath(objectsDirectory));

    private List<PackFile> Packs => _packs ??= FindPacks(Directories);

    /// <summary>The object, or null when no loose file and no pack holds it. Anything malformed is a <see cref="GitError"/> naming it.</summary>
    public GitObject? TryRead(string id)
    {
        try
        {
            if (ReadLoose(id) is { } loose)
                return loose;
            return Locate(Convert.FromHexString(id)) is var (pack, offset) ? ReadPacked(pack, offset, id) : null;
        }
        catch (InvalidDataException e)
        {
            throw new GitError(GitProblem.Corrupt, $"object {id} is corrupt: its compressed data cannot be inflated ({e.Message})");
        }
        catch (Exception e) when (e is not (GitError or OutOfMemoryException))
        {
            throw new GitError(GitProblem.Corrupt, $"object {id} cannot be read: {e.Message}");
        }
    }

    /// <summary>Up to 16 object ids that start with the lowercase hex <paramref name="prefix"/> (at least 4 digits), loose or packed.</summary>
    public ISet<string> FindPrefix(string prefix)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directory in Directories)
        {
            var fan = Path.Combine(directory, prefix[..2]);
            if (!Directory.Exists(fan))
                continue;
            foreach (var file in Directory.EnumerateFiles(fan))
            {
                var name = Path.GetFileName(file);
                if (name.Length == 38 && name.StartsWith(prefix[2..], StringComparison.Ordinal) && IsHex(name))
                    found.Add(prefix[..2] + name);
            }
        }
        var bytes = Convert.FromHexString(prefix.Length % 2 == 0 ? prefix : prefix + "0");
        foreach (var pack in Packs)
            pack.FindPrefix(bytes, prefix.Length, found);
        return found;
    }

    /// <summary>Whether <paramref name="name"/> starts with the first <paramref name="nibbles"/> hex digits of <paramref name="prefix"/>.</summary>
    public static bool StartsWith(ReadOnlySpan<byte> name, ReadOnlySpan<byte> prefix, int nibbles)
    {
        if (!name.StartsWith(prefix[..(nibbles / 2)]))
            return false;
        return nibbles % 2 == 0 || (name[nibbles / 2] & 0xF0) == (prefix[nibbles / 2] & 0xF0);
    }

    public static bool IsHex(string text) => text.All(char.IsAsciiHexDigit);

    /// <summary>Inflates exactly <paramref name="size"/> bytes: a stream that ends sooner or goes on longer is corrupt.</summary>
    public static byte[] InflateExactly(Stream data, long size, string id)
    {
        var buffer = new byte[size];
        if (data.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) != buffer.Length)
            throw new GitError(GitProblem.Corrupt, $"object {id} is corrupt: it inflates to fewer than the {size} bytes it declares");
        Span<byte> extra = stackalloc byte[1];
        if (data.Read(extra) != 0)
            throw new GitError(GitProblem.Corrupt, $"object {id} is corrupt: it inflates to more than the {size} bytes it declares");
        return buffer;
    }

    private GitObject? ReadLoose(string id)
    {
        foreach (var directory in Directories)
        {
            var path = Path.Combine(directory, id[..2], id[2..]);
            if (!File.Exists(path))
                continue;
            using var data = new ZLibStream(File.OpenRead(path), CompressionMode.Decompress);
            // "<type> <size>\0": the longest is "commit 104857600".
            Span<byte> header = stackalloc byte[32];
            var length = 0;
            for (int b; (b = data.ReadByte()) != 0; header[length++] = (byte)b)
                if (b < 0 || length == header.Length)
                    throw new GitError(GitProblem.Corrupt, $"object {id} is corrupt: its loose file has no valid header");
            var text = Encoding.ASCII.GetString(header[..length]);
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            GitObjectType? type = space < 0 ? null : text[..space] switch
            {
                "commit" => GitObjectType.Commit,
                "tree" => GitObjectType.Tree,
                "blob" => GitObjectType.Blob,
                "tag" => GitObjectType.Tag,
                _ => null,
            };
            if (type is null || text.Length - space - 1 is < 1 or > 18 || !text[(space + 1)..].All(char.IsAsciiDigit))
                throw new GitError(GitProblem.Corrupt, $"object {id} is corrupt: its loose file has no valid header");
            var size = long.Parse(text[(space + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            if (size > MaxObjectSize)
                throw new GitError(GitProblem.TooLarge, $"object {id} is {size} bytes, more than the {MaxObjectSize} bytes read from git");
            return new GitObject(type.Value, InflateExactly(data, size, id));
        }
        return null;
    }

    private (PackFile Pack, long Offset)? Locate(ReadOnlySpan<byte> id)
    {
        foreach (var pack in Packs)
            if (pack.Find(id) is { } offset)
                return (pack, offset);
        return null;
    }

    // A delta's base may itself be a delta, in this pack (OFS_DELTA, or REF_DELTA to an object it holds)
    // or another (REF_DELTA). The chain is walked first without inflating anything, then rebuilt from
    // its base: one delta is in memory at a time, and no recursion however long the chain.
    private GitObject ReadPacked(PackFile pack, long offset, string id)
    {
        var streams = new Dictionary<PackFile, FileStream>();
        try
        {
            FileStream Stream(PackFile p) => streams.TryGetValue(p, out var s) ? s : streams[p] = p.Open();
            var chain = new List<(PackFile Pack, PackEntry Entry)>();
            GitObject result;
            while (true)
            {
                if (chain.Count > MaxDeltaChain)
                    throw new GitError(GitProblem.Corrupt, $"object {id} is corrupt: its delta chain is longer than {MaxDeltaChain}");
                var entry = pack.ReadEntry(Stream(pack), offset, id);
                if (!entry.IsDelta)
                {
                    result = new GitObject((GitObjectType)entry.Type, pack.Inflate(Stream(pack), entry, id));
                    break;
                }
                chain.Add((pack, entry));
                if (entry.BaseId is null)
                {
                    offset = entry.BaseOffset;
                    continue;
                }
                if (pack.Find(entry.BaseId) is { } inPack)
                {
                    offset = inPack;
                    continue;
                }
                var baseId = Convert.ToHexStringLower(entry.BaseId);
                if (ReadLoose(baseId) is { } loose)
                {
                    result = loose;
                    break;
                }
                (pack, offset) = Locate(entry.BaseId)
                    ?? throw new GitError(GitProblem.Corrupt, $"object {id} is corrupt: its delta base {baseId} is not in the repository");
            }
            for (var i = chain.Count - 1; i >= 0; i--)
            {
                var (deltaPack, entry) = chain[i];
                result = result with { Data = Delta.Apply(result.Data, deltaPack.Inflate(Stream(deltaPack), entry, id), id) };
            }
            return result;
        }
        finally
        {
            foreach (var stream in streams.Values)
                stream.Dispose();
        }
    }

    private static List<string> WithAlternates(string objects)
    {
        var directories = new List<string>();
        var pending = new Queue<(string Directory, int Depth)>([(objects, 0)]);
        while (pending.TryDequeue(out var next))
        {
            if (directories.Contains(next.Directory) || !Directory.Exists(next.Directory))
                continue;
            directories.Add(next.Directory);
            var alternates = GitRepository.ReadSmallFile(Path.Combine(next.Directory, "info", "alternates"));
            if (alternates is null || next.Depth == MaxAlternateDepth)
                continue;
            // One path a line, relative to this objects directory; quoted (C-escaped) paths are not read.
            foreach (var line in alternates.Split('\n'))
                if (line.TrimEnd('\r') is { Length: > 0 } path && path[0] is not ('#' or '"'))
                    pending.Enqueue((Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, next.Directory)), next.Depth + 1));
        }
        return directories;
    }

    private static List<PackFile> FindPacks(List<string> directories)
    {
        var packs = new List<PackFile>();
        foreach (var directory in directories.Select(d => Path.Combine(d, "pack")).Where(Directory.Exists))
            foreach (var index in Directory.GetFiles(directory, "*.idx").Order(StringComparer.Ordinal))
                if (File.Exists(Path.ChangeExtension(index, ".pack")))
                    packs.Add(new PackFile(index, Path.ChangeExtension(index, ".pack")));
        return packs;
    }
}
