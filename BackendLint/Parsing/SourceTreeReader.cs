using BackendLint.Model;
using BackendLint.Text;

namespace BackendLint.Parsing;

/// <summary>
/// Lists the backend source tree by name: the entries directly in <c>backend/</c>, and for each of
/// <c>backend/&lt;cpp|go|python|rust&gt;/</c> its directories with the names directly in them. No file
/// is opened, no symbolic link is followed (a link is listed as one, whatever it points at, so a
/// loop or a link out of the repository costs nothing), and at most <see cref="MaxEntries"/> names are
/// listed: a pull request can commit a directory of millions of files.
/// </summary>
public static class SourceTreeReader
{
    /// <summary>LocalAI's tree has about 1,500 of these names; a run lists at most this many.</summary>
    public const int MaxEntries = 50_000;

    /// <summary>
    /// The tree that <paramref name="list"/> gives by repository-relative directory path (null when
    /// there is no such directory); null when there is no <c>backend/</c> directory.
    /// </summary>
    public static SourceTree? Read(Func<string, IEnumerable<TreeEntry>?> list)
    {
        var count = 0;
        var top = List(SourceTree.Root);
        if (top is null)
            return null;
        var directories = new List<BackendDirectory>();
        foreach (var lang in SourceTree.Languages)
        {
            if (!top.Any(e => e.Name == lang && e.Kind == TreeEntryKind.Directory))
                continue;
            foreach (var directory in List($"{SourceTree.Root}/{lang}") ?? [])
            {
                if (directory.Kind == TreeEntryKind.Directory)
                    directories.Add(new BackendDirectory(lang, directory.Name, List($"{SourceTree.Root}/{lang}/{directory.Name}") ?? []));
            }
        }

        return new SourceTree(top, directories);

        List<TreeEntry>? List(string path)
        {
            if (list(path) is not { } entries)
                return null;
            var listed = new List<TreeEntry>();
            foreach (var entry in entries)
            {
                if (++count > MaxEntries)
                    throw InputError.AtFile(SourceTree.Root, $"the backend tree has more than {MaxEntries:N0} entries, more than BackendLint lists");
                listed.Add(entry);
            }

            listed.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            return listed;
        }
    }

    /// <summary>The tree of a directory on disk; null when it has no <c>backend/</c> directory.</summary>
    public static SourceTree? Read(string root) => Read(path => ListDirectory(root, path));

    // Lazily, so that a directory of millions of names stops at the limit.
    private static IEnumerable<TreeEntry>? ListDirectory(string root, string relative)
    {
        var full = Path.Combine(root, relative);
        var info = new DirectoryInfo(full);
        if (info.LinkTarget is not null)
        {
            if (relative == SourceTree.Root)
                throw InputError.AtFile(relative, $"the directory is a symbolic link to '{info.LinkTarget}'; the backend tree is listed without following links");
            return null;
        }

        if (!info.Exists)
            return null;
        return Enumerate(info, relative);
    }

    private static IEnumerable<TreeEntry> Enumerate(DirectoryInfo directory, string relative)
    {
        IEnumerator<FileSystemInfo> entries;
        try
        {
            entries = directory.EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false }).GetEnumerator();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw InputError.AtFile(relative, $"the directory cannot be listed: {e.Message}");
        }

        using (entries)
        {
            while (true)
            {
                FileSystemInfo entry;
                try
                {
                    if (!entries.MoveNext())
                        yield break;
                    entry = entries.Current;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw InputError.AtFile(relative, $"the directory cannot be listed: {e.Message}");
                }

                var kind = entry.LinkTarget is not null ? TreeEntryKind.Link
                    : entry is DirectoryInfo ? TreeEntryKind.Directory
                    : TreeEntryKind.File;
                yield return new TreeEntry(entry.Name, kind);
            }
        }
    }
}
