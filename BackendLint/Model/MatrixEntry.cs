using BackendLint.Text;

namespace BackendLint.Model;

/// <summary>One key of a matrix entry with its value as written (a non-scalar value keeps its span and empty text).</summary>
public readonly struct MatrixField
{
    private readonly string _file;
    private readonly MatrixFieldData _data;

    internal MatrixField(string file, MatrixFieldData data)
    {
        _file = file;
        _data = data;
    }

    public Located<string> Key => new(_data.Key, _data.KeyAt.In(_file));

    public Located<string> Value => new(_data.Value, _data.ValueAt.In(_file));
}

/// <summary>
/// How an entry stores a field: both texts and positions inline, the file once per entry. A
/// LocalAI-sized matrix has thousands of entries of a dozen keys each; two objects per key were
/// most of the matrix model's memory.
/// </summary>
internal readonly record struct MatrixFieldData(string Key, string Value, LinePositions KeyAt, LinePositions ValueAt);

/// <summary>A <see cref="SourceSpan"/> without its file.</summary>
internal readonly record struct LinePositions(int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static LinePositions Of(SourceSpan span) => new(span.StartLine, span.StartColumn, span.EndLine, span.EndColumn);

    public SourceSpan In(string file) => new(file, StartLine, StartColumn, EndLine, EndColumn);
}

/// <summary>
/// One build of the matrix: a mapping of <c>backend</c>, <c>tag-suffix</c>, <c>dockerfile</c>,
/// <c>context</c>, <c>platforms</c>, … that CI turns into one pushed image (or one leg of a multi-arch one).
/// </summary>
public sealed class MatrixEntry
{
    private readonly MatrixFieldData[] _fields;

    internal MatrixEntry(string file, string list, SourceSpan span, MatrixFieldData[] fields)
    {
        File = file;
        List = list;
        Span = span;
        _fields = fields;
    }

    public string File { get; }

    /// <summary><c>include</c> or <c>includeDarwin</c> in the data file, <c>jobs.&lt;job&gt;.strategy.matrix.include</c> inline.</summary>
    public string List { get; }

    public SourceSpan Span { get; }

    /// <summary>The keys in file order (made on request; lookups use <see cref="Get"/> and <see cref="Text"/>).</summary>
    public MatrixField[] Fields => Array.ConvertAll(_fields, f => new MatrixField(File, f));

    /// <summary>Built on macOS: the data file's <c>includeDarwin</c>, or an inline darwin job.</summary>
    public bool IsDarwin => List.Contains("darwin", StringComparison.OrdinalIgnoreCase);

    public Located<string>? Backend => Get("backend");

    public Located<string>? TagSuffix => Get("tag-suffix");

    public Located<string>? Context => Get("context");

    /// <summary>The text of a key's value, without allocating: what joins and lookups need.</summary>
    public string? Text(string key)
    {
        foreach (var field in _fields)
        {
            if (field.Key == key)
                return field.Value;
        }

        return null;
    }

    public Located<string>? Get(string key)
    {
        foreach (var field in _fields)
        {
            if (field.Key == key)
                return new Located<string>(field.Value, field.ValueAt.In(File));
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
    /// <summary>
    /// The suffixes CI publishes whose text <paramref name="keep"/> accepts, entries first, in file
    /// order; only those become objects with spans.
    /// </summary>
    public IEnumerable<BuiltSuffix> SuffixesWhere(Func<string, bool> keep)
    {
        foreach (var entry in Entries)
        {
            if (entry.Text("tag-suffix") is { } suffix && !IsExpression(suffix) && keep(suffix))
                yield return new BuiltSuffix(entry.TagSuffix!, entry.List, entry);
        }

        foreach (var other in OtherSuffixes)
        {
            if (keep(other.Suffix.Value))
                yield return other;
        }
    }

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
