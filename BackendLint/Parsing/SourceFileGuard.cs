using System.Runtime.InteropServices;
using BackendLint.Text;

namespace BackendLint.Parsing;

/// <summary>
/// What a source path may be: a regular file, at most <see cref="MaxBytes"/>, whose real path (every
/// symbolic link of every component followed) is inside the repository. A pull request can commit
/// symbolic links: to <c>/dev/zero</c> (a read that never ends), to a file outside the checkout
/// (whose content would end up in the annotations), or to a directory. Each is an input error
/// naming the path and what it is, before anything is opened.
/// </summary>
public static partial class SourceFileGuard
{
    /// <summary>GitHub refuses files over 100 MB; so does BackendLint.</summary>
    public const long MaxBytes = 100L * 1024 * 1024;

    private const int MaxLinks = 40; // as Linux's ELOOP

    /// <summary>The real path of a source that may be read, or null when it does not exist.</summary>
    /// <param name="relative">The path as reported: repository-relative, '/' separators.</param>
    public static string? Check(string root, string full, string relative)
    {
        // The root exists (RepositoryReader checked it), so it has a real path.
        var realRoot = RealPath(Path.GetFullPath(root), relative, out _)!;
        var real = RealPath(Path.GetFullPath(full), relative, out var viaLink);
        if (real is null)
        {
            if (viaLink is not null)
                throw InputError.AtFile(relative, $"the file is a symbolic link to '{viaLink}', which does not exist");
            return null;
        }

        if (!IsInside(real, realRoot))
            throw InputError.AtFile(relative, $"the file is a symbolic link to '{real}', outside the repository; only files inside it are read");

        switch (TypeOf(real))
        {
            case FileType.Directory:
                throw InputError.AtFile(relative, "expected a file, found a directory");
            case FileType.Other:
                throw InputError.AtFile(relative, "expected a regular file, found a device, pipe or socket");
        }

        var length = new FileInfo(real).Length;
        if (length > MaxBytes)
            throw InputError.AtFile(relative, $"the file is {length:N0} bytes, more than the {MaxBytes:N0} a source may have");
        return real;
    }

    /// <summary>A directory's real path (every link followed), or null when it does not exist.</summary>
    public static string? RealDirectory(string directory) => RealPath(Path.GetFullPath(directory), directory, out _);

    private static bool IsInside(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);

    // Follows every symbolic link of every component, like realpath(3). Null when a component does
    // not exist; viaLink is then the dangling link's target, if a link led there.
    private static string? RealPath(string path, string relative, out string? viaLink)
    {
        viaLink = null;
        var pending = new Stack<string>(Segments(path).Reverse());
        var current = Path.GetPathRoot(path) ?? "/";
        var links = 0;
        while (pending.TryPop(out var segment))
        {
            if (segment == ".")
                continue;
            if (segment == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, segment);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                    throw InputError.AtFile(relative, "the file is a loop of symbolic links");
                var absolute = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
                viaLink = absolute;
                foreach (var part in Segments(absolute).Reverse())
                    pending.Push(part);
                current = Path.GetPathRoot(absolute) ?? "/";
                continue;
            }

            if (!info.Exists && !Directory.Exists(next))
                return null;
            current = next;
        }

        viaLink = null;
        return current;
    }

    private static IEnumerable<string> Segments(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private enum FileType
    {
        Regular,
        Directory,
        Other,
    }

    // .NET's public file API shows a FIFO or a device as an empty regular file, and opening a FIFO
    // blocks. The runtime's own native shim (in every .NET on Linux and macOS, linked into the AOT
    // binary) reports the type: its FileStatus starts with Flags and Mode, Mode holding S_IFMT.
    private static FileType TypeOf(string path)
    {
        if (Directory.Exists(path))
            return FileType.Directory;
        try
        {
            var status = new byte[256]; // larger than any FileStatus the runtime has had
            if (Stat(path, ref status[0]) != 0)
                return FileType.Regular; // vanished or unreadable: reading it reports that
            var mode = BitConverter.ToInt32(status, 4) & 0xF000;
            return mode switch
            {
                0x8000 => FileType.Regular,
                0x4000 => FileType.Directory,
                _ => FileType.Other,
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return FileType.Regular; // not on this platform (Windows): the containment check still holds
        }
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, ref byte status);
}
