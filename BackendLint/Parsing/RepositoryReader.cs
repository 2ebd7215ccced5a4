using BackendLint.Model;
using BackendLint.Parsing.Gallery;
using BackendLint.Parsing.Make;
using BackendLint.Parsing.Workflow;
using BackendLint.Text;

namespace BackendLint.Parsing;

/// <summary>Reads the three sources of a repository into one <see cref="BackendModel"/>; nothing is executed.</summary>
public static class RepositoryReader
{
    public static BackendModel Read(string root, SourcePaths paths)
    {
        if (!Directory.Exists(root))
            throw InputError.AtFile(Display(root), "the repository directory does not exist");

        // Older trees have no data file and newer ones no inline matrix: each alone is fine.
        // The two large YAML files are streamed; the workflow and the Makefile are small and held whole.
        var matrixData = Load(root, paths.MatrixData, required: paths.MatrixDataExplicit, streamed: true);
        var workflow = Load(root, paths.Workflow, required: paths.WorkflowExplicit, streamed: false);
        if (matrixData is null && workflow is null)
            throw InputError.AtFile(Relative(root, paths.MatrixData),
                $"no build matrix: neither '{Relative(root, paths.MatrixData)}' nor '{Relative(root, paths.Workflow)}' exists");

        // One source at a time: each text can be collected as soon as its model is built.
        var matrix = ReadMatrix(workflow, matrixData);
        matrixData = workflow = null;
        var gallery = GalleryIndexReader.Read(Load(root, paths.Index, required: true, streamed: true)!);
        var makefile = MakefileReader.Read(Load(root, paths.Makefile, required: true, streamed: false)!);
        return new BackendModel(matrix, gallery, makefile);
    }

    /// <summary>The model of already-decoded sources; a missing matrix source is simply absent.</summary>
    public static BackendModel FromSources(SourceFile? workflow, SourceFile? matrixData, SourceFile index, SourceFile makefile) =>
        new(ReadMatrix(workflow, matrixData), GalleryIndexReader.Read(index), MakefileReader.Read(makefile));

    private static BuildMatrix ReadMatrix(SourceFile? workflow, SourceFile? matrixData)
    {
        var entries = new List<MatrixEntry>();
        var other = new List<BuiltSuffix>();
        var files = new List<string>();
        if (workflow is not null)
        {
            var (inline, suffixes) = MatrixReader.ReadWorkflow(workflow);
            entries.AddRange(inline);
            other.AddRange(suffixes);
            files.Add(workflow.Path);
        }

        if (matrixData is not null)
        {
            entries.AddRange(MatrixReader.ReadDataFile(matrixData));
            files.Add(matrixData.Path);
        }

        return new BuildMatrix(files, entries, other);
    }

    private static SourceFile? Load(string root, string path, bool required, bool streamed)
    {
        var relative = Relative(root, path);
        var full = Path.IsPathRooted(path) ? path : Path.Combine(root, path);
        if (!File.Exists(full))
        {
            if (!required)
                return null;
            throw InputError.AtFile(relative, Directory.Exists(full) ? "expected a file, found a directory" : "the file does not exist");
        }

        return streamed ? SourceFile.Open(relative, full) : SourceFile.Read(relative, full);
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

    private static string Display(string path) => path.Replace('\\', '/');
}
