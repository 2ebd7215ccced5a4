using BackendLint.Findings;
using BackendLint.Model;

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

        foreach (var step in prepare.Steps)
        {
            if (test.Builds(step.Lang, step.Name))
                continue;

            yield return Rule.At(step.Directory.Span,
                $"{Finding.Quote(step.Directory.Value)} is prepared by 'prepare-test-extra' but never tested by [test-extra](1).",
                step.Name, $"prepared={step.Lang}/{step.Name}",
                new RelatedLocation(test.Target.Span, $"Add {Finding.Quote($"$(MAKE) -C {step.Directory.Value} test")} to 'test-extra'."));
        }

        foreach (var step in test.Steps)
        {
            if (step.Lang != "python" || prepare.Builds(step.Lang, step.Name))
                continue;

            yield return Rule.At(step.Directory.Span,
                $"Python backend {Finding.Quote(step.Directory.Value)} is tested by 'test-extra' but not prepared by [prepare-test-extra](1).",
                step.Name, $"unprepared={step.Lang}/{step.Name}",
                new RelatedLocation(prepare.Target.Span, $"Add {Finding.Quote($"$(MAKE) -C {step.Directory.Value}")} to 'prepare-test-extra'."));
        }
    }
}
