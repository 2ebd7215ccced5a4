using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Matrix;

/// <summary>A Dockerfile the CI change filter has no branch for: pull requests to its backends build nothing.</summary>
internal sealed class ChangeFilterKnowsDockerfile : ICheck
{
    public Rule Rule { get; } = new(
        CheckIds.ChangeFilterKnowsDockerfile, nameof(ChangeFilterKnowsDockerfile),
        "Every build-matrix Dockerfile has its branch in the CI change filter.",
        Severity.Error,
        "On a pull request, the change filter (scripts/changed-backends.js) maps each Linux build-matrix entry to its source directory by its Dockerfile, one 'item.dockerfile.endsWith(\"<x>\")' branch per Dockerfile.<x>. An entry whose Dockerfile has no branch maps to no directory, so a pull request changing that backend builds nothing and its breakage is found only after the merge. The filter is read as text, never run: a branch is a string literal naming the suffix or the Dockerfile.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Matrix | ModelInputs.ChangeFilter;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        var missing = new Dictionary<string, List<MatrixEntry>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var entry in model.Matrix.Entries)
        {
            if (entry.Platform != BuildPlatform.Linux || entry.Dockerfile is not { } dockerfile || SourceTree.DockerfileSuffix(dockerfile.Value) is not { } suffix
                || model.ChangeFilter.Knows(suffix)
                || (model.Inputs.HasFlag(ModelInputs.Tree) && !model.Tree.HasFile("Dockerfile." + suffix)))
            {
                // A Dockerfile that does not exist is BL2007's finding, not a missing branch.
                continue;
            }

            if (!missing.TryGetValue(suffix, out var entries))
            {
                missing[suffix] = entries = [];
                order.Add(suffix);
            }

            entries.Add(entry);
        }

        var script = model.ChangeFilter.Files[0];
        var scriptSpan = new Text.SourceSpan(script, 1, 1, 1, 1);
        foreach (var suffix in order)
        {
            var entries = missing[suffix];
            var first = entries[0].Dockerfile!.Value;
            var related = new List<RelatedLocation> { new(scriptSpan, $"Add a branch for Dockerfile.{suffix} to {Finding.Quote(script)}.") };
            related.AddRange(entries.Skip(1).Take(10).Select(e => new RelatedLocation(e.Dockerfile!.Value.Span, $"Also built with {Finding.Quote(e.Dockerfile!.Value.Value)}.")));
            var count = entries.Count == 1 ? "its build-matrix entry" : $"its {entries.Count} build-matrix entries";
            yield return Rule.At(first.Span,
                $"The change filter has no branch for {Finding.Quote(first.Value)}, so a pull request changing the backends built with it rebuilds none of {count}: add an 'endsWith(\"{suffix}\")' branch to [{script}](1).",
                entries[0].Backend?.Value, $"filter-dockerfile={suffix}", [.. related]);
        }
    }
}
