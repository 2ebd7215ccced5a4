namespace BackendLint.Parsing;

/// <summary>Where the three sources are, relative to the repository root; each can be overridden.</summary>
public sealed record SourcePaths
{
    public const string DefaultWorkflow = ".github/workflows/backend.yml";
    public const string DefaultMatrixData = ".github/backend-matrix.yml";
    public const string DefaultIndex = "backend/index.yaml";
    public const string DefaultMakefile = "Makefile";
    public const string DefaultChangeFilter = "scripts/changed-backends.js";

    public string Workflow { get; init; } = DefaultWorkflow;

    public string MatrixData { get; init; } = DefaultMatrixData;

    public string Index { get; init; } = DefaultIndex;

    public string Makefile { get; init; } = DefaultMakefile;

    /// <summary>The CI change filter's script; the modules it imports by relative path are read with it.</summary>
    public string ChangeFilter { get; init; } = DefaultChangeFilter;

    /// <summary>Every path a run reads by name: what <c>--new-since</c> compares with the revision (with the filter's modules and the tree).</summary>
    public IEnumerable<string> All => [Workflow, MatrixData, Index, Makefile, ChangeFilter];

    /// <summary>Paths the user named: those must exist, where a default may be legitimately absent.</summary>
    public bool WorkflowExplicit { get; init; }

    public bool MatrixDataExplicit { get; init; }

    /// <summary>Named by <c>--change-filter</c> or <c>change-filter:</c>: it must exist, where the default may be absent.</summary>
    public bool ChangeFilterExplicit { get; init; }
}
