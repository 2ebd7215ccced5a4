using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Text;

namespace BackendLint.Checks.Matrix;

/// <summary>An image whose build fields disagree with the platform its tag names installs, and then fails to run, on the boards users picked it for.</summary>
internal sealed class MatrixFieldsMatchTagPlatform : ICheck
{
    private const string JetPack12 = "nvcr.io/nvidia/l4t-jetpack:r36";

    public Rule Rule { get; } = new(
        CheckIds.MatrixFieldsMatchTagPlatform, nameof(MatrixFieldsMatchTagPlatform),
        "Build-matrix fields agree with the platform the tag suffix names.",
        Severity.Error,
        "Users pick an image by its tag. A tag suffix naming 'arm64' or 'l4t' must build 'platforms: linux/arm64', and a suffix naming neither must not build only arm64; an L4T build of Dockerfile.python needs 'build-type: l4t'; a CUDA 13 build (cuda-major-version 13, or 'cuda-13' in the suffix) cannot use a JetPack r36 base image, which ships CUDA 12. Otherwise the image pushed under the tag does not run where the tag says.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Matrix;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        foreach (var entry in model.Matrix.Entries)
        {
            if (entry.Platform != BuildPlatform.Linux || entry.TagSuffix is not { } suffix || entry.TagPlatform is not { } tag)
                continue;
            var identity = $"suffix={suffix.Value}";

            if (tag.IsArm64Only && entry.BuildsOnlyArm64 == false && entry.Platforms is { } platforms)
            {
                yield return Rule.At(platforms.Span,
                    $"Tag suffix {Finding.Quote(suffix.Value)} names an arm64 build ({Finding.Quote(tag.NamesL4T ? "l4t" : "arm64")}), but its platforms are {Finding.Quote(platforms.Value)}: change them to {Finding.Quote(TagPlatform.Arm64Platform)}.",
                    entry.Backend?.Value, $"{identity};field=platforms",
                    new RelatedLocation(suffix.Span, $"The tag suffix {Finding.Quote(suffix.Value)}."));
            }

            if (tag.NamesL4T && entry.DockerfileType == "python" && entry.BuildType is { } buildType
                && !BuildMatrix.IsExpression(buildType.Value) && buildType.Value.Trim() != "l4t")
            {
                yield return Rule.At(buildType.Span,
                    $"Tag suffix {Finding.Quote(suffix.Value)} names an L4T build of Dockerfile.python, but its build-type is {Finding.Quote(buildType.Value)}: change it to {Finding.Quote("l4t")}, which installs the Jetson wheels.",
                    entry.Backend?.Value, $"{identity};field=build-type",
                    new RelatedLocation(suffix.Span, $"The tag suffix {Finding.Quote(suffix.Value)}."));
            }

            if (IsCuda13(entry, tag) && entry.BaseImage is { } baseImage && baseImage.Value.Trim().StartsWith(JetPack12, StringComparison.Ordinal))
            {
                var why = entry.CudaMajorVersion is { Value: var major } && major.Trim() == "13"
                    ? "its cuda-major-version is '13'"
                    : $"tag suffix {Finding.Quote(suffix.Value)} names 'cuda-13'";
                yield return Rule.At(baseImage.Span,
                    $"Base image {Finding.Quote(baseImage.Value)} is JetPack r36, which ships CUDA 12, but {why}: use a CUDA 13 base image such as {Finding.Quote("ubuntu:24.04")}.",
                    entry.Backend?.Value, $"{identity};field=base-image");
            }
        }

        // A suffix naming no arm64 platform is what x86-64 users install: some build of it must not be arm64-only.
        foreach (var built in model.TagSuffixes.Values)
        {
            var entries = built.Builds.Select(b => b.Entry).OfType<MatrixEntry>().Where(e => e.Platform == BuildPlatform.Linux).ToList();
            if (entries.Count == 0 || TagPlatform.Of(built.Text).IsArm64Only || !entries.TrueForAll(e => e.BuildsOnlyArm64 == true))
                continue;
            var first = entries[0];
            var platforms = first.Platforms.GetValueOrDefault();
            var legs = entries.Count == 1 ? "its only build" : $"all {entries.Count} of its builds";
            yield return Rule.At(platforms.Span,
                $"Tag suffix {Finding.Quote(built.Text)} names no arm64 platform, but {legs} {(entries.Count == 1 ? "is" : "are")} {Finding.Quote(TagPlatform.Arm64Platform)}: add {Finding.Quote("arm64")} to the suffix, or build {Finding.Quote("linux/amd64")} too.",
                first.Backend?.Value, $"suffix={built.Text};field=platforms",
                new RelatedLocation(first.TagSuffix.GetValueOrDefault().Span, $"The tag suffix {Finding.Quote(built.Text)}."));
        }
    }

    private static bool IsCuda13(MatrixEntry entry, TagPlatform tag) =>
        tag.NamesCuda13 || entry.CudaMajorVersion is { Value: var major } && major.Trim() == "13";
}
