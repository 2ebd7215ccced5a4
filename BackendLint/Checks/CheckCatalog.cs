using BackendLint.Checks.Gallery;
using BackendLint.Checks.Make;
using BackendLint.Checks.Matrix;
using BackendLint.Checks.Source;
using BackendLint.Findings;

namespace BackendLint.Checks;

/// <summary>Every check, in id order: an explicit list, so nothing depends on reflection and AOT keeps them all.</summary>
public static class CheckCatalog
{
    // Made anew on each use (two dozen small objects, a few times a run), so that a mutation test that
    // changes a rule's descriptor sees it in every test run: a static list is built once per process.
    public static IReadOnlyList<ICheck> All =>
    [
        new GalleryImageMustBeBuilt(),
        new ImageChannelsMustPair(),
        new CapabilityMustNameEntry(),
        new DevelopmentMetaNamesDevelopmentImages(),
        new DevelopmentChannelComplete(),
        new PerPlatformFamilyIsMeta(),
        new OneImagePerTag(),
        new EntryNamesUnique(),
        new CapabilityKeyMatchesPlatform(),
        new BuiltImageMustBeInGallery(),
        new BuildContextMustMatchMakefile(),
        new MatrixFieldsMatchTagPlatform(),
        new TagSuffixBuiltOnce(),
        new MatrixAndMakefileRegisterSameBackends(),
        new ChangeFilterKnowsDockerfile(),
        new DockerfileExists(),
        new BackendMustBeNotParallel(),
        new BackendMustBeInDockerBuildBackends(),
        new DefinitionAndEvalMustPair(),
        new PreparedBackendMustBeTested(),
        new BackendDirectoryExists(),
        new PythonBackendHasStandardFiles(),
    ];

    /// <summary>A suppression comment or ignore entry that accepts no finding: it would hide the next one unnoticed.</summary>
    public static Rule SuppressionUnused { get; } = new(
        CheckIds.SuppressionUnused, "SuppressionUnused",
        "Every suppression accepts a finding.",
        Severity.Warning,
        "A '# backendlint: ignore[...]' comment, an 'ignore-file' comment or an 'ignore:' entry of .backendlint.yml that accepts no finding is left over from a problem that was fixed, or is on the wrong line. Left in place it would silently accept the next, unrelated finding of its rule. Remove it, or move it to the finding's line.",
        "maintainability");

    /// <summary>A comment that starts like a suppression but is not one: the finding it was meant for is still reported.</summary>
    public static Rule SuppressionInvalid { get; } = new(
        CheckIds.SuppressionInvalid, "SuppressionInvalid",
        "A '# backendlint:' comment is a well-formed suppression with a reason.",
        Severity.Error,
        "A comment that starts with '# backendlint:' must read 'ignore[ID,...] reason' or 'ignore-file[ID,...] reason' with known rule ids and a reason. Anything else suppresses nothing, so the finding it was meant for is still reported; this says why.",
        "maintainability");

    /// <summary>The rules, in id order: what reporters list.</summary>
    public static IReadOnlyList<Rule> Rules => [SuppressionUnused, SuppressionInvalid, .. All.Select(c => c.Rule)];
}
