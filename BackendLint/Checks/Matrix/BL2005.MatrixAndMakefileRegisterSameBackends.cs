using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Matrix;

/// <summary>A backend CI builds that the Makefile cannot build (or the reverse) cannot be reproduced or tested locally, or is dead weight.</summary>
internal sealed class MatrixAndMakefileRegisterSameBackends : ICheck
{
    public Rule Rule { get; } = new(
        CheckIds.MatrixAndMakefileRegisterSameBackends, nameof(MatrixAndMakefileRegisterSameBackends),
        "Every Linux build-matrix backend has a BACKEND_* Makefile definition, and every definition a build.",
        Severity.Warning,
        "The Makefile's BACKEND_* definitions make 'make docker-build-<name>' and 'make backends/<name>', the local way to build and install what CI builds. A backend CI builds on Linux without a definition cannot be built locally the way CI builds it; a definition without a build makes an image CI never publishes, and when no gallery entry names it and no backend directory holds its source either, it is left over from a removed backend. macOS builds ('includeDarwin:') do not use the Docker targets and are not compared.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Matrix | ModelInputs.Makefile;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        // A Makefile without definitions builds backends another way (LocalAI before 2026), and a
        // matrix without Linux builds publishes no images: nothing to keep in step.
        if (model.Makefile.Definitions is not [.., var last] || !model.Matrix.Entries.Any(e => e.Platform == BuildPlatform.Linux))
            yield break;

        foreach (var backend in model.Backends)
        {
            var linux = backend.MatrixEntries.Where(e => e.Platform == BuildPlatform.Linux).ToList();
            if (backend.Definitions is [var definition, ..])
            {
                if (linux.Count > 0)
                    continue;
                yield return model.IsLeftoverDefinition(backend)
                    ? Rule.At(definition.Name.Span,
                        $"Backend {Finding.Quote(backend.Name)} is defined in the Makefile, but no build-matrix entry builds it, no gallery entry names it and no backend directory holds it: delete {Finding.Quote(definition.Variable.Value)}, its eval line and its 'docker-build-{backend.Name}' and 'backends/{backend.Name}' list items.",
                        backend.Name, $"backend={backend.Name};leftover")
                    : Rule.At(definition.Name.Span,
                        $"Backend {Finding.Quote(backend.Name)} is defined in the Makefile, but no Linux build-matrix entry builds it: add an 'include:' entry with {Finding.Quote("backend: " + backend.Name)}, or delete {Finding.Quote(definition.Variable.Value)} if CI is not meant to build it.",
                        backend.Name, $"backend={backend.Name};matrix=absent");
            }
            else if (linux is [var first, ..] && first.Backend is { } name)
            {
                yield return Rule.At(name.Span,
                    $"Backend {Finding.Quote(backend.Name)} is built by the build matrix, but the Makefile has no definition of it: add {Finding.Quote($"BACKEND_{Variable(backend.Name)} = {backend.Name}|{first.DockerfileType ?? "<dockerfile-type>"}|{ContextOf(first)}|false|true")} next to [the other definitions](1), with its eval line.",
                    backend.Name, $"backend={backend.Name};definition=absent",
                    new RelatedLocation(last.Variable.Span, $"The last definition, {Finding.Quote(last.Variable.Value)}."));
            }
        }
    }

    // The build's own context, so the definition agrees with it (BL2002); '.' when it has none or an expression.
    private static string ContextOf(MatrixEntry entry) =>
        entry.Context is { } context && context.Value.Length > 0 && !BuildMatrix.IsExpression(context.Value) ? context.Value : ".";

    private static string Variable(string name) => name.ToUpperInvariant().Replace('-', '_').Replace('.', '_');
}
