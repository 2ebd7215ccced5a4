using BackendLint.Text;

namespace BackendLint.Model;

/// <summary>Where a build runs: LocalAI builds Linux images in Docker and macOS ones natively.</summary>
public enum BuildPlatform
{
    Linux,
    Darwin,
}

/// <summary>One key of a matrix entry with its value as written (a non-scalar value keeps its span and empty text).</summary>
public readonly record struct MatrixField(Located<string> Key, Located<string> Value);

/// <summary>
/// One build of the matrix: a mapping of <c>backend</c>, <c>tag-suffix</c>, <c>dockerfile</c>,
/// <c>context</c>, <c>platforms</c>, … that CI turns into one pushed image (or one leg of a multi-arch one).
/// </summary>
public sealed class MatrixEntry
{
    public MatrixEntry(string file, string list, BuildPlatform platform, SourceSpan span, IReadOnlyList<MatrixField> fields, string? job = null)
    {
        File = file;
        Job = job;
        List = list;
        Platform = platform;
        Span = span;
        Fields = fields;
        Backend = Get("backend");
        var suffix = Get("tag-suffix");
        // ${{ … }} is decided when CI runs: no literal suffix to join on.
        TagSuffix = suffix is { } literal && !BuildMatrix.IsExpression(literal.Value) ? literal : null;
        Dockerfile = Get("dockerfile");
        Context = Get("context");
        Platforms = Get("platforms");
        PlatformTag = Get("platform-tag");
        BuildType = Get("build-type");
        BaseImage = Get("base-image");
        RunsOn = Get("runs-on");
        CudaMajorVersion = Get("cuda-major-version");
    }

    public string File { get; }

    /// <summary><c>include</c> or <c>includeDarwin</c> in the data file, <c>jobs.&lt;job&gt;.strategy.matrix.include</c> inline.</summary>
    public string List { get; }

    public BuildPlatform Platform { get; }

    /// <summary>The workflow job of an inline matrix; null in the data file.</summary>
    public string? Job { get; }

    public SourceSpan Span { get; }

    /// <summary>Every key in file order.</summary>
    public IReadOnlyList<MatrixField> Fields { get; }

    public Located<string>? Backend { get; }

    /// <summary>The literal tag suffix; null when absent or written as an expression.</summary>
    public Located<string>? TagSuffix { get; }

    public Located<string>? Dockerfile { get; }

    public Located<string>? Context { get; }

    /// <summary>Docker platforms, such as <c>linux/amd64</c> or <c>linux/arm64</c>.</summary>
    public Located<string>? Platforms { get; }

    /// <summary>The leg of a multi-architecture image (<c>amd64</c>, <c>arm64</c>) merged into one manifest.</summary>
    public Located<string>? PlatformTag { get; }

    public Located<string>? BuildType { get; }

    public Located<string>? BaseImage { get; }

    public Located<string>? RunsOn { get; }

    /// <summary><c>cuda-major-version</c>: <c>"12"</c>, <c>"13"</c>, or empty for builds without CUDA.</summary>
    public Located<string>? CudaMajorVersion { get; }

    /// <summary>The kind of Dockerfile, the part after <c>Dockerfile.</c> (<c>python</c> for <c>./backend/Dockerfile.python</c>); null when there is none.</summary>
    public string? DockerfileType
    {
        get
        {
            if (Dockerfile is not { } dockerfile || BuildMatrix.IsExpression(dockerfile.Value))
                return null;
            var name = dockerfile.Value.Trim();
            name = name[(name.LastIndexOf('/') + 1)..];
            return name.StartsWith("Dockerfile.", StringComparison.Ordinal) && name.Length > "Dockerfile.".Length ? name["Dockerfile.".Length..] : null;
        }
    }

    /// <summary>What the literal tag suffix says about the platform; null without one.</summary>
    public TagPlatform? TagPlatform => TagSuffix is { } suffix ? Model.TagPlatform.Of(suffix.Value) : null;

    /// <summary>Whether <c>platforms:</c> is exactly <c>linux/arm64</c>; null when absent or an expression.</summary>
    public bool? BuildsOnlyArm64 =>
        Platforms is { } platforms && !BuildMatrix.IsExpression(platforms.Value) ? platforms.Value.Trim() == Model.TagPlatform.Arm64Platform : null;

    public Located<string>? Get(string key)
    {
        foreach (var field in Fields)
        {
            if (field.Key.Value == key)
                return field.Value;
        }

        return null;
    }
}

/// <summary>
/// A tag suffix CI publishes: a matrix entry's <c>tag-suffix</c>, or in older trees a literal
/// <c>with: tag-suffix:</c> of a job calling a reusable workflow, or a literal <c>suffix=</c>
/// in a <c>docker/metadata-action</c> <c>flavor:</c> block.
/// </summary>
public sealed record BuiltSuffix(Located<string> Suffix, string Origin, MatrixEntry? Entry, string? Job = null)
{
    /// <summary>Whether two builds push one image: legs of a multi-architecture set (each with a
    /// <c>platform-tag</c>, distinct <c>platforms</c>) merged into one manifest, or one publishing
    /// job named twice (a reusable workflow's <c>with:</c> and its metadata step).</summary>
    public bool IsPartOfOneImageWith(BuiltSuffix other)
    {
        if (Entry is { } entry && other.Entry is { } otherEntry)
        {
            return entry.PlatformTag is not null && otherEntry.PlatformTag is not null
                && entry.Platforms is { } platforms && otherEntry.Platforms is { } otherPlatforms
                && platforms.Value.Trim() != otherPlatforms.Value.Trim();
        }

        // At least one is a job's literal suffix: the same job publishes one image however often it names it.
        return Job is not null && Job == other.Job;
    }
}

/// <summary>Everything the build matrix sources say.</summary>
public sealed record BuildMatrix(IReadOnlyList<string> Files, IReadOnlyList<MatrixEntry> Entries, IReadOnlyList<BuiltSuffix> OtherSuffixes)
{
    public static BuildMatrix Empty { get; } = new([], [], []);

    /// <summary>Every literal suffix CI publishes: matrix entries first, in file order, then the other sources.</summary>
    public IEnumerable<BuiltSuffix> Builds =>
        Entries.Where(e => e.TagSuffix.HasValue).Select(e => new BuiltSuffix(e.TagSuffix.GetValueOrDefault(), e.List, e, e.Job)).Concat(OtherSuffixes);

    public static bool IsExpression(string value) => value.Contains("${{", StringComparison.Ordinal);
}
