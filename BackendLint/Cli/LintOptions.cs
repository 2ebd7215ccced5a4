using CommandLine;

namespace BackendLint.Cli;

/// <summary>The source paths every verb that reads a repository accepts.</summary>
public interface ISourceOptions
{
    string? Path { get; }

    string? Index { get; }

    string? Makefile { get; }

    string? MatrixData { get; }

    string? Workflow { get; }

    string? ChangeFilter { get; }

    /// <summary>Arguments after PATH: a usage error, not silently ignored.</summary>
    IEnumerable<string> Extra { get; }
}

/// <summary>The configuration options every verb that lints accepts.</summary>
public interface IConfigOptions : ISourceOptions
{
    string? Config { get; }

    bool NoConfig { get; }
}

[Verb("check", isDefault: true, HelpText = "Lint the repository at PATH (default: the current directory).")]
public sealed class LintOptions : IConfigOptions
{
    [Value(0, MetaName = "PATH", HelpText = "The repository root.")]
    public string? Path { get; set; }

    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    [Option("format", Default = "text", HelpText = "What goes to stdout: text, sarif, github or json.")]
    public string Format { get; set; } = "text";

    [Option("sarif", HelpText = "Also write SARIF 2.1.0 to FILE, whatever --format says.")]
    public string? Sarif { get; set; }

    [Option("output", HelpText = "Write the --format output to FILE instead of stdout.")]
    public string? Output { get; set; }

    [Option("fail-level", Default = "error", HelpText = "Lowest level that makes the exit code 1: error, warning, note or none.")]
    public string FailLevel { get; set; } = "error";

    [Option("config", HelpText = "Configuration file (default: .backendlint.yml in the repository, when there is one).")]
    public string? Config { get; set; }

    [Option("no-config", HelpText = "Ignore .backendlint.yml.")]
    public bool NoConfig { get; set; }

    [Option("baseline", HelpText = "Report only findings not recorded in this baseline file (written by 'backendlint baseline').")]
    public string? Baseline { get; set; }

    [Option("new-since", HelpText = "Report only findings not present at this git revision (HEAD, a branch, a commit), read from the repository's objects.")]
    public string? NewSince { get; set; }

    [Option("show-suppressed", HelpText = "Text output: also list suppressed and already known findings, with their reason.")]
    public bool ShowSuppressed { get; set; }

    [Option("include-suppressed", HelpText = "SARIF: also write suppressed results, with 'suppressions' (code scanning shows them as open alerts).")]
    public bool IncludeSuppressed { get; set; }

    [Option("no-color", HelpText = "No colour in text output (NO_COLOR is honoured too).")]
    public bool NoColor { get; set; }

    [Option("path-prefix", HelpText = "Report every repository path under DIR, the repository's folder in a larger checkout (annotations and SARIF uris are read from the checkout's root).")]
    public string? PathPrefix { get; set; }

    [Option("index", HelpText = "Gallery index (default: backend/index.yaml).")]
    public string? Index { get; set; }

    [Option("makefile", HelpText = "Top-level Makefile (default: Makefile).")]
    public string? Makefile { get; set; }

    [Option("matrix", HelpText = "Matrix data file (default: .github/backend-matrix.yml).")]
    public string? MatrixData { get; set; }

    [Option("workflow", HelpText = "Workflow with inline matrices (default: .github/workflows/backend.yml).")]
    public string? Workflow { get; set; }

    [Option("change-filter", HelpText = "CI change filter script, read as text (default: scripts/changed-backends.js, when there is one).")]
    public string? ChangeFilter { get; set; }
}

[Verb("baseline", HelpText = "Record today's findings in a baseline file, so that 'check --baseline' reports only new ones.")]
public sealed class BaselineOptions : IConfigOptions
{
    [Value(0, MetaName = "PATH", HelpText = "The repository root.")]
    public string? Path { get; set; }

    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    [Option('o', "output", HelpText = "The baseline file (default: 'baseline:' of the configuration, else .backendlint-baseline.json in the repository).")]
    public string? Output { get; set; }

    [Option("config", HelpText = "Configuration file (default: .backendlint.yml in the repository, when there is one).")]
    public string? Config { get; set; }

    [Option("no-config", HelpText = "Ignore .backendlint.yml.")]
    public bool NoConfig { get; set; }

    [Option("index", HelpText = "Gallery index (default: backend/index.yaml).")]
    public string? Index { get; set; }

    [Option("makefile", HelpText = "Top-level Makefile (default: Makefile).")]
    public string? Makefile { get; set; }

    [Option("matrix", HelpText = "Matrix data file (default: .github/backend-matrix.yml).")]
    public string? MatrixData { get; set; }

    [Option("workflow", HelpText = "Workflow with inline matrices (default: .github/workflows/backend.yml).")]
    public string? Workflow { get; set; }

    [Option("change-filter", HelpText = "CI change filter script, read as text (default: scripts/changed-backends.js, when there is one).")]
    public string? ChangeFilter { get; set; }
}

[Verb("model", HelpText = "Print, as JSON, what BackendLint understood about each backend and where each piece is written.")]
public sealed class ModelOptions : IConfigOptions
{
    [Value(0, MetaName = "PATH", HelpText = "The repository root.")]
    public string? Path { get; set; }

    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    [Option("backend", HelpText = "Only this backend.")]
    public string? Backend { get; set; }

    [Option("config", HelpText = "Configuration file, for its source paths (default: .backendlint.yml in the repository, when there is one).")]
    public string? Config { get; set; }

    [Option("no-config", HelpText = "Ignore .backendlint.yml.")]
    public bool NoConfig { get; set; }

    [Option("index", HelpText = "Gallery index (default: backend/index.yaml).")]
    public string? Index { get; set; }

    [Option("makefile", HelpText = "Top-level Makefile (default: Makefile).")]
    public string? Makefile { get; set; }

    [Option("matrix", HelpText = "Matrix data file (default: .github/backend-matrix.yml).")]
    public string? MatrixData { get; set; }

    [Option("workflow", HelpText = "Workflow with inline matrices (default: .github/workflows/backend.yml).")]
    public string? Workflow { get; set; }

    [Option("change-filter", HelpText = "CI change filter script, read as text (default: scripts/changed-backends.js, when there is one).")]
    public string? ChangeFilter { get; set; }
}

[Verb("rules", HelpText = "Print the rule catalog, or with RULE that rule's page.")]
public sealed class RulesOptions
{
    [Value(0, MetaName = "RULE", HelpText = "A rule id (BL3001): print its page, as 'explain' does.")]
    public string? Rule { get; set; }

    [Option("format", Default = "text", HelpText = "text, json or markdown.")]
    public string Format { get; set; } = "text";
}

[Verb("explain", HelpText = "Print a rule's page: what breaks, a before and after, where it points, what it accepts.")]
public sealed class ExplainOptions
{
    [Value(0, MetaName = "RULE", Required = true, HelpText = "A rule id, such as BL3001.")]
    public string? Rule { get; set; }

    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];
}

[Verb("fix", HelpText = "Apply the fixes of every fixable finding as minimal edits; with --dry-run print them as a unified diff instead.")]
public sealed class FixOptions : IConfigOptions
{
    [Value(0, MetaName = "PATH", HelpText = "The repository root.")]
    public string? Path { get; set; }

    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    [Option("rule", Separator = ',', HelpText = "Fix only these rules (BL3001, or BL3001,BL3002; repeatable).")]
    public IEnumerable<string> Rules { get; set; } = [];

    [Option("dry-run", HelpText = "Change nothing: print the edits as a unified diff ('git apply' reads it).")]
    public bool DryRun { get; set; }

    [Option("format", Default = "text", HelpText = "text, or github with --dry-run: the diff goes into the job summary ($GITHUB_STEP_SUMMARY) as Markdown, cut to fit, instead of stdout.")]
    public string Format { get; set; } = "text";

    [Option("path-prefix", HelpText = "Name every repository path under DIR, the repository's folder in a larger checkout (the diff then applies at the checkout's root).")]
    public string? PathPrefix { get; set; }

    [Option("fail-level", Default = "error", HelpText = "Lowest level of what remains after fixing that makes the exit code 1: error, warning, note or none.")]
    public string FailLevel { get; set; } = "error";

    [Option("no-color", HelpText = "No colour in text output (NO_COLOR is honoured too).")]
    public bool NoColor { get; set; }

    [Option("config", HelpText = "Configuration file (default: .backendlint.yml in the repository, when there is one).")]
    public string? Config { get; set; }

    [Option("no-config", HelpText = "Ignore .backendlint.yml.")]
    public bool NoConfig { get; set; }

    [Option("index", HelpText = "Gallery index (default: backend/index.yaml).")]
    public string? Index { get; set; }

    [Option("makefile", HelpText = "Top-level Makefile (default: Makefile).")]
    public string? Makefile { get; set; }

    [Option("matrix", HelpText = "Matrix data file (default: .github/backend-matrix.yml).")]
    public string? MatrixData { get; set; }

    [Option("workflow", HelpText = "Workflow with inline matrices (default: .github/workflows/backend.yml).")]
    public string? Workflow { get; set; }

    [Option("change-filter", HelpText = "CI change filter script, read as text (default: scripts/changed-backends.js, when there is one).")]
    public string? ChangeFilter { get; set; }
}

[Verb("add", HelpText = "Register a new backend NAME by analogy with an existing one: its Makefile lines, build-matrix entries and gallery entries, as minimal edits.")]
public sealed class AddOptions : IConfigOptions
{
    [Value(0, MetaName = "NAME", HelpText = "The new backend's name (lowercase letters, digits and '-').")]
    public string? Name { get; set; }

    [Value(1, MetaName = "PATH", HelpText = "The repository root.")]
    public string? Path { get; set; }

    [Value(2, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    [Option("like", HelpText = "The existing backend whose registration NAME copies.")]
    public string? Like { get; set; }

    [Option("dry-run", HelpText = "Change nothing: print the edits as a unified diff ('git apply' reads it).")]
    public bool DryRun { get; set; }

    [Option("config", HelpText = "Configuration file (default: .backendlint.yml in the repository, when there is one).")]
    public string? Config { get; set; }

    [Option("no-config", HelpText = "Ignore .backendlint.yml.")]
    public bool NoConfig { get; set; }

    [Option("index", HelpText = "Gallery index (default: backend/index.yaml).")]
    public string? Index { get; set; }

    [Option("makefile", HelpText = "Top-level Makefile (default: Makefile).")]
    public string? Makefile { get; set; }

    [Option("matrix", HelpText = "Matrix data file (default: .github/backend-matrix.yml).")]
    public string? MatrixData { get; set; }

    [Option("workflow", HelpText = "Workflow with inline matrices (default: .github/workflows/backend.yml).")]
    public string? Workflow { get; set; }

    [Option("change-filter", HelpText = "CI change filter script, read as text (default: scripts/changed-backends.js, when there is one).")]
    public string? ChangeFilter { get; set; }
}
