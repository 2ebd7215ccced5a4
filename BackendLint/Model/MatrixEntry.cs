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
    public MatrixEntry(string file, string list, BuildPlatform platform, SourceSpan span, IReadOnlyList<MatrixField> fields)
    {
        File = file;
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
    }

    public string File { get; }

    /// <summary><c>include</c> or <c>includeDarwin</c> in the data file, <c>jobs.&lt;job&gt;.strategy.matrix.include</c> inline.</summary>
    public string List { get; }

    public BuildPlatform Platform { get; }

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
public sealed record BuiltSuffix(Located<string> Suffix, string Origin, MatrixEntry? Entry);

/// <summary>Everything the build matrix sources say.</summary>
public sealed record BuildMatrix(IReadOnlyList<string> Files, IReadOnlyList<MatrixEntry> Entries, IReadOnlyList<BuiltSuffix> OtherSuffixes)
{
    public static BuildMatrix Empty { get; } = new([], [], []);

    /// <summary>Every literal suffix CI publishes: matrix entries first, in file order, then the other sources.</summary>
    public IEnumerable<BuiltSuffix> Builds =>
        Entries.Where(e => e.TagSuffix.HasValue).Select(e => new BuiltSuffix(e.TagSuffix.GetValueOrDefault(), e.List, e)).Concat(OtherSuffixes);

    public static bool IsExpression(string value) => value.Contains("${{", StringComparison.Ordinal);
}
