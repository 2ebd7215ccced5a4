using BackendLint.Findings;
using BackendLint.Text;

namespace BackendLint.Fixing;

/// <summary>
/// Whole lines of a text, copied and inserted as they are written: each copied line keeps its own
/// line end (a CRLF file stays CRLF), and a new line gets the file's.
/// </summary>
internal static class TextBlock
{
    /// <summary>The file's line end: CRLF when its first line ends so, else LF.</summary>
    public static string NewLine(SourceText text) => text.NewLine;

    /// <summary>
    /// The offsets of the lines a span is written on: from the start of its first line to the end of
    /// the line holding its last character, line end included.
    /// </summary>
    public static (int Start, int End) Lines(SourceText text, SourceSpan span)
    {
        var start = text.OffsetOf(span.StartLine, 1);
        var end = text.OffsetOf(span.EndLine, span.EndColumn);
        var last = end > start ? text.PositionOf(end - 1).Line : span.StartLine;
        return (start, LineEnd(text, last));
    }

    /// <summary>The offset after a 1-based line's line end (the text's length for the last line).</summary>
    public static int LineEnd(SourceText text, int line) => text.LineEnd(line);

    /// <summary>A 1-based line without its line end.</summary>
    public static string Line(SourceText text, int line) => text.Line(line);

    /// <summary>
    /// The text between two offsets with some spans in it replaced (spans outside the range are
    /// ignored), ending with a line end: the file's when the range has none.
    /// </summary>
    public static string Copy(SourceText text, int start, int end, IEnumerable<(SourceSpan Span, string Text)> replacements)
    {
        var builder = new System.Text.StringBuilder(end - start + 64);
        var position = start;
        foreach (var (from, to, replacement) in replacements
            .Select(r => (From: text.OffsetOf(r.Span.StartLine, r.Span.StartColumn), To: text.OffsetOf(r.Span.EndLine, r.Span.EndColumn), r.Text))
            .Where(r => start <= r.From && r.To <= end && r.From >= 0)
            .OrderBy(r => r.From))
        {
            if (from < position)
                continue; // two replacements of one place: the first wins
            builder.Append(text.Text, position, from - position).Append(replacement);
            position = to;
        }

        builder.Append(text.Text, position, end - position);
        return EndsWithLineEnd(builder) ? builder.ToString() : builder.Append(NewLine(text)).ToString();
    }

    /// <summary>Inserts whole lines (each ending with its line end) at the start of a line, or after the last line.</summary>
    public static TextEdit Insert(SourceText text, int offset, string lines)
    {
        // After a last line without a line end, the new lines start with one and end without.
        if (offset == text.Text.Length && text.Text.Length > 0 && text.Text[^1] is not ('\n' or '\r'))
        {
            var newLine = NewLine(text);
            var body = lines.EndsWith("\r\n", StringComparison.Ordinal) ? lines[..^2] : lines.TrimEnd('\n', '\r');
            return new TextEdit(text.Span(offset, offset), newLine + body);
        }

        return new TextEdit(text.Span(offset, offset), lines);
    }

    /// <summary>The comment line directly above a line, if it is one: <c>## whisperx</c> above a backend's images.</summary>
    public static string? CommentAbove(SourceText text, int line)
    {
        if (line <= 1)
            return null;
        var above = Line(text, line - 1);
        return above.TrimStart().StartsWith('#') ? above : null;
    }

    /// <summary>The text of a comment line after its '#' signs and spaces.</summary>
    public static string CommentText(string line) => line.TrimStart().TrimStart('#').Trim();

    private static bool EndsWithLineEnd(System.Text.StringBuilder builder) => builder.Length > 0 && builder[^1] is '\n' or '\r';
}
