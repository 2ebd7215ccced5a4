using BackendLint.Text;

namespace BackendLint.Model;

/// <summary>
/// A <c>BACKEND_&lt;NAME&gt; = name|dockerfile-type|context|progress|needs-backend-arg</c> definition;
/// without it <c>make docker-build-&lt;name&gt;</c> and <c>make backends/&lt;name&gt;</c> do not exist.
/// <see cref="Line"/> is its whole logical line, continuations included.
/// </summary>
public sealed record MakeBackend(
    Located<string> Variable,
    string Operator,
    Located<string> Name,
    Located<string> DockerfileType,
    Located<string> Context,
    Located<string> Progress,
    Located<string> NeedsBackendArg,
    SourceSpan Line);

/// <summary>
/// A <c>$(eval $(call generate-docker-build-target,$(BACKEND_X)))</c> line: it creates the docker-build
/// target. <see cref="Line"/> is the whole logical line, continuations included.
/// </summary>
public sealed record MakeEval(Located<string> Variable, SourceSpan Line)
{
    public const string GenerateTarget = "generate-docker-build-target";

    /// <summary>The line that creates the docker-build target of <paramref name="variable"/>.</summary>
    public static string LineFor(string variable) => $"$(eval $(call {GenerateTarget},$({variable})))";
}

/// <summary>A rule whose prerequisites are a hand-kept list, such as <c>.NOTPARALLEL:</c> or <c>docker-build-backends:</c>.</summary>
public sealed class MakeTargetList(Located<string> target, IReadOnlyList<Located<string>> prerequisites)
{
    // A hash lookup: checks ask once per definition, and lists run to thousands of items.
    private readonly HashSet<string> _names = prerequisites.Select(p => p.Value).ToHashSet(StringComparer.Ordinal);

    public Located<string> Target { get; } = target;

    public IReadOnlyList<Located<string>> Prerequisites { get; } = prerequisites;

    public bool Contains(string prerequisite) => _names.Contains(prerequisite);

    /// <summary>Where a missing item goes: after the last one, or at the target when the list is empty.</summary>
    public SourceSpan InsertionPoint => Prerequisites.Count > 0 ? Prerequisites[^1].Span : Target.Span;
}

/// <summary>
/// A <c>$(MAKE) -C backend/&lt;lang&gt;/&lt;name&gt; [target]</c> recipe line of <c>prepare-test-extra</c> or
/// <c>test-extra</c>; <see cref="Line"/> is the whole recipe line (its prefix tab and continuations included).
/// </summary>
public sealed record MakeBackendStep(Located<string> Directory, string Lang, string Name, Located<string>? Target, SourceSpan Line);

/// <summary>
/// A recipe that runs <see cref="MakeBackendStep"/>s, with the target it belongs to and the whole
/// logical line of that target's rule.
/// </summary>
public sealed class MakeStepRecipe(Located<string> target, SourceSpan ruleLine, IReadOnlyList<MakeBackendStep> steps)
{
    private readonly HashSet<(string, string)> _directories = steps.Select(s => (s.Lang, s.Name)).ToHashSet();

    public Located<string> Target { get; } = target;

    public SourceSpan RuleLine { get; } = ruleLine;

    public IReadOnlyList<MakeBackendStep> Steps { get; } = steps;

    /// <summary>Whether a step runs in <c>backend/&lt;lang&gt;/&lt;name&gt;</c>.</summary>
    public bool Builds(string lang, string name) => _directories.Contains((lang, name));
}

/// <summary>What the top-level Makefile says about backends.</summary>
public sealed class MakefileFacts
{
    public const string BackendTargetPrefix = "backends/";
    public const string DockerBuildPrefix = "docker-build-";

    private readonly HashSet<string> _evaluated;
    private readonly HashSet<string> _defined;

    public MakefileFacts(
        string file,
        IReadOnlyList<MakeBackend> definitions,
        IReadOnlyList<MakeEval> evals,
        MakeTargetList? notParallel,
        MakeTargetList? dockerBuildBackends,
        MakeStepRecipe? prepareTestExtra,
        MakeStepRecipe? testExtra,
        IReadOnlyList<Located<string>> backendTargets,
        Located<string>? backendPatternRule,
        SourceSpan? generateTarget = null)
    {
        File = file;
        Definitions = definitions;
        Evals = evals;
        NotParallel = notParallel;
        DockerBuildBackends = dockerBuildBackends;
        PrepareTestExtra = prepareTestExtra;
        TestExtra = testExtra;
        BackendTargets = backendTargets;
        BackendPatternRule = backendPatternRule;
        GenerateTarget = generateTarget;
        _evaluated = evals.Select(e => e.Variable.Value).ToHashSet(StringComparer.Ordinal);
        _defined = definitions.Select(d => d.Variable.Value).ToHashSet(StringComparer.Ordinal);
    }

    public static MakefileFacts Empty { get; } = new("", [], [], null, null, null, null, [], null);

    public string File { get; }

    public IReadOnlyList<MakeBackend> Definitions { get; }

    public IReadOnlyList<MakeEval> Evals { get; }

    public MakeTargetList? NotParallel { get; }

    public MakeTargetList? DockerBuildBackends { get; }

    public MakeStepRecipe? PrepareTestExtra { get; }

    public MakeStepRecipe? TestExtra { get; }

    /// <summary>Explicit <c>backends/&lt;name&gt;</c> rules.</summary>
    public IReadOnlyList<Located<string>> BackendTargets { get; }

    /// <summary>The <c>backends/%</c> pattern rule, which makes every definition a <c>backends/&lt;name&gt;</c> target.</summary>
    public Located<string>? BackendPatternRule { get; }

    /// <summary>
    /// The last <c>define generate-docker-build-target … endef</c> block: make expands an eval line as it
    /// reads it, so an eval before it calls nothing. Null when this Makefile does not define it.
    /// </summary>
    public SourceSpan? GenerateTarget { get; }

    /// <summary>Whether an eval line names this variable.</summary>
    public bool IsEvaluated(string variable) => _evaluated.Contains(variable);

    /// <summary>Whether a definition assigns this variable.</summary>
    public bool IsDefined(string variable) => _defined.Contains(variable);
}
