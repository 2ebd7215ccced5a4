using BackendLint.Model;
using BackendLint.Parsing.Gallery;
using BackendLint.Parsing.Make;
using BackendLint.Parsing.Script;
using BackendLint.Parsing.Workflow;
using BackendLint.Text;

namespace BackendLint.Parsing;

/// <summary>What reading a repository produced: the model of every source that could be read, and why the others could not.</summary>
public sealed record ReadResult(BackendModel Model, IReadOnlyList<InputError> Errors);

/// <summary>
/// Reads the sources of a repository into one <see cref="BackendModel"/>; nothing is executed. Each
/// input (build matrix, gallery, Makefile) is read on its own: one that is missing or broken is an
/// error, and the others still make a model that the checks needing only them can use.
/// </summary>
public static class RepositoryReader
{
    /// <param name="overlay">Texts that replace the files at these repository-relative paths: what <c>fix</c> and <c>add</c> would write.</param>
    public static ReadResult Read(string root, SourcePaths paths, IReadOnlyDictionary<string, string>? overlay = null)
    {
        if (!Directory.Exists(root))
            throw InputError.AtFile(root.Replace('\\', '/'), File.Exists(root) ? "expected the repository's directory, found a file" : "the repository directory does not exist");
        try
        {
            Directory.EnumerateFileSystemEntries(root).Any();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw InputError.AtFile(root.Replace('\\', '/'), $"the repository directory cannot be read: {e.Message}");
        }

        return Read(paths, path =>
        {
            if (overlay is not null && overlay.TryGetValue(Relative(root, path), out var text))
                return new SourceText(Relative(root, path), text);
            var full = Path.IsPathRooted(path) ? path : Path.Combine(root, path);
            return SourceFileGuard.Check(root, full, Relative(root, path)) is { } real ? SourceText.Read(Relative(root, path), real) : null;
        }, path => Relative(root, path), () => SourceTreeReader.Read(root), Path.GetFullPath(root));
    }

    /// <summary>
    /// The model of sources that <paramref name="load"/> gives by path (null when there is no such
    /// file): the working tree, or a git revision's tree for <c>--new-since</c>.
    /// </summary>
    /// <param name="tree">Lists the backend source tree (<see cref="SourceTreeReader"/>); null when there is no <c>backend/</c>.</param>
    /// <param name="lookedIn">Where the sources were looked for, named when one is missing; null for a git revision.</param>
    public static ReadResult Read(SourcePaths paths, Func<string, SourceText?> load, Func<string, string> relative, Func<SourceTree?> tree, string? lookedIn = null)
    {
        var where = lookedIn is null ? "" : $" in '{lookedIn}'";
        return Build(
            () =>
            {
                // Older trees have no data file and newer ones no inline matrix: each alone is fine.
                var workflow = Load(paths.Workflow, required: paths.WorkflowExplicit);
                var matrixData = Load(paths.MatrixData, required: paths.MatrixDataExplicit);
                if (workflow is null && matrixData is null)
                    throw InputError.AtFile(relative(paths.MatrixData),
                        $"no build matrix: neither '{relative(paths.MatrixData)}' nor '{relative(paths.Workflow)}' exists{where}");
                return (workflow, matrixData);
            },
            () => Load(paths.Index, required: true)!,
            () => Load(paths.Makefile, required: true)!,
            tree,
            () =>
            {
                var script = relative(paths.ChangeFilter);
                return ChangeFilterReader.Read(script, path => Load(path, required: path == script && paths.ChangeFilterExplicit));
            },
            relative(paths.ChangeFilter));

        SourceText? Load(string path, bool required) =>
            load(path) ?? (required ? throw InputError.AtFile(relative(path), $"the file does not exist{where}") : null);
    }

    /// <summary>
    /// The model of already-decoded sources; a null matrix source is absent, a null gallery or Makefile
    /// is an error, a null tree or change filter is not read (its rules do not run).
    /// </summary>
    /// <param name="tree">Repository-relative paths of the tree's files (<c>backend/python/x/run.sh</c>, <c>backend/Dockerfile.python</c>); directories follow from them.</param>
    /// <param name="changeFilter">The filter's files, the script first.</param>
    public static ReadResult FromTexts(SourceText? workflow, SourceText? matrixData, SourceText? index, SourceText? makefile,
        IEnumerable<string>? tree = null, IReadOnlyList<SourceText>? changeFilter = null) =>
        Build(
            () => workflow is null && matrixData is null ? throw InputError.AtFile(SourcePaths.DefaultMatrixData, "no build matrix") : (workflow, matrixData),
            () => index ?? throw InputError.AtFile(SourcePaths.DefaultIndex, "the file does not exist"),
            () => makefile ?? throw InputError.AtFile(SourcePaths.DefaultMakefile, "the file does not exist"),
            tree is null ? null : () => TreeOf(tree),
            changeFilter is null ? null : () => ChangeFilterReader.Read(changeFilter[0].Path, path => changeFilter.FirstOrDefault(t => t.Path == path)),
            changeFilter?.FirstOrDefault()?.Path ?? SourcePaths.DefaultChangeFilter);

    /// <summary>A tree made of file paths: every directory on the way exists, and <c>backend/</c> always does.</summary>
    public static SourceTree? TreeOf(IEnumerable<string> files)
    {
        var directories = new Dictionary<string, List<TreeEntry>>(StringComparer.Ordinal) { [SourceTree.Root] = [] };
        foreach (var file in files)
        {
            var parts = file.Split('/');
            for (var i = 1; i <= parts.Length; i++)
            {
                var parent = string.Join('/', parts[..(i - 1)]);
                var entries = directories.TryGetValue(parent, out var e) ? e : directories[parent] = [];
                var entry = new TreeEntry(parts[i - 1], i == parts.Length ? TreeEntryKind.File : TreeEntryKind.Directory);
                if (!entries.Contains(entry))
                    entries.Add(entry);
            }
        }

        return SourceTreeReader.Read(path => directories.GetValueOrDefault(path));
    }

    private static ReadResult Build(
        Func<(SourceText? Workflow, SourceText? MatrixData)> matrixTexts,
        Func<SourceText> indexText,
        Func<SourceText> makefileText,
        Func<SourceTree?>? treeRead,
        Func<(ChangeFilter Filter, List<SourceFile> Files)?>? filterRead,
        string filterPath)
    {
        var errors = new List<InputError>();
        var sources = new List<SourceFile>();
        var inputs = ModelInputs.None;
        var absent = new Dictionary<ModelInputs, string>();

        var matrix = Attempt(() =>
        {
            var (workflow, matrixData) = matrixTexts();
            var (matrix, files) = ReadMatrix(workflow, matrixData);
            sources.AddRange(files);
            return matrix;
        }, ModelInputs.Matrix) ?? BuildMatrix.Empty;

        var gallery = Attempt(() =>
        {
            var text = indexText();
            var (index, comments) = GalleryIndexReader.Read(text);
            sources.Add(new SourceFile(text, comments));
            return index;
        }, ModelInputs.Gallery) ?? GalleryIndex.Empty;

        var makefile = Attempt(() =>
        {
            var text = makefileText();
            var (facts, comments) = MakefileReader.Read(text);
            sources.Add(new SourceFile(text, comments));
            return facts;
        }, ModelInputs.Makefile) ?? MakefileFacts.Empty;

        // The tree and the change filter may be legitimately absent: their rules are then not run, with a note.
        SourceTree? tree = null;
        if (treeRead is not null)
        {
            tree = Attempt(() => treeRead() ?? Absent(ModelInputs.Tree, $"'{SourceTree.Root}/' does not exist", SourceTree.Empty), ModelInputs.Tree);
        }

        ChangeFilter? filter = null;
        if (filterRead is not null)
        {
            filter = Attempt(() =>
            {
                if (filterRead() is not var (read, files))
                    return Absent(ModelInputs.ChangeFilter, $"the change filter '{filterPath}' does not exist", ChangeFilter.Empty);
                sources.AddRange(files.Where(f => sources.TrueForAll(s => s.Path != f.Path)));
                return read;
            }, ModelInputs.ChangeFilter);
        }

        foreach (var input in absent.Keys)
            inputs &= ~input;
        return new ReadResult(new BackendModel(matrix, gallery, makefile, sources, inputs, tree, filter, absent), errors);

        T Absent<T>(ModelInputs input, string why, T empty)
        {
            absent[input] = why;
            return empty;
        }

        T? Attempt<T>(Func<T> read, ModelInputs input) where T : class
        {
            try
            {
                var result = read();
                inputs |= input;
                return result;
            }
            catch (InputError e)
            {
                errors.Add(e);
                return null;
            }
        }
    }

    private static (BuildMatrix Matrix, List<SourceFile> Files) ReadMatrix(SourceText? workflow, SourceText? matrixData)
    {
        var entries = new List<MatrixEntry>();
        var other = new List<BuiltSuffix>();
        var files = new List<SourceFile>();
        if (workflow is not null)
        {
            var (inline, suffixes, comments) = MatrixReader.ReadWorkflow(workflow);
            entries.AddRange(inline);
            other.AddRange(suffixes);
            files.Add(new SourceFile(workflow, comments));
        }

        if (matrixData is not null)
        {
            var (listed, comments) = MatrixReader.ReadDataFile(matrixData);
            entries.AddRange(listed);
            files.Add(new SourceFile(matrixData, comments));
        }

        return (new BuildMatrix(files.ConvertAll(f => f.Path), entries, other), files);
    }

    /// <summary>Repository-relative with '/' separators, as every span and SARIF uri is.</summary>
    public static string Relative(string root, string path)
    {
        var relative = Path.IsPathRooted(path) ? Path.GetRelativePath(root, path) : path;
        relative = relative.Replace('\\', '/');
        while (relative.StartsWith("./", StringComparison.Ordinal))
            relative = relative[2..];
        return relative;
    }
}
