using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Source;

/// <summary>A backend whose source directory is gone cannot be built: its docker build fails at the first COPY.</summary>
internal sealed class BackendDirectoryExists : ICheck
{
    public Rule Rule { get; } = new(
        CheckIds.BackendDirectoryExists, nameof(BackendDirectoryExists),
        "Every Makefile definition and Linux build-matrix backend has its 'backend/<lang>/<name>/' directory.",
        Severity.Error,
        "A backend is built from 'backend/<lang>/<name>/', the language following its Dockerfile: Dockerfile.python builds 'backend/python/<name>/', Dockerfile.golang 'backend/go/<name>/', Dockerfile.rust 'backend/rust/<name>/', and every other Dockerfile (llama-cpp, ik-llama-cpp, turboquant, …) a C++ backend in 'backend/cpp/<name>/'. When a backend is renamed or removed and its definition or build-matrix entry stays, 'make docker-build-<name>' or the CI build fails on the missing directory.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Tree | ModelInputs.Makefile | ModelInputs.Matrix;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        // One finding per missing directory: at its definition when it has one, else at its first
        // Linux build-matrix entry; the other places that name it are related.
        var sites = new Dictionary<(string Lang, string Name), List<(Text.SourceSpan Span, string Says)>>();
        var order = new List<(string Lang, string Name)>();
        foreach (var definition in model.Makefile.Definitions)
        {
            if (definition.Name.Value.Length == 0 || definition.DockerfileType.Value.Length == 0)
                continue;
            var type = definition.DockerfileType.Value;
            if (!model.Tree.HasFile("Dockerfile." + type))
                continue; // which directory an unknown Dockerfile builds from is not known
            Add(SourceTree.LanguageOf(type), definition.Name.Value, definition.Name.Span, $"its definition's dockerfile type is {Finding.Quote(type)}");
        }

        foreach (var entry in model.Matrix.Entries)
        {
            if (entry.Platform != BuildPlatform.Linux || entry.Backend is not { Value.Length: > 0 } backend || BuildMatrix.IsExpression(backend.Value)
                || entry.Dockerfile is not { } dockerfile || SourceTree.DockerfileSuffix(dockerfile.Value) is not { } suffix
                || !model.Tree.HasFile("Dockerfile." + suffix))
            {
                continue;
            }

            Add(SourceTree.LanguageOf(suffix), backend.Value, backend.Span, $"it is built with {Finding.Quote(dockerfile.Value)}");
        }

        foreach (var key in order)
        {
            var (lang, name) = key;
            var list = sites[key];
            var directory = $"{SourceTree.Root}/{lang}/{name}/";
            var (span, says) = list[0];
            var others = list.Skip(1).Take(10).Select(s => new RelatedLocation(s.Span, $"Also names backend {Finding.Quote(name)}: {s.Says}.")).ToArray();
            yield return Rule.At(span,
                $"Backend {Finding.Quote(name)} is built from {Finding.Quote(directory)}, as {says}, but that directory does not exist: restore it, or remove the backend.",
                name, $"directory={lang}/{name}", others);
        }

        void Add(string lang, string name, Text.SourceSpan span, string says)
        {
            if (model.Tree.Directory(lang, name) is not null)
                return;
            if (!sites.TryGetValue((lang, name), out var list))
            {
                sites[(lang, name)] = list = [];
                order.Add((lang, name));
            }

            list.Add((span, says));
        }
    }
}
