using BackendLint.Checks.Gallery;
using BackendLint.Checks.Make;
using BackendLint.Checks.Matrix;
using BackendLint.Findings;

namespace BackendLint.Checks;

/// <summary>Every check, in id order: an explicit list, so nothing depends on reflection and AOT keeps them all.</summary>
public static class CheckCatalog
{
    public static IReadOnlyList<ICheck> All { get; } =
    [
        new GalleryImageMustBeBuilt(),
        new ImageChannelsMustPair(),
        new CapabilityMustNameEntry(),
        new BuiltImageMustBeInGallery(),
        new BuildContextMustMatchMakefile(),
        new BackendMustBeNotParallel(),
        new BackendMustBeInDockerBuildBackends(),
        new DefinitionAndEvalMustPair(),
        new PreparedBackendMustBeTested(),
    ];

    /// <summary>The rules, in id order: what reporters list.</summary>
    public static IReadOnlyList<Rule> Rules { get; } = All.Select(c => c.Rule).ToList();
}
