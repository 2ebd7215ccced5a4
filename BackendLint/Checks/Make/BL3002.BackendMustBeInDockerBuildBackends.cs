using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Make;

/// <summary>A backend missing from <c>docker-build-backends</c> is silently skipped when a developer builds all images locally.</summary>
internal sealed class BackendMustBeInDockerBuildBackends : ICheck
{
    public Rule Rule { get; } = new(
        CheckIds.BackendMustBeInDockerBuildBackends, nameof(BackendMustBeInDockerBuildBackends),
        "Every BACKEND_* definition is built by 'docker-build-backends'.",
        Severity.Warning,
        "'make docker-build-backends' is the local way to build every backend image. A definition whose 'docker-build-<name>' is not in its list is silently left out. CI does not use the target, hence a warning.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Makefile;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        // Without the convenience target there is no list to keep in step.
        if (model.Makefile.DockerBuildBackends is not { } list)
            yield break;

        var text = model.Source(model.Makefile.File)?.Text;
        var order = model.Makefile.Definitions.Select(d => MakefileFacts.DockerBuildPrefix + d.Name.Value).ToList();

        // A leftover definition is to be deleted (BL2005 says so), not added to the list.
        foreach (var backend in model.Backends.Where(b => b.DockerBuildBackends.Count == 0 && !model.IsLeftoverDefinition(b)))
        {
            var target = MakefileFacts.DockerBuildPrefix + backend.Name;
            var edit = text is null ? null : Edits.AddToList(text, list, target, order);
            foreach (var definition in backend.Definitions)
            {
                yield return Rule.At(definition.Name.Span,
                    $"Backend {Finding.Quote(backend.Name)} is defined, but {Finding.Quote(target)} is missing from [the 'docker-build-backends' list](1).",
                    backend.Name, $"target={target}",
                    new RelatedLocation(list.InsertionPoint, $"Add {Finding.Quote(target)} to 'docker-build-backends'.")) with
                {
                    Fix = edit is null ? null : new Fix($"Add {Finding.Quote(target)} to 'docker-build-backends'.", [edit]),
                };
            }
        }
    }
}
