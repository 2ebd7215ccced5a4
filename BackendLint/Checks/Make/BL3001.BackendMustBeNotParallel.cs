using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Make;

/// <summary>A <c>backends/&lt;name&gt;</c> target missing from <c>.NOTPARALLEL</c> runs docker-build and docker-save at once under <c>make -j</c> and fails.</summary>
internal sealed class BackendMustBeNotParallel : ICheck
{
    public Rule Rule { get; } = new(
        CheckIds.BackendMustBeNotParallel, nameof(BackendMustBeNotParallel),
        "Every 'backends/<name>' target is listed in '.NOTPARALLEL'.",
        Severity.Error,
        "'make backends/<name>' builds, saves and installs an image; its prerequisites must run in order. The Makefile lists every such target in '.NOTPARALLEL:'. With the pattern rule 'backends/%:' every BACKEND_* definition is such a target, and so is each explicit 'backends/<name>:' rule. A bare '.NOTPARALLEL:' serializes everything and satisfies the rule.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Makefile;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        var list = model.Makefile.NotParallel;
        if (list is { Prerequisites.Count: 0 })
            yield break;

        foreach (var backend in model.Backends)
        {
            if (backend.NotParallel.Count > 0 || backend.BackendTarget(model.Makefile) is not { } token)
                continue;

            var target = MakefileFacts.BackendTargetPrefix + backend.Name;
            yield return list is null
                ? Rule.At(token.Span,
                    $"Target {Finding.Quote(target)} is not serialized: the Makefile has no '.NOTPARALLEL:' line.",
                    backend.Name, $"target={target}")
                : Rule.At(token.Span,
                    $"Target {Finding.Quote(target)} is missing from [the '.NOTPARALLEL' list](1).",
                    backend.Name, $"target={target}",
                    new RelatedLocation(list.InsertionPoint, $"Add {Finding.Quote(target)} to '.NOTPARALLEL'."));
        }
    }
}
