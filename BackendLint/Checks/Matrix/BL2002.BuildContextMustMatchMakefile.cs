using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Text;

namespace BackendLint.Checks.Matrix;

/// <summary>A build context that differs between CI and the Makefile makes one of the two builds miss its files.</summary>
internal sealed class BuildContextMustMatchMakefile : ICheck
{
    public Rule Rule { get; } = new(
        CheckIds.BuildContextMustMatchMakefile, nameof(BuildContextMustMatchMakefile),
        "Build-matrix contexts mean the same directory as the Makefile definition's.",
        Severity.Error,
        "The Makefile definition's third field is the docker build context of 'make docker-build-<name>'; each build-matrix entry of the same backend has a 'context:'. They must name the same directory ('', '.', './' are the root; './backend', 'backend/' are 'backend'), or one of the two builds fails to find its files.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Matrix | ModelInputs.Makefile;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        foreach (var backend in model.Backends)
        {
            if (backend.Definitions is not [var definition, ..])
                continue;
            var expected = BuildContext.Normalize(definition.Context.Value);
            var contexts = new List<(MatrixEntry Entry, Located<string> Context, string Directory)>();
            foreach (var entry in backend.MatrixEntries)
            {
                if (entry.Context is { } context && !BuildMatrix.IsExpression(context.Value))
                    contexts.Add((entry, context, BuildContext.Normalize(context.Value)));
            }

            var differing = contexts.Where(c => c.Directory != expected).ToList();
            if (differing.Count == 0)
                continue;

            // Every CI build agrees with the others and not with the Makefile: the Makefile is the odd one out.
            if (differing.Count == contexts.Count && differing.TrueForAll(c => c.Directory == differing[0].Directory))
            {
                var first = differing[0].Context;
                var entries = contexts.Count == 1
                    ? $"the build-matrix entry](1) of {Finding.Quote(backend.Name)} uses"
                    : $"all {contexts.Count} build-matrix entries](1) of {Finding.Quote(backend.Name)} use";
                yield return Rule.At(definition.Context.Span,
                    $"Build context {Finding.Quote(definition.Context.Value)} of {Finding.Quote(definition.Variable.Value)} is not the {Finding.Quote(first.Value)} that [{entries}: change it to {Finding.Quote(first.Value)}.",
                    backend.Name, $"backend={backend.Name};makefile-context={definition.Context.Value}",
                    new RelatedLocation(first.Span, $"The first build-matrix entry of {Finding.Quote(backend.Name)}."));
                continue;
            }

            foreach (var (entry, context, _) in differing)
            {
                yield return Rule.At(context.Span,
                    $"Build context {Finding.Quote(context.Value)} of backend {Finding.Quote(backend.Name)} is not [the Makefile's context](1) {Finding.Quote(definition.Context.Value)}: change it to {Finding.Quote(definition.Context.Value)}, or change the Makefile's if this one is right.",
                    backend.Name, $"backend={backend.Name};suffix={entry.Get("tag-suffix")?.Value};context={context.Value}",
                    new RelatedLocation(definition.Context.Span, $"The context of {Finding.Quote(definition.Variable.Value)}."));
            }
        }
    }
}
