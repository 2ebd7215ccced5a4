using BackendLint.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BackendLint.Parsing.Yaml;

/// <summary>The one place where YAML positions become <see cref="SourceSpan"/>s.</summary>
public static class YamlSpans
{
    public static SourceSpan Of(string file, Mark start, Mark end) =>
        new(file, checked((int)start.Line), checked((int)start.Column), checked((int)end.Line), checked((int)end.Column));

    /// <summary>
    /// The span of a scalar's value: inside the quotes of a one-line quoted scalar written without
    /// escapes, the whole token otherwise (plain scalars, block scalars, escapes, empty values).
    /// </summary>
    public static SourceSpan ValueOf(SourceFile source, Scalar scalar, SourceSpan token)
    {
        if (scalar.Style is not (ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted) || scalar.Value.Length == 0 || !token.IsSingleLine)
            return token;
        var start = checked((int)scalar.Start.Index);
        var end = checked((int)scalar.End.Index);
        // Skip a tag or anchor written before the quote.
        var quote = source.Text.IndexOf(scalar.Style == ScalarStyle.SingleQuoted ? '\'' : '"', start, end - start);
        if (quote < 0 || end - quote - 2 != scalar.Value.Length || string.CompareOrdinal(source.Text, quote + 1, scalar.Value, 0, scalar.Value.Length) != 0)
            return token;
        return source.Span(quote + 1, end - 1);
    }

    /// <summary>
    /// The span of <paramref name="length"/> characters of a scalar's value starting at
    /// <paramref name="valueOffset"/>: found in the scalar's own source text, so quotes and block
    /// indentation are accounted for. When escapes or folding make the value differ from the source,
    /// the whole scalar is the best exact answer.
    /// </summary>
    public static SourceSpan Within(SourceFile source, YamlScalar scalar, int valueOffset, int length)
    {
        var value = scalar.Value;
        var needle = value.Substring(valueOffset, length);
        if (needle.Length == 0)
            return scalar.Span;

        // Which occurrence of the needle in the value is meant, so the same one is taken in the source.
        var ordinal = 0;
        for (var i = value.IndexOf(needle, StringComparison.Ordinal); i >= 0 && i < valueOffset; i = value.IndexOf(needle, i + 1, StringComparison.Ordinal))
            ordinal++;

        var raw = source.Text.AsSpan(scalar.StartIndex, scalar.EndIndex - scalar.StartIndex);
        var found = -1;
        var from = 0;
        for (var n = 0; n <= ordinal; n++)
        {
            var next = raw[from..].IndexOf(needle.AsSpan(), StringComparison.Ordinal);
            if (next < 0)
                return scalar.Span;
            found = from + next;
            from = found + 1;
        }

        var start = scalar.StartIndex + found;
        return source.Span(start, start + needle.Length);
    }
}
