using BackendLint.Text;

namespace BackendLint.Model;

/// <summary>
/// A <c>BACKEND_&lt;NAME&gt; = name|dockerfile-type|context|progress|needs-backend-arg</c> definition;
/// without it <c>make docker-build-&lt;name&gt;</c> and <c>make backends/&lt;name&gt;</c> do not exist.
/// </summary>
public sealed record MakeBackend(
    Located<string> Variable,
    string Operator,
    Located<string> Name,
    Located<string> DockerfileType,
    Located<string> Context,
    Located<string> Progress,
    Located<string> NeedsBackendArg);

/// <summary>A <c>$(eval $(call generate-docker-build-target,$(BACKEND_X)))</c> line: it creates the docker-build target.</summary>
public sealed record MakeEval(Located<string> Variable, SourceSpan Line);

/// <summary>A rule whose prerequisites are a hand-kept list, such as <c>.NOTPARALLEL:</c> or <c>docker-build-backends:</c>.</summary>
public sealed record MakeTargetList(Located<string> Target, IReadOnlyList<Located<string>> Prerequisites)
{
    private HashSet<string>? _names;

    /// <summary>A hash lookup: checks ask once per definition, and lists run to thousands of items.</summary>
    public bool Contains(string prerequisite) =>
        (_names ??= Prerequisites.Select(p => p.Value).ToHashSet(StringComparer.Ordinal)).Contains(prerequisite);

    /// <summary>Where a missing item goes: after the last one, or at the target when the list is empty.</summary>
    public SourceSpan InsertionPoint => Prerequisites.Count > 0 ? Prerequisites[^1].Span : Target.Span;
}

/// <summary>A <c>$(MAKE) -C backend/&lt;lang&gt;/&lt;name&gt; [target]</c> recipe line of <c>prepare-test-extra</c> or <c>test-extra</c>.</summary>
public sealed record MakeBackendStep(Located<string> Directory, string Lang, string Name, Located<string>? Target);

/// <summary>A recipe that runs <see cref="MakeBackendStep"/>s, with the target it belongs to.</summary>
public sealed record MakeStepRecipe(Located<string> Target, IReadOnlyList<MakeBackendStep> Steps)
{
    private HashSet<(string, string)>? _directories;

    public bool Builds(string lang, string name) =>
        (_directories ??= Steps.Select(s => (s.Lang, s.Name)).ToHashSet()).Contains((lang, name));
}

/// <summary>What the top-level Makefile says about backends.</summary>
public sealed record MakefileFacts(
    string File,
    IReadOnlyList<MakeBackend> Definitions,
    IReadOnlyList<MakeEval> Evals,
    MakeTargetList? NotParallel,
    MakeTargetList? DockerBuildBackends,
    MakeStepRecipe? PrepareTestExtra,
    MakeStepRecipe? TestExtra,
    IReadOnlyList<Located<string>> BackendTargets,
    Located<string>? BackendPatternRule);
