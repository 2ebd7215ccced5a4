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

    public List<Located<string>> NotParallel { get; } = [];

    public List<Located<string>> DockerBuildBackends { get; } = [];

    public List<Located<string>> Targets { get; } = [];

    public List<MakeBackendStep> PrepareTestExtra { get; } = [];

    public List<MakeBackendStep> TestExtra { get; } = [];
}

/// <summary>The one model every check reads: the three sources, and their facts grouped by backend name.</summary>
public sealed class BackendModel
{
    public BackendModel(BuildMatrix matrix, GalleryIndex gallery, MakefileFacts makefile)
    {
        Matrix = matrix;
        Gallery = gallery;
        Makefile = makefile;
        Backends = Group(matrix, gallery, makefile);
    }

    public BuildMatrix Matrix { get; }

    public GalleryIndex Gallery { get; }

    public MakefileFacts Makefile { get; }

    /// <summary>Sorted by name (ordinal).</summary>
    public IReadOnlyList<Backend> Backends { get; }

    public Backend? Find(string name) => Backends.FirstOrDefault(b => b.Name == name);

    // Gallery images join the matrix by tag suffix, never by entry name: the image
    // "nvidia-l4t-arm64-faster-whisper" is tagged "latest-nvidia-l4t-faster-whisper".
    private static IReadOnlyList<Backend> Group(BuildMatrix matrix, GalleryIndex gallery, MakefileFacts makefile)
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

        var backendOfSuffix = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in matrix.Entries)
        {
            if (entry.Text("backend") is not { Length: > 0 } backend)
                continue;
            Of(backend).MatrixEntries.Add(entry);
            if (entry.Text("tag-suffix") is { } suffix)
                backendOfSuffix.TryAdd(suffix, backend);
        }

        var backendOfMeta = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var image in gallery.Images)
        {
            if (image.Image?.SuffixText is { } suffix && backendOfSuffix.TryGetValue(suffix, out var built) && image.MetaName is { } meta)
                backendOfMeta.TryAdd(meta, built);
        }

        foreach (var entry in gallery.Entries)
        {
            var name = entry.IsImage && entry.Image?.SuffixText is { } suffix && backendOfSuffix.TryGetValue(suffix, out var built) ? built
                : entry.MetaName is { } meta ? backendOfMeta.GetValueOrDefault(meta, meta)
                : entry.Name?.Text;
            if (name is null)
                continue;
            if (entry.IsImage)
                Of(name).Images.Add(entry);
            else
                Of(name).Metas.Add(entry);
        }

        AddMembers(makefile.NotParallel, "backends/", b => b.NotParallel);
        AddMembers(makefile.DockerBuildBackends, "docker-build-", b => b.DockerBuildBackends);
        foreach (var target in makefile.BackendTargets)
            Of(target.Value["backends/".Length..]).Targets.Add(target);
        foreach (var step in makefile.PrepareTestExtra?.Steps ?? [])
            Of(step.Name).PrepareTestExtra.Add(step);
        foreach (var step in makefile.TestExtra?.Steps ?? [])
            Of(step.Name).TestExtra.Add(step);

        return backends.Values.OrderBy(b => b.Name, StringComparer.Ordinal).ToList();

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
