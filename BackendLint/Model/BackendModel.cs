using BackendLint.Text;

namespace BackendLint.Model;

/// <summary>
/// Everything the three hand-kept files say about one backend name; a piece missing here is
/// what a contributor forgot (an image nobody can install, a tag nobody builds).
/// </summary>
public sealed class Backend(string name)
{
    public string Name { get; } = name;

    public List<MakeBackend> Definitions { get; } = [];

    public List<MakeEval> Evals { get; } = [];

    public List<MatrixEntry> MatrixEntries { get; } = [];

    public List<GalleryEntry> Metas { get; } = [];

    public List<GalleryEntry> Images { get; } = [];

    /// <summary>Its <c>backends/&lt;name&gt;</c> items of <c>.NOTPARALLEL:</c>.</summary>
    public List<Located<string>> NotParallel { get; } = [];

    /// <summary>Its <c>docker-build-&lt;name&gt;</c> items of <c>docker-build-backends:</c>.</summary>
    public List<Located<string>> DockerBuildBackends { get; } = [];

    /// <summary>Its explicit <c>backends/&lt;name&gt;:</c> rules.</summary>
    public List<Located<string>> Targets { get; } = [];

    public List<MakeBackendStep> PrepareTestExtra { get; } = [];

    public List<MakeBackendStep> TestExtra { get; } = [];

    /// <summary>
    /// Whether <c>make backends/&lt;name&gt;</c> exists, and the token that makes it: the definition's
    /// name under the <c>backends/%</c> pattern rule, else an explicit rule.
    /// </summary>
    public Located<string>? BackendTarget(MakefileFacts makefile) =>
        makefile.BackendPatternRule is not null && Definitions.Count > 0 ? Definitions[0].Name
        : Targets.Count > 0 ? Targets[0]
        : null;
}

/// <summary>
/// One tag suffix on the backends repositories, joined across the sources: the builds that push it
/// and the gallery images that name it. Builds and images join only here, and only by suffix.
/// </summary>
public sealed class TagSuffix(string text)
{
    public string Text { get; } = text;

    /// <summary>Every literal source that publishes it: matrix entries in file order, then other publishing steps.
    /// Several entries with distinct <c>platforms</c> are the legs of one multi-architecture image.</summary>
    public List<BuiltSuffix> Builds { get; } = [];

    /// <summary>Gallery entries whose <c>uri</c> names it, in file order.</summary>
    public List<GalleryEntry> Images { get; } = [];

    /// <summary>Gallery entries whose <c>uri</c> or one of whose mirrors names it, in file order.</summary>
    public List<GalleryEntry> Uses { get; } = [];

    public bool IsBuilt => Builds.Count > 0;
}

/// <summary>
/// The one model every check reads: the sources as read (text and comments), the facts of each,
/// and those facts joined by backend name and by tag suffix. A source that could not be read is
/// empty here and absent from <see cref="Inputs"/>.
/// </summary>
public sealed class BackendModel
{
    private readonly Dictionary<string, SourceFile> _sources;
    private readonly Dictionary<string, Backend> _backends;

    public BackendModel(BuildMatrix matrix, GalleryIndex gallery, MakefileFacts makefile, IEnumerable<SourceFile> sources, ModelInputs inputs,
        SourceTree? tree = null, ChangeFilter? changeFilter = null, IReadOnlyDictionary<ModelInputs, string>? absent = null)
    {
        Matrix = matrix;
        Tree = tree ?? SourceTree.Empty;
        ChangeFilter = changeFilter ?? ChangeFilter.Empty;
        Absent = absent ?? new Dictionary<ModelInputs, string>();
        Gallery = gallery;
        Makefile = makefile;
        Inputs = inputs;
        _sources = sources.ToDictionary(s => s.Path, StringComparer.Ordinal);
        TagSuffixes = JoinSuffixes(matrix, gallery);
        _backends = Group(matrix, gallery, makefile, TagSuffixes);
        Backends = _backends.Values.OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
    }

    public BuildMatrix Matrix { get; }

    public GalleryIndex Gallery { get; }

    public MakefileFacts Makefile { get; }

    /// <summary>The backend source tree, by name; empty unless <see cref="Inputs"/> has <see cref="ModelInputs.Tree"/>.</summary>
    public SourceTree Tree { get; }

    /// <summary>The CI change filter's string literals; empty unless <see cref="Inputs"/> has <see cref="ModelInputs.ChangeFilter"/>.</summary>
    public ChangeFilter ChangeFilter { get; }

    /// <summary>Inputs a repository may legitimately lack (an older tree has no change filter), with why they were not read; no error.</summary>
    public IReadOnlyDictionary<ModelInputs, string> Absent { get; }

    /// <summary>The sources that were read; checks needing another did not run.</summary>
    public ModelInputs Inputs { get; }

    /// <summary>Every file read, in the order read.</summary>
    public IEnumerable<SourceFile> Sources => _sources.Values;

    /// <summary>Sorted by name (ordinal).</summary>
    public IReadOnlyList<Backend> Backends { get; }

    /// <summary>Every literal suffix that is built or used by a gallery image on the backends repositories, builds first in file order.</summary>
    public IReadOnlyDictionary<string, TagSuffix> TagSuffixes { get; }

    public Backend? Find(string name) => _backends.GetValueOrDefault(name);

    /// <summary>
    /// Whether a <c>BACKEND_*</c> definition is all that is left of a removed backend: no build of
    /// any platform and no gallery entry mention it, so <c>make docker-build-&lt;name&gt;</c> builds an
    /// image nobody publishes or installs, and no <c>backend/&lt;lang&gt;/&lt;name&gt;/</c> directory of any
    /// language holds its source (a backend whose source is there may be on its way into CI, as
    /// cloud-proxy was from 6a80e2373, 2026-05-25, to b9d6d49e3, 2026-07-16). False unless the matrix and the gallery both
    /// list something and the source tree was read: an empty source (or one that could not be read,
    /// which is empty) says nothing about which backends exist.
    /// </summary>
    public bool IsLeftoverDefinition(Backend backend) =>
        backend.Definitions.Count > 0
        && Matrix.Entries.Count > 0 && Gallery.Entries.Count > 0 && Inputs.HasFlag(ModelInputs.Tree)
        && backend.MatrixEntries.Count == 0
        && backend.Metas.Count == 0 && backend.Images.Count == 0
        && !SourceTree.Languages.Any(lang => Tree.Directory(lang, backend.Name) is not null);

    public SourceFile? Source(string path) => _sources.GetValueOrDefault(path);

    /// <summary>The text a span covers, exactly as written; no I/O.</summary>
    public string TextOf(SourceSpan span) =>
        (Source(span.File) ?? throw new ArgumentException($"{span.File} was not read", nameof(span))).Text.Slice(span);

    private static Dictionary<string, TagSuffix> JoinSuffixes(BuildMatrix matrix, GalleryIndex gallery)
    {
        var suffixes = new Dictionary<string, TagSuffix>(StringComparer.Ordinal);
        TagSuffix Of(string text) => suffixes.TryGetValue(text, out var s) ? s : suffixes[text] = new TagSuffix(text);

        foreach (var built in matrix.Builds)
            Of(built.Suffix.Value).Builds.Add(built);

        foreach (var entry in gallery.Images)
        {
            if (entry.Image is { IsBuiltByMatrix: true, TagSuffix: { } own })
                Of(own.Value).Images.Add(entry);

            // Mirrors count as uses; an entry is one use of a suffix however often it names it.
            for (var i = -1; i < entry.Mirrors.Count; i++)
            {
                var reference = i < 0 ? entry.Image! : entry.Mirrors[i].Image;
                if (!reference.IsBuiltByMatrix || reference.TagSuffix is not { } written)
                    continue;
                var suffix = Of(written.Value);
                if (suffix.Uses.Count == 0 || suffix.Uses[^1] != entry)
                    suffix.Uses.Add(entry);
            }
        }

        return suffixes;
    }

    // Gallery images join the matrix by tag suffix, never by entry name: the image
    // "nvidia-l4t-arm64-faster-whisper" is tagged "latest-nvidia-l4t-faster-whisper".
    private static Dictionary<string, Backend> Group(BuildMatrix matrix, GalleryIndex gallery, MakefileFacts makefile, IReadOnlyDictionary<string, TagSuffix> suffixes)
    {
        var backends = new Dictionary<string, Backend>(StringComparer.Ordinal);
        Backend Of(string name) => backends.TryGetValue(name, out var b) ? b : backends[name] = new Backend(name);

        var definitionByVariable = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in makefile.Definitions)
        {
            Of(definition.Name.Value).Definitions.Add(definition);
            definitionByVariable.TryAdd(definition.Variable.Value, definition.Name.Value);
        }

        foreach (var eval in makefile.Evals)
        {
            if (definitionByVariable.TryGetValue(eval.Variable.Value, out var name))
                Of(name).Evals.Add(eval);
        }

        foreach (var entry in matrix.Entries)
        {
            if (entry.Backend is { Value.Length: > 0 } backend)
                Of(backend.Value).MatrixEntries.Add(entry);
        }

        // The backend of a suffix is the first matrix entry that builds it; a meta belongs to the
        // backend of its first image that is built.
        string? BackendOf(GalleryEntry image) =>
            image.Image?.TagSuffix is { } suffix && suffixes.TryGetValue(suffix.Value, out var s)
                ? s.Builds.Select(b => b.Entry?.Backend).FirstOrDefault(b => b is { Value.Length: > 0 })?.Value
                : null;

        var backendOfMeta = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var image in gallery.Images)
        {
            if (image.MetaName is { } meta && BackendOf(image) is { } built)
                backendOfMeta.TryAdd(meta, built);
        }

        foreach (var entry in gallery.Entries)
        {
            var name = (entry.IsImage ? BackendOf(entry) : null)
                ?? (entry.MetaName is { } meta ? backendOfMeta.GetValueOrDefault(meta, meta) : entry.Name?.Text);
            if (name is null)
                continue;
            if (entry.IsImage)
                Of(name).Images.Add(entry);
            else
                Of(name).Metas.Add(entry);
        }

        AddMembers(makefile.NotParallel, MakefileFacts.BackendTargetPrefix, b => b.NotParallel);
        AddMembers(makefile.DockerBuildBackends, MakefileFacts.DockerBuildPrefix, b => b.DockerBuildBackends);
        foreach (var target in makefile.BackendTargets)
            Of(target.Value[MakefileFacts.BackendTargetPrefix.Length..]).Targets.Add(target);
        foreach (var step in makefile.PrepareTestExtra?.Steps ?? [])
            Of(step.Name).PrepareTestExtra.Add(step);
        foreach (var step in makefile.TestExtra?.Steps ?? [])
            Of(step.Name).TestExtra.Add(step);

        return backends;

        void AddMembers(MakeTargetList? list, string prefix, Func<Backend, List<Located<string>>> members)
        {
            foreach (var item in list?.Prerequisites ?? [])
            {
                if (item.Value.StartsWith(prefix, StringComparison.Ordinal) && item.Value.Length > prefix.Length)
                    members(Of(item.Value[prefix.Length..])).Add(item);
            }
        }
    }
}
