using BackendLint.Text;

namespace BackendLint.Model;

/// <summary>
/// One key of a matrix entry with its value as written (a non-scalar value keeps its span and empty
/// text). A value type stored inline in its entry's array: a LocalAI-sized matrix has thousands of
/// entries of a dozen keys each, and two objects per key were most of the matrix model's memory.
/// </summary>
public readonly struct MatrixField(string key, SourceSpan keySpan, string value, SourceSpan valueSpan)
{
    public Located<string> Key => new(key, keySpan);

    public Located<string> Value => new(value, valueSpan);

    public string KeyText => key;

    public string ValueText => value;
}

/// <summary>
/// One build of the matrix: a mapping of <c>backend</c>, <c>tag-suffix</c>, <c>dockerfile</c>,
/// <c>context</c>, <c>platforms</c>, … that CI turns into one pushed image (or one leg of a multi-arch one).
/// </summary>
public sealed class MatrixEntry
{
    public required string File { get; init; }

    /// <summary><c>include</c> or <c>includeDarwin</c> in the data file, <c>jobs.&lt;job&gt;.strategy.matrix.include</c> inline.</summary>
    public required string List { get; init; }

    public required SourceSpan Span { get; init; }

    public required MatrixField[] Fields { get; init; }

    /// <summary>Built on macOS: the data file's <c>includeDarwin</c>, or an inline darwin job.</summary>
    public bool IsDarwin => List.Contains("darwin", StringComparison.OrdinalIgnoreCase);

    public Located<string>? Backend => Get("backend");

    public Located<string>? TagSuffix => Get("tag-suffix");

    public Located<string>? Context => Get("context");

    /// <summary>The text of a key's value, without allocating: what joins and lookups need.</summary>
    public string? Text(string key)
    {
        foreach (var field in Fields)
        {
            if (field.KeyText == key)
                return field.ValueText;
        }

        return null;
    }

    public Located<string>? Get(string key)
    {
        foreach (var field in Fields)
        {
            if (field.KeyText == key)
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
    /// <summary>Every suffix CI publishes, entries first, in file order.</summary>
    public IEnumerable<BuiltSuffix> Suffixes =>
        Entries.Where(e => e.Text("tag-suffix") is { } suffix && !IsExpression(suffix))
            .Select(e => new BuiltSuffix(e.TagSuffix!, e.List, e))
            .Concat(OtherSuffixes);

    /// <summary>The text of every suffix CI publishes, for lookups.</summary>
    public IEnumerable<string> SuffixTexts
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Text("tag-suffix") is { } suffix && !IsExpression(suffix))
                    yield return suffix;
            }

            foreach (var other in OtherSuffixes)
                yield return other.Suffix.Value;
        }
    }

    public static bool IsExpression(string value) => value.Contains("${{", StringComparison.Ordinal);
}
