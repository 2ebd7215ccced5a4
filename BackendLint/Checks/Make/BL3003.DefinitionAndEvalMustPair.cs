using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Text;

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
        var text = model.Source(makefile.File)?.Text;
        var places = Places(makefile);

        foreach (var definition in makefile.Definitions.Where(d => !makefile.IsEvaluated(d.Variable.Value)))
        {
            var variable = definition.Variable.Value;
            var line = MakeEval.LineFor(variable);
            // No pattern variables here: a mutant of the condition would leave one unassigned (see CONTRIBUTING).
            var place = places[variable];
            var finding = !place.HasValue || makefile.Evals.Count == 0
                ? Rule.At(definition.Variable.Span,
                    $"Definition {Finding.Quote(variable)} has no {Finding.Quote(line)} line, so {Finding.Quote(MakefileFacts.DockerBuildPrefix + definition.Name.Value)} does not exist: add that line after the definition and the {Finding.Quote(MakeEval.GenerateTarget)} macro.",
                    definition.Name.Value, $"variable={variable}")
                : Rule.At(definition.Variable.Span,
                    $"Definition {Finding.Quote(variable)} has no {Finding.Quote(line)} line next to [the others](1), so {Finding.Quote(MakefileFacts.DockerBuildPrefix + definition.Name.Value)} does not exist.",
                    definition.Name.Value, $"variable={variable}",
                    new RelatedLocation(place.Value.At, $"Add {Finding.Quote(line)} {(place.Value.After ? "after" : "before")} this line."));
            yield return finding with
            {
                Fix = text is null || !place.HasValue ? null : Insert(text, place.Value, line),
            };
        }

        // Whether to define the variable or to remove the eval is the author's decision: no fix.
        foreach (var eval in makefile.Evals.Where(e => !makefile.IsDefined(e.Variable.Value)))
        {
            yield return Rule.At(eval.Variable.Span,
                $"The generate-docker-build-target eval names {Finding.Quote(eval.Variable.Value)}, which is not a 'name|dockerfile-type|context|progress|needs-backend-arg' definition: define it, or remove the eval line.",
                null, $"eval={eval.Variable.Value}");
        }
    }

    private static Fix Insert(SourceText text, (SourceSpan At, bool After) place, string line) =>
        new($"Add {Finding.Quote(line)}.", [MakefileEdits.Insert(text, place.At, place.After, MakefileEdits.Indentation(text, place.At.StartLine) + line)]);

    /// <summary>
    /// Where the eval of each variable without one goes, in the order of the definitions: after the eval
    /// of the nearest definition before it that has one, else before that of the nearest after it, else
    /// after the last eval. Make expands an eval line as it reads it, so the line goes after the
    /// definition and after the <c>generate-docker-build-target</c> macro when the place found is not;
    /// with no eval at all it goes there, and nowhere when this Makefile does not define the macro (an
    /// eval calling nothing would silence the finding and create no target). A variable defined twice
    /// gets the place of its first definition, so the fixes of both findings are one line.
    /// </summary>
    private static Dictionary<string, (SourceSpan At, bool After)?> Places(MakefileFacts makefile)
    {
        var evals = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var eval in makefile.Evals)
            evals.TryAdd(eval.Variable.Value, eval.Line);

        var definitions = makefile.Definitions;
        var neighbours = MakefileEdits.Neighbours(definitions, d => evals.TryGetValue(d.Variable.Value, out var line) ? line : null);
        var places = new Dictionary<string, (SourceSpan, bool)?>(StringComparer.Ordinal);
        for (var i = 0; i < definitions.Count; i++)
        {
            var earliest = definitions[i].Line;
            var macro = makefile.GenerateTarget ?? earliest;
            if (macro.EndLine > earliest.EndLine)
                earliest = macro;
            var place = neighbours[i] ?? (makefile.Evals.Count > 0 ? (makefile.Evals[^1].Line, true) : null);
            // With no eval to stand next to, the line goes after both, if this Makefile defines the macro.
            if (place.HasValue ? Precedes(place.Value, earliest) : makefile.GenerateTarget.HasValue)
                place = (earliest, true);
            places.TryAdd(definitions[i].Variable.Value, place);
        }

        return places;
    }

    // Whether a line inserted at the place would come before the end of the span.
    private static bool Precedes((SourceSpan Line, bool After) place, SourceSpan span) =>
        place.After ? place.Line.EndLine < span.EndLine : place.Line.StartLine <= span.EndLine;
}
