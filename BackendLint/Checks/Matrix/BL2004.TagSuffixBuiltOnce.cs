using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Matrix;

/// <summary>Two builds pushing one tag overwrite each other: the last push wins, and users of the other get the wrong image.</summary>
internal sealed class TagSuffixBuiltOnce : ICheck
{
    public Rule Rule { get; } = new(
        CheckIds.TagSuffixBuiltOnce, nameof(TagSuffixBuiltOnce),
        "Each tag suffix is built by one build-matrix entry, or by one multi-architecture set.",
        Severity.Error,
        "CI pushes 'latest<suffix>' and 'master<suffix>' for each build. Two builds of one suffix push the same tag, and the last push wins: users of one build silently get the other's image (another CUDA version, another platform). Several entries may share a suffix only as the legs of one multi-architecture image: each with a 'platform-tag' and distinct 'platforms', merged into one manifest.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Matrix;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        foreach (var suffix in model.TagSuffixes.Values)
        {
            var builds = suffix.Builds;
            for (var i = 1; i < builds.Count; i++)
            {
                var clash = builds.Take(i).FirstOrDefault(earlier => !builds[i].IsPartOfOneImageWith(earlier));
                if (clash is null)
                    continue;
                var backend = builds[i].Entry?.Backend?.Value;
                yield return Rule.At(builds[i].Suffix.Span,
                    $"Tag suffix {Finding.Quote(suffix.Text)} is already built by [an earlier build](1), so the two builds push the same tag and the last one wins: give this build its own suffix, or make both legs of one multi-architecture image (each with a 'platform-tag' and distinct 'platforms').",
                    backend, $"suffix={suffix.Text};build={i + 1}",
                    new RelatedLocation(clash.Suffix.Span, $"The first build of {Finding.Quote(suffix.Text)}."));
            }
        }
    }
}
