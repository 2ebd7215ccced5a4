using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Text;

namespace BackendLint.Fixing;

/// <summary>How an item joins a Makefile prerequisite list the way the list is kept (the checks' <c>Edits.AddToList</c>).</summary>
public delegate TextEdit? ListInsertion(SourceText text, MakeTargetList list, string item, IReadOnlyList<string> order);

/// <summary>
/// What <c>backendlint add NAME --like EXISTING</c> writes and says: the edits that register NAME in
/// the Makefile, the build matrix and the gallery, what of EXISTING it did not copy and why, and what
/// is left to a human. <see cref="Refusal"/> is set instead when NAME cannot be added.
/// </summary>
public sealed record BackendAddition
{
    public required string Name { get; init; }

    public required string Like { get; init; }

    /// <summary>Why nothing can be added (a usage error), or null.</summary>
    public string? Refusal { get; init; }

    public IReadOnlyList<TextEdit> Edits { get; init; } = [];

    /// <summary>One line per file: what was added to it.</summary>
    public IReadOnlyList<string> Added { get; init; } = [];

    /// <summary>Pieces of EXISTING that NAME does not get, each with the reason.</summary>
    public IReadOnlyList<string> NotCopied { get; init; } = [];

    /// <summary>Pieces of EXISTING that NAME gets although EXISTING lacks them: what check asks of every backend.</summary>
    public IReadOnlyList<string> Completed { get; init; } = [];

    /// <summary>What a human does next: the source directory, a Dockerfile, the gallery prose.</summary>
    public IReadOnlyList<string> ByHand { get; init; } = [];

    /// <summary>The name of NAME's gallery meta, whose prose (description, urls, …) is EXISTING's until a human writes NAME's.</summary>
    public string? MetaName { get; init; }

    public static BackendAddition Refused(string name, string like, string why) => new() { Name = name, Like = like, Refusal = why };
}

/// <summary>
/// Plans <c>add</c>: NAME registered by analogy with EXISTING, as minimal insertions next to EXISTING's
/// own pieces, each a copy of EXISTING's text with NAME in every value that carries EXISTING's name
/// (<see cref="NameSubstitution"/>). Descriptive gallery text (description, urls, tags, license, icon)
/// is copied verbatim: it describes EXISTING's upstream project, and only a human can write NAME's.
/// What EXISTING has broken is not copied (a build no image uses, an image nothing builds); what
/// check requires of every backend and EXISTING lacks is written as check asks for it, so NAME
/// starts without EXISTING's findings.
/// </summary>
public static class BackendTemplate
{
    /// <summary>The longest backend name accepted; LocalAI's longest is 22 characters.</summary>
    public const int MaxNameLength = 64;

    /// <summary>
    /// Why a backend name is not valid, or null: LocalAI's names are lowercase letters and digits in
    /// words joined by single hyphens (<c>llama-cpp</c>, <c>qwen3-tts-cpp</c>), as the Makefile
    /// variable, the image tag, the directory and the gallery entry name all carry it.
    /// </summary>
    public static string? NameProblem(string name)
    {
        if (name.Length == 0)
            return "the backend name is empty";
        if (name.Length > MaxNameLength)
            return $"the backend name is longer than {MaxNameLength} characters";
        if (!name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            return $"'{name}' is not a backend name: use lowercase letters, digits and '-' (as in 'llama-cpp')";
        if (name[0] == '-' || name[^1] == '-' || name.Contains("--", StringComparison.Ordinal))
            return $"'{name}' is not a backend name: '-' joins words, it cannot start, end or repeat (as in 'llama-cpp')";
        if (name.EndsWith("-development", StringComparison.Ordinal))
            return $"'{name}' is not a backend name: '-development' names a backend's development build";
        return null;
    }

    /// <summary>The edits that add <paramref name="name"/> like <paramref name="like"/>, or a refusal.</summary>
    /// <param name="position">How a place is named in messages (<c>path:line:col</c> by default).</param>
    public static BackendAddition Plan(BackendModel model, string like, string name, ListInsertion addToList, Func<SourceSpan, string>? position = null)
    {
        position ??= span => span.ToPosition();
        if (NameProblem(name) is { } problem)
            return BackendAddition.Refused(name, like, problem);
        if (model.Find(like) is not { } existing)
            return BackendAddition.Refused(name, like, Unknown(model, like));
        if (name == like || model.Find(name) is not null || model.Gallery.HasEntryNamed(name))
            return BackendAddition.Refused(name, like, $"backend {Finding.Quote(name)} already exists ({Where(model, name, position)}): nothing to add");
        if (existing.Definitions.Count == 0 && existing.MatrixEntries.Count == 0 && existing.Metas.Count == 0 && existing.Images.Count == 0)
        {
            var target = existing.NotParallel.Concat(existing.Targets).Concat(existing.DockerBuildBackends).Select(t => t.Value).FirstOrDefault() ?? like;
            return BackendAddition.Refused(name, like, $"--like: {Finding.Quote(like)} is only named by the Makefile target {Finding.Quote(target)}: it has no definition, build or gallery entry to copy");
        }

        if (model.IsLeftoverDefinition(existing))
            return BackendAddition.Refused(name, like, $"--like: {Finding.Quote(like)} is left over from a removed backend [BL2005]: nothing builds, publishes or holds it; copy a backend that is built");
        return new BackendPlanner(model, existing, name, addToList, position).Plan();
    }

    private static string Unknown(BackendModel model, string like)
    {
        // The nearest names only: 'whispr' means 'whisper', not also 'whisperx'.
        var distances = model.Backends.Select(b => (Name: b.Name, Distance: EditDistance.Between(b.Name, like))).Where(n => n.Distance <= Math.Max(2, like.Length / 4)).ToList();
        var near = distances.Where(n => n.Distance == distances.Min(d => d.Distance)).Select(n => n.Name).Order(StringComparer.Ordinal).Take(3).ToList();
        return $"--like: no backend named {Finding.Quote(like)} in the Makefile, the build matrix or the gallery"
            + (near.Count == 0 ? "" : $"; did you mean {string.Join(" or ", near.Select(Finding.Quote))}?");
    }

    // Where a name is already registered: the first place that says so.
    private static string Where(BackendModel model, string name, Func<SourceSpan, string> position)
    {
        if (model.Find(name) is { } backend)
        {
            var at = backend.Definitions.Select(d => d.Name.Span)
                .Concat(backend.MatrixEntries.Select(e => e.Backend!.Value.Span))
                .Concat(backend.Metas.Concat(backend.Images).Select(e => e.Name?.Span ?? e.Span))
                .Concat(backend.NotParallel.Concat(backend.DockerBuildBackends).Concat(backend.Targets).Select(t => t.Span))
                .Concat(backend.PrepareTestExtra.Concat(backend.TestExtra).Select(s => s.Directory.Span))
                .Cast<SourceSpan?>().FirstOrDefault();
            if (at is { } span)
                return position(span);
        }

        return model.Gallery.EntryNamed(name) is { } entry ? position(entry.Name?.Span ?? entry.Span) : model.Gallery.File;
    }
}
