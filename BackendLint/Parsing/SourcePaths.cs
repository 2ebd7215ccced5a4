namespace BackendLint.Parsing;

/// <summary>Where the three sources are, relative to the repository root; each can be overridden.</summary>
public sealed record SourcePaths
{
    public const string DefaultWorkflow = ".github/workflows/backend.yml";
    public const string DefaultMatrixData = ".github/backend-matrix.yml";
    public const string DefaultIndex = "backend/index.yaml";
    public const string DefaultMakefile = "Makefile";

    public string Workflow { get; init; } = DefaultWorkflow;

    public string MatrixData { get; init; } = DefaultMatrixData;

    public string Index { get; init; } = DefaultIndex;

    public string Makefile { get; init; } = DefaultMakefile;

    /// <summary>Every path a run reads: what <c>--new-since</c> compares with the revision.</summary>
    public IEnumerable<string> All => [Workflow, MatrixData, Index, Makefile];

    /// <summary>Paths the user named: those must exist, where a default may be legitimately absent.</summary>
    public bool WorkflowExplicit { get; init; }

    public bool MatrixDataExplicit { get; init; }
}
