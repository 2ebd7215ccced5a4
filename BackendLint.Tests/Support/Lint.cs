using BackendLint.Checks;
using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Parsing;
using BackendLint.Text;

namespace BackendLint.Tests.Support;

/// <summary>Inline repositories that go through the real readers, for tests that read like a rule's spec.</summary>
public static class Lint
{
    public const string MatrixFile = ".github/backend-matrix.yml";
    public const string WorkflowFile = ".github/workflows/backend.yml";
    public const string IndexFile = "backend/index.yaml";
    public const string MakefileFile = "Makefile";
    public const string ChangeFilterFile = "scripts/changed-backends.js";

    /// <summary>
    /// A model of the given sources; a source left out is empty (the Makefile, the gallery), absent
    /// (the matrices) or not read (the tree, the change filter, whose rules then do not run).
    /// </summary>
    /// <param name="tree">The tree's files, repository-relative (<c>backend/python/vllm/run.sh</c>).</param>
    /// <param name="changeFilter">The text of <c>scripts/changed-backends.js</c>.</param>
    public static BackendModel Model(string? matrix = null, string? index = null, string? makefile = null, string? workflow = null,
        IEnumerable<string>? tree = null, string? changeFilter = null, IReadOnlyList<SourceText>? filterModules = null)
    {
        var (model, errors) = RepositoryReader.FromTexts(
            workflow is null ? null : Source(WorkflowFile, workflow),
            Source(MatrixFile, matrix ?? "include: []\n"),
            Source(IndexFile, index ?? "[]\n"),
            Source(MakefileFile, makefile ?? ""),
            tree,
            changeFilter is null ? null : [Source(ChangeFilterFile, changeFilter), .. filterModules ?? []]);
        if (errors.Count > 0)
            throw errors[0];
        return model;
    }

    /// <summary>The findings of one check (or of all) over inline sources.</summary>
    public static List<Finding> Snippets(string? matrix = null, string? index = null, string? makefile = null, string? workflow = null, string? only = null,
        IEnumerable<string>? tree = null, string? changeFilter = null)
    {
        var checks = only is null ? CheckCatalog.All : CheckCatalog.All.Where(c => c.Rule.Id == only);
        return LintEngine.Run(Model(matrix, index, makefile, workflow, tree, changeFilter), checks).Findings;
    }

    public static SourceText Source(string path, string text) => new(path, text);

    /// <summary>The 1-based column of the first occurrence of <paramref name="token"/> on <paramref name="line"/>.</summary>
    public static SourceSpan SpanOf(string file, string text, int line, string token, int occurrence = 1)
    {
        var lineText = text.Replace("\r\n", "\n").Split('\n')[line - 1];
        var index = -1;
        for (var n = 0; n < occurrence; n++)
            index = lineText.IndexOf(token, index + 1, StringComparison.Ordinal);
        if (index < 0)
            throw new ArgumentException($"'{token}' is not on line {line}: {lineText}");
        return new SourceSpan(file, line, index + 1, line, index + 1 + token.Length);
    }

    public static string FixturesDirectory { get; } = FindUp("fixtures");

    public static string RepositoryRoot => Path.GetDirectoryName(FixturesDirectory)!;

    private static string FindUp(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "BackendLint.sln")))
                return candidate;
        }

        throw new DirectoryNotFoundException($"no '{name}' directory above {AppContext.BaseDirectory}");
    }
}
