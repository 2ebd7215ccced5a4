using BackendLint.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BackendLint.Parsing.Yaml;

/// <summary>The one place where YAML positions become <see cref="SourceSpan"/>s.</summary>
public static class YamlSpans
{
    public static SourceSpan Of(string file, Mark start, Mark end) =>
        new(file, checked((int)start.Line), checked((int)start.Column), checked((int)end.Line), checked((int)end.Column));

    /// <summary>A flow collection's span: YamlDotNet ends it where its closing bracket starts; the bracket is part of it.</summary>
    public static SourceSpan Flow(SourceText source, Mark start, Mark end)
    {
        var at = (int)Math.Min(end.Index, source.Text.Length);
        return at < source.Text.Length && source.Text[at] is ']' or '}'
            ? source.Span(source.OffsetOf(checked((int)start.Line), checked((int)start.Column)), at + 1)
            : Of(source.Path, start, end);
    }

    /// <summary>The span of a node's <c>&amp;anchor</c>, when the node starts with it (YamlDotNet starts a node at its properties).</summary>
    public static SourceSpan? AnchorOf(SourceText source, YamlNode node)
    {
        if (node.Anchor is not { } anchor)
            return null;
        var start = source.OffsetOf(node.Span.StartLine, node.Span.StartColumn);
        var rest = source.Text.AsSpan(start);
        return rest.Length > anchor.Length && rest[0] == '&' && rest[1..].StartsWith(anchor, StringComparison.Ordinal)
            ? source.Span(start, start + 1 + anchor.Length)
            : null;
    }

    /// <summary>
    /// The whole lines an item of a block sequence is written on: from column 1 of the line of its
    /// <c>-</c> to the end of its last line, the line end excluded. An item that ends with a line
    /// break (a block scalar, and the blank lines it swallowed) ends on its last line with text. Null
    /// when anything but blanks and the <c>-</c> precedes it on its first line, or anything but
    /// blanks and a comment follows it on its last: a flow sequence, or another item sharing the line.
    /// </summary>
    public static SourceSpan? ItemLines(SourceText source, YamlNode item)
    {
        var text = source.Text;
        var start = source.OffsetOf(item.Span.StartLine, 1);
        var at = source.OffsetOf(item.Span.StartLine, item.Span.StartColumn);
        if (!text.AsSpan(start, at - start).Trim(' ').SequenceEqual("-"))
            return null;

        var end = Math.Min(source.OffsetOf(item.Span.EndLine, item.Span.EndColumn), text.Length);
        if (end > at && text[end - 1] is '\n' or '\r')
        {
            while (end > at && char.IsWhiteSpace(text[end - 1]))
                end--;
        }

        var lineEnd = text.AsSpan(end).IndexOfAny('\n', '\r') is var n and >= 0 ? end + n : text.Length;
        var rest = text.AsSpan(end, lineEnd - end).TrimStart(" \t");
        if (!rest.IsEmpty && (rest[0] != '#' || rest.Length == lineEnd - end))
            return null;
        return source.Span(start, lineEnd);
    }

    /// <summary>
    /// The span of a scalar's value: inside the quotes of a one-line quoted scalar written without
    /// escapes, the whole token otherwise (plain scalars, block scalars, escapes, empty values).
    /// </summary>
    public static SourceSpan ValueSpan(SourceText source, Scalar scalar, SourceSpan token)
    {
        if (scalar.Style is not (ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted) || scalar.Value.Length == 0 || !token.IsSingleLine)
            return token;
        var start = checked((int)scalar.Start.Index);
        var end = checked((int)scalar.End.Index);
        if (end > source.Text.Length)
            return token;
        // An anchor or tag may be written before the quote: the value is what follows it.
        var raw = source.Text.AsSpan(start, end - start);
        var quote = raw.IndexOf(scalar.Style == ScalarStyle.SingleQuoted ? '\'' : '"');
        if (quote < 0 || raw.Length - quote - 2 != scalar.Value.Length || !raw.Slice(quote + 1, scalar.Value.Length).SequenceEqual(scalar.Value))
            return token;
        return token with { StartColumn = token.StartColumn + quote + 1, EndColumn = token.EndColumn - 1 };
    }

    /// <summary>
    /// The span of <paramref name="length"/> characters of a scalar's value starting at
    /// <paramref name="valueOffset"/>: found in the scalar's own source text, so quotes and block
    /// indentation are accounted for. When escapes or folding make the value differ from the source,
    /// the whole scalar is the best exact answer.
    /// </summary>
    public static SourceSpan Within(SourceText source, YamlScalar scalar, int valueOffset, int length)
    {
        var value = scalar.Value;
        if (length == 0)
            return scalar.Span;

        // A one-line token that is its value, or its value in quotes: plain arithmetic.
        var tokenLength = scalar.EndIndex - scalar.StartIndex;
        var quotes = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
        if (scalar.Span.IsSingleLine && (scalar.Style is ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
            && tokenLength == value.Length + 2 * quotes)
        {
            var column = scalar.Span.StartColumn + quotes + valueOffset;
            return scalar.Span with { StartColumn = column, EndLine = scalar.Span.StartLine, EndColumn = column + length };
        }

        var needle = value.Substring(valueOffset, length);

        // Which occurrence of the needle in the value is meant, so the same one is taken in the source.
        var ordinal = 0;
        for (var i = value.IndexOf(needle, StringComparison.Ordinal); i >= 0 && i < valueOffset; i = value.IndexOf(needle, i + 1, StringComparison.Ordinal))
            ordinal++;

        var raw = source.Text[scalar.StartIndex..scalar.EndIndex];
        var found = -1;
        var from = 0;
        for (var n = 0; n <= ordinal; n++)
        {
            var next = raw.AsSpan(from).IndexOf(needle.AsSpan(), StringComparison.Ordinal);
            if (next < 0)
                return scalar.Span;
            found = from + next;
            from = found + 1;
        }

        var (startLine, startColumn) = Advance(scalar.Span.StartLine, scalar.Span.StartColumn, raw, 0, found);
        var (endLine, endColumn) = Advance(startLine, startColumn, raw, found, found + needle.Length);
        return new SourceSpan(scalar.Span.File, startLine, startColumn, endLine, endColumn);
    }

    // The position after raw[from..to], starting at (line, column); every kind of line break counts once.
    private static (int Line, int Column) Advance(int line, int column, string raw, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var c = raw[i];
            if (c == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n')
                continue; // the '\n' ends this line
            if (c is '\n' or '\r')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }
}
