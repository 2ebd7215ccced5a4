using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Text;

namespace BackendLint.Checks.Make;

/// <summary>A backend that <c>prepare-test-extra</c> builds but <c>test-extra</c> never tests costs CI time and tests nothing.</summary>
internal sealed class PreparedBackendMustBeTested : ICheck
{
    public Rule Rule { get; } = new(
        CheckIds.PreparedBackendMustBeTested, nameof(PreparedBackendMustBeTested),
        "Every backend 'prepare-test-extra' builds is tested by 'test-extra', and every Python backend 'test-extra' tests is prepared.",
        Severity.Warning,
        "'prepare-test-extra' builds each backend directory that 'test-extra' then tests with '$(MAKE) -C backend/<lang>/<name> test'. A prepared backend without its test line was probably forgotten. The reverse matters only for Python backends: a Go or Rust backend's own 'test' target builds what it needs.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Makefile;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        if (model.Makefile.PrepareTestExtra is not { } prepare || model.Makefile.TestExtra is not { } test)
            yield break;

        var text = model.Source(model.Makefile.File)?.Text;
        var intoTest = Places(prepare, test);
        foreach (var step in prepare.Steps)
        {
            if (test.Builds(step.Lang, step.Name))
                continue;

            var line = $"$(MAKE) -C {step.Directory.Value} test";
            yield return Rule.At(step.Directory.Span,
                $"{Finding.Quote(step.Directory.Value)} is prepared by 'prepare-test-extra' but never tested by [test-extra](1).",
                step.Name, $"prepared={step.Lang}/{step.Name}",
                new RelatedLocation(test.Target.Span, $"Add {Finding.Quote(line)} to 'test-extra'.")) with
            {
                Fix = text is null ? null : Insert(text, intoTest[(step.Lang, step.Name)], line, "test-extra"),
            };
        }

        var intoPrepare = Places(test, prepare);
        foreach (var step in test.Steps)
        {
            if (step.Lang != "python" || prepare.Builds(step.Lang, step.Name))
                continue;

            var line = $"$(MAKE) -C {step.Directory.Value}";
            yield return Rule.At(step.Directory.Span,
                $"Python backend {Finding.Quote(step.Directory.Value)} is tested by 'test-extra' but not prepared by [prepare-test-extra](1).",
                step.Name, $"unprepared={step.Lang}/{step.Name}",
                new RelatedLocation(prepare.Target.Span, $"Add {Finding.Quote(line)} to 'prepare-test-extra'.")) with
            {
                Fix = text is null ? null : Insert(text, intoPrepare[(step.Lang, step.Name)], line, "prepare-test-extra"),
            };
        }
    }

    private static Fix Insert(SourceText text, (SourceSpan At, bool After, bool IsStep) place, string line, string target)
    {
        // The recipe prefix of the neighbouring step (a tab in LocalAI); a tab after the rule line itself.
        var prefix = place.IsStep ? MakefileEdits.Indentation(text, place.At.StartLine) : "\t";
        return new Fix($"Add {Finding.Quote(line)} to {Finding.Quote(target)}.", [MakefileEdits.Insert(text, place.At, place.After, prefix + line)]);
    }

    /// <summary>
    /// Where each step of <paramref name="from"/> missing in <paramref name="into"/> goes there, in the order
    /// of <paramref name="from"/>: after the step of the nearest directory before it that <paramref name="into"/>
    /// has, else before that of the nearest after it, else after the last step, else after the rule line.
    /// A directory listed twice gets the place of its first step, so the fixes of both are one line.
    /// </summary>
    private static Dictionary<(string, string), (SourceSpan At, bool After, bool IsStep)> Places(MakeStepRecipe from, MakeStepRecipe into)
    {
        var lines = new Dictionary<(string, string), SourceSpan>();
        foreach (var step in into.Steps)
            lines.TryAdd((step.Lang, step.Name), step.Line);

        var neighbours = MakefileEdits.Neighbours(from.Steps, s => lines.TryGetValue((s.Lang, s.Name), out var line) ? line : null);
        var places = new Dictionary<(string, string), (SourceSpan, bool, bool)>();
        for (var i = 0; i < from.Steps.Count; i++)
        {
            var place = neighbours[i].HasValue ? (neighbours[i]!.Value.Line, neighbours[i]!.Value.After, true)
                : into.Steps.Count > 0 ? (into.Steps[^1].Line, true, true)
                : (into.RuleLine, true, false);
            places.TryAdd((from.Steps[i].Lang, from.Steps[i].Name), place);
        }

        return places;
    }
}
