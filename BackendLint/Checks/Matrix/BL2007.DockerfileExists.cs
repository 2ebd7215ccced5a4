using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Matrix;

/// <summary>A build-matrix entry whose Dockerfile does not exist fails in CI at 'docker build', for every entry that names it.</summary>
internal sealed class DockerfileExists : ICheck
{
    public Rule Rule { get; } = new(
        CheckIds.DockerfileExists, nameof(DockerfileExists),
        "Every build-matrix 'dockerfile:' names a Dockerfile of the repository.",
        Severity.Error,
        "Each Linux build-matrix entry is built with 'docker build -f <dockerfile>'. A 'dockerfile:' that names no file (a typo, a Dockerfile renamed or not yet committed) fails every build of that entry, and CI reports it only after the job started. The path is read as LocalAI writes it, './backend/Dockerfile.<x>', and looked up among the names of the backend source tree.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Matrix | ModelInputs.Tree;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        // One finding per missing Dockerfile, at its first entry; the other entries naming it are related.
        var missing = new Dictionary<string, List<Located>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var entry in model.Matrix.Entries)
        {
            if (entry.Dockerfile is not { Value.Length: > 0 } dockerfile || BuildMatrix.IsExpression(dockerfile.Value))
                continue;
            var path = SourceTree.Normalize(dockerfile.Value);
            if (model.Tree.HasPath(path) is not false)
                continue; // present, or outside what the tree lists
            if (!missing.TryGetValue(path, out var sites))
            {
                missing[path] = sites = [];
                order.Add(path);
            }

            sites.Add(new Located(dockerfile, entry.Backend?.Value));
        }

        foreach (var path in order)
        {
            var sites = missing[path];
            var (first, backend) = sites[0];
            var others = sites.Skip(1).Take(10).Select(s => new RelatedLocation(s.Value.Span, $"Also built with {Finding.Quote(s.Value.Value)}{(s.Backend is null ? "" : $" (backend {Finding.Quote(s.Backend)})")}.")).ToArray();
            var count = sites.Count == 1 ? "a build-matrix entry" : $"{sites.Count} build-matrix entries";
            yield return Rule.At(first.Span,
                $"Dockerfile {Finding.Quote(first.Value)} does not exist, so {count} cannot build: add {Finding.Quote(path)}, or correct the path{Suggestion(model, path)}.",
                backend, $"dockerfile={path}", others);
        }
    }

    // The Dockerfile of the tree closest to a mistyped one, when one is close.
    private static string Suggestion(BackendModel model, string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var near = model.Tree.Top
            .Where(e => e.Kind is TreeEntryKind.File or TreeEntryKind.Link && e.Name.StartsWith("Dockerfile", StringComparison.Ordinal))
            .Select(e => (e.Name, Distance: Text.EditDistance.Between(e.Name, name)))
            .Where(e => e.Distance <= 2)
            .OrderBy(e => e.Distance).ThenBy(e => e.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return near.Name is null ? "" : $" (did you mean {Finding.Quote($"{SourceTree.Root}/{near.Name}")}?)";
    }

    private readonly record struct Located(Text.Located<string> Value, string? Backend);
}
