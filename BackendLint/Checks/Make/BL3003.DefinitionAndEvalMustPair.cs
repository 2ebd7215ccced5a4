using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Make;

/// <summary>
/// A definition without its <c>$(eval $(call generate-docker-build-target,…))</c> line has no
/// <c>docker-build-&lt;name&gt;</c> target; an eval naming no definition creates a broken one.
/// </summary>
internal sealed class DefinitionAndEvalMustPair : ICheck
{
    public Rule Rule { get; } = new(
        CheckIds.DefinitionAndEvalMustPair, nameof(DefinitionAndEvalMustPair),
        "Each BACKEND_* definition has its generate-docker-build-target eval line, and each eval names a definition.",
        Severity.Error,
        "'$(eval $(call generate-docker-build-target,$(BACKEND_X)))' creates 'docker-build-<name>' from the definition 'BACKEND_X = name|dockerfile-type|context|progress|needs-backend-arg'. Without the eval, 'make docker-build-<name>' and 'make backends/<name>' do not exist; an eval naming an undefined variable creates a target called 'docker-build-'.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Makefile;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        var makefile = model.Makefile;
        var lastEval = makefile.Evals.Count > 0 ? makefile.Evals[^1] : null;

        foreach (var definition in makefile.Definitions.Where(d => !makefile.IsEvaluated(d.Variable.Value)))
        {
            var variable = definition.Variable.Value;
            var line = MakeEval.LineFor(variable);
            yield return lastEval is null
                ? Rule.At(definition.Variable.Span,
                    $"Definition {Finding.Quote(variable)} has no {Finding.Quote(line)} line, so {Finding.Quote(MakefileFacts.DockerBuildPrefix + definition.Name.Value)} does not exist: add that line after the definition.",
                    definition.Name.Value, $"variable={variable}")
                : Rule.At(definition.Variable.Span,
                    $"Definition {Finding.Quote(variable)} has no {Finding.Quote(line)} line next to [the others](1), so {Finding.Quote(MakefileFacts.DockerBuildPrefix + definition.Name.Value)} does not exist.",
                    definition.Name.Value, $"variable={variable}",
                    new RelatedLocation(lastEval.Line, $"Add {Finding.Quote(line)} after this line."));
        }

        foreach (var eval in makefile.Evals.Where(e => !makefile.IsDefined(e.Variable.Value)))
        {
            yield return Rule.At(eval.Variable.Span,
                $"The generate-docker-build-target eval names {Finding.Quote(eval.Variable.Value)}, which is not a 'name|dockerfile-type|context|progress|needs-backend-arg' definition: define it, or remove the eval line.",
                null, $"eval={eval.Variable.Value}");
        }
    }
}
