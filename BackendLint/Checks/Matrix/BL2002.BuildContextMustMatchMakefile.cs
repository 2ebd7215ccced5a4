using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Matrix;

/// <summary>A build context that differs between CI and the Makefile makes one of the two builds miss its files.</summary>
internal sealed class BuildContextMustMatchMakefile : ICheck
{
    public CheckDescriptor Descriptor { get; } = new(
        CheckIds.BuildContextMustMatchMakefile, nameof(BuildContextMustMatchMakefile),
        "Build-matrix contexts mean the same directory as the Makefile definition's.",
        Severity.Error,
        "The Makefile definition's third field is the docker build context of 'make docker-build-<name>'; each build-matrix entry of the same backend has a 'context:'. They must name the same directory ('', '.', './' are the root; './backend', 'backend/' are 'backend'), or one of the two builds fails to find its files.",
        "consistency");

    public IEnumerable<Finding> Run(BackendModel model)
    {
        foreach (var backend in model.Backends)
        {
            if (backend.Definitions.Count == 0)
                continue;
            var definition = backend.Definitions[0];
            var expected = BuildContext.Normalize(definition.Context.Value);
            var contexts = backend.MatrixEntries
                .Where(e => e.Text("context") is { } c && !BuildMatrix.IsExpression(c))
                .Select(e => (Entry: e, Directory: BuildContext.Normalize(e.Text("context")!)))
                .ToList();
            if (contexts.TrueForAll(c => c.Directory == expected))
                continue;
            var differing = contexts.Where(c => c.Directory != expected).Select(c => (c.Entry, Context: c.Entry.Context!, c.Directory)).ToList();

            // Every CI build agrees with the others and not with the Makefile: the Makefile is the odd one out.
            if (differing.Count == contexts.Count && differing.All(c => c.Directory == differing[0].Directory))
            {
                var first = differing[0].Context;
                var entries = contexts.Count == 1 ? "the build-matrix entry" : $"all {contexts.Count} build-matrix entries";
                yield return Descriptor.At(definition.Context.Span,
                    $"Build context {Finding.Quote(definition.Context.Value)} of {Finding.Quote(definition.Variable.Value)} is not the {Finding.Quote(first.Value)} that [{entries}](1) of {Finding.Quote(backend.Name)} use.",
                    backend.Name, $"backend={backend.Name};makefile-context={definition.Context.Value}",
                    new RelatedLocation(first.Span, $"The first build-matrix entry of '{backend.Name}'."));
                continue;
            }

            foreach (var (entry, context, _) in differing)
            {
                yield return Descriptor.At(context.Span,
                    $"Build context {Finding.Quote(context.Value)} of backend {Finding.Quote(backend.Name)} is not [the Makefile's context](1) {Finding.Quote(definition.Context.Value)}.",
                    backend.Name, $"backend={backend.Name};suffix={entry.TagSuffix?.Value};context={context.Value}",
                    new RelatedLocation(definition.Context.Span, $"The context of '{definition.Variable.Value}'."));
            }
        }
    }
}
