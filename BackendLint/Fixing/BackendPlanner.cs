using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Text;

namespace BackendLint.Fixing;

/// <summary>
/// One <c>add</c>: NAME's pieces planned file by file against EXISTING's (<see cref="BackendTemplate"/>).
/// The three parts are independent but for the tag suffixes: a build is copied only when a gallery
/// image uses its suffix, and an image only when a copied build produces its suffix.
/// </summary>
internal sealed partial class BackendPlanner
{
    private readonly BackendModel _model;
    private readonly Backend _like;
    private readonly string _name;
    private readonly ListInsertion _addToList;
    private readonly Func<SourceSpan, string> _position;
    private readonly NameSubstitution _names;
    private readonly List<TextEdit> _edits = [];
    private readonly List<string> _added = [];
    private readonly List<string> _notCopied = [];
    private readonly List<string> _completed = [];
    private readonly List<string> _byHand = [];
    private readonly List<string> _collisions = [];

    // Dockerfiles EXISTING is built with whose name carries its name: NAME gets its own (Dockerfile.ds4 → Dockerfile.ds42).
    private readonly SortedSet<string> _ownDockerfiles = new(StringComparer.Ordinal);

    public BackendPlanner(BackendModel model, Backend like, string name, ListInsertion addToList, Func<SourceSpan, string> position)
    {
        _position = position;
        _model = model;
        _like = like;
        _name = name;
        _addToList = addToList;
        _names = new NameSubstitution(like.Name, name, model.Backends.Select(b => b.Name).Where(n => n != like.Name));
    }

    private string Like => _like.Name;

    public BackendAddition Plan()
    {
        var copiedSuffixes = PlanMatrix();
        PlanMakefile();
        var metaName = PlanGallery(copiedSuffixes);
        PlanSource();
        if (_collisions.Count > 0)
        {
            return BackendAddition.Refused(_name, Like,
                $"adding {Finding.Quote(_name)} like {Finding.Quote(Like)} would write names that are taken: {string.Join("; ", _collisions.Distinct())}");
        }

        if (_edits.Count == 0)
            return BackendAddition.Refused(_name, Like, $"{Finding.Quote(Like)} has nothing to copy: no Makefile definition, build-matrix entry or gallery entry of it is written where 'add' can copy it");

        return new BackendAddition
        {
            Name = _name,
            Like = Like,
            Edits = _edits,
            Added = _added,
            NotCopied = _notCopied,
            Completed = _completed,
            ByHand = _byHand,
            MetaName = metaName,
        };
    }

    /// <summary>What a human does that <c>add</c> does not: the source directory, NAME's own Dockerfiles, what else names EXISTING.</summary>
    private void PlanSource()
    {
        var lang = SourceTree.Languages.FirstOrDefault(l => _model.Tree.Directory(l, Like) is not null)
            ?? _like.Definitions.Select(d => SourceTree.LanguageOf(d.DockerfileType.Value)).FirstOrDefault()
            ?? _like.MatrixEntries.Where(e => e.Platform == BuildPlatform.Linux && e.DockerfileType is not null).Select(e => SourceTree.LanguageOf(e.DockerfileType!)).FirstOrDefault();
        if (lang is not null)
        {
            var directory = _model.Tree.Directory(lang, Like);
            var files = directory is null ? "" : $" ({string.Join(", ", directory.Entries.Select(e => e.Kind == TreeEntryKind.Directory ? e.Name + "/" : e.Name))})";
            _byHand.Add(_model.Tree.Directory(lang, _name) is not null
                ? $"the source directory {Finding.Quote($"{SourceTree.Root}/{lang}/{_name}/")} is there already"
                : $"create {Finding.Quote($"{SourceTree.Root}/{lang}/{_name}/")} like {Finding.Quote($"{SourceTree.Root}/{lang}/{Like}/")}{files}: add writes no source code");
        }

        foreach (var dockerfile in _ownDockerfiles)
        {
            var own = _names.Apply(dockerfile);
            if (_model.Tree.HasFile("Dockerfile." + own))
                continue;
            _byHand.Add($"create {Finding.Quote($"{SourceTree.Root}/Dockerfile.{own}")} like {Finding.Quote($"{SourceTree.Root}/Dockerfile.{dockerfile}")}, which builds {Finding.Quote(Like)} alone");
            if (_model.ChangeFilter.Files.Count > 0 && _model.ChangeFilter.Knows(dockerfile))
                _byHand.Add($"add a branch for {Finding.Quote("Dockerfile." + own)} to the CI change filter ({string.Join(", ", _model.ChangeFilter.Files.Select(Finding.Quote))}) like the one for {Finding.Quote("Dockerfile." + dockerfile)}");
        }

        // What else in the change filter names EXISTING ('item.backend === "ds4"'): a human decides whether NAME needs the same.
        var mentions = _model.ChangeFilter.Literals.Where(l => _names.Carries(l.Value)).ToList();
        if (mentions.Count > 0)
            _byHand.Add($"the CI change filter names {Finding.Quote(Like)} at {string.Join(", ", mentions.Take(6).Select(m => _position(m.Span)))}{(mentions.Count > 6 ? ", …" : "")}: see whether {Finding.Quote(_name)} needs the same");
    }

    /// <summary>A copy of EXISTING's value with NAME in it, or the value itself.</summary>
    private string Rename(string value) => _names.Apply(value);

    /// <summary>
    /// Runs of consecutive items: the copies of a run are inserted together after its last item, so
    /// two legs of one image or a backend's block of images stay together, in EXISTING's order.
    /// </summary>
    private static List<List<T>> Runs<T>(IEnumerable<T> items, Func<T, T, bool> adjacent)
    {
        var runs = new List<List<T>>();
        foreach (var item in items)
        {
            if (runs.Count > 0 && adjacent(runs[^1][^1], item))
                runs[^1].Add(item);
            else
                runs.Add([item]);
        }

        return runs;
    }

    /// <summary>A section comment naming EXISTING directly above a run (<c>## whisperx</c>), renamed; else nothing.</summary>
    private string Header(SourceText text, int line) =>
        TextBlock.CommentAbove(text, line) is { } comment && TextBlock.CommentText(comment) == Like
            ? Rename(comment) + TextBlock.NewLine(text)
            : "";

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";
}
