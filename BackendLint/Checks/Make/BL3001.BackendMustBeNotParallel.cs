using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Text;

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

        var unlisted = new List<(string Target, Located<string> Token, string Backend)>();
        foreach (var backend in model.Backends)
        {
            if (backend.NotParallel.Count == 0 && backend.BackendTarget(model.Makefile) is { } token)
                unlisted.Add((MakefileFacts.BackendTargetPrefix + backend.Name, token, backend.Name));
        }

        var text = model.Source(model.Makefile.File)?.Text;
        if (list is null)
        {
            // No list at all is one mistake, not one per target: one finding, at the pattern rule that
            // makes the targets when there is one, else at the first target.
            if (unlisted.Count == 0)
                yield break;
            var at = model.Makefile.BackendPatternRule ?? unlisted.MinBy(u => (u.Token.Span.StartLine, u.Token.Span.StartColumn)).Token;
            var targets = unlisted.Select(u => u.Target).ToList();
            var shown = targets.Count <= 3 ? string.Join(" ", targets) : $"{string.Join(" ", targets.Take(3))} …";
            var line = $".NOTPARALLEL: {string.Join(" ", targets)}";
            yield return Rule.At(at.Span,
                $"The Makefile has no '.NOTPARALLEL:' line, so {(targets.Count == 1 ? $"target {Finding.Quote(targets[0])} is" : $"its {targets.Count} 'backends/<name>' targets are")} not serialized: add '.NOTPARALLEL: {shown}' listing {(targets.Count == 1 ? "it" : "all of them")} above this rule.",
                null, "notparallel=absent") with
            {
                // Above the rule's comments, which belong to it (an inline suppression among them).
                Fix = text is null ? null : new Fix("Add a '.NOTPARALLEL:' line listing every 'backends/<name>' target.",
                    [Edits.InsertLinesBefore(text, MakefileEdits.StartWithComments(text, at.Span.StartLine), line)]),
            };
            yield break;
        }

        var order = model.Makefile.Definitions.Select(d => MakefileFacts.BackendTargetPrefix + d.Name.Value).ToList();
        foreach (var (target, token, backend) in unlisted)
        {
            var edit = text is null ? null : Edits.AddToList(text, list, target, order);
            yield return Rule.At(token.Span,
                $"Target {Finding.Quote(target)} is missing from [the '.NOTPARALLEL' list](1).",
                backend, $"target={target}",
                new RelatedLocation(list.InsertionPoint, $"Add {Finding.Quote(target)} to '.NOTPARALLEL'.")) with
            {
                Fix = edit is null ? null : new Fix($"Add {Finding.Quote(target)} to '.NOTPARALLEL'.", [edit]),
            };
        }
    }
}
