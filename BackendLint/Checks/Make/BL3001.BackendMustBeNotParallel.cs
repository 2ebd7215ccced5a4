using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Parsing.Make;
using BackendLint.Text;

namespace BackendLint.Checks.Make;

/// <summary>A <c>backends/&lt;name&gt;</c> target missing from <c>.NOTPARALLEL</c> runs docker-build and docker-save at once under <c>make -j</c> and fails.</summary>
internal sealed class BackendMustBeNotParallel : ICheck
{
    public CheckDescriptor Descriptor { get; } = new(
        CheckIds.BackendMustBeNotParallel, nameof(BackendMustBeNotParallel),
        "Every 'backends/<name>' target is listed in '.NOTPARALLEL'.",
        Severity.Error,
        "'make backends/<name>' builds, saves and installs an image; its prerequisites must run in order. The Makefile lists every such target in '.NOTPARALLEL:'. With the pattern rule 'backends/%:' every BACKEND_* definition is such a target, and so is each explicit 'backends/<name>:' rule. A bare '.NOTPARALLEL:' serializes everything and satisfies the rule.",
        "consistency");

    public IEnumerable<Finding> Run(BackendModel model)
    {
        var makefile = model.Makefile;
        var list = makefile.NotParallel;
        if (list is { Prerequisites.Count: 0 })
            yield break;

        var reachable = new List<(string Name, Located<string> Token)>();
        if (makefile.BackendPatternRule is not null)
            reachable.AddRange(makefile.Definitions.Select(d => (d.Name.Value, d.Name)));
        reachable.AddRange(makefile.BackendTargets.Select(t => (MakefileReader.NameOfBackendTarget(t.Value), t)));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, token) in reachable)
        {
            var target = "backends/" + name;
            if (!seen.Add(name) || (list?.Contains(target) ?? false))
                continue;

            yield return list is null
                ? Descriptor.At(token.Span,
                    $"Target {Finding.Quote(target)} is not serialized: the Makefile has no '.NOTPARALLEL:' line.",
                    name, $"target={target}")
                : Descriptor.At(token.Span,
                    $"Target {Finding.Quote(target)} is missing from [the '.NOTPARALLEL' list](1).",
                    name, $"target={target}",
                    new RelatedLocation(list.InsertionPoint, $"Add '{target}' to '.NOTPARALLEL'."));
        }
    }
}
