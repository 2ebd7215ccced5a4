using System.Globalization;
using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Text;

namespace BackendLint.Checks;

/// <summary>
/// Text edits on YAML, written the way the file already is: a value replaced inside its own quotes,
/// whole lines copied with some values replaced, lines inserted and deleted whole with the file's
/// line ends. A helper that cannot be exact returns null, and then no fix is offered.
/// </summary>
internal static class YamlEdits
{
    // YAML 1.1 and 1.2 read these plain scalars as booleans or null, not as the string written.
    private static readonly HashSet<string> NotStrings = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null",
    };

    /// <summary>
    /// Whether a value reads as the same string in every scalar style, plain in a block or a flow
    /// collection, single- or double-quoted: letters, digits and <c>- . _ / @ +</c>, starting with a
    /// letter or digit, and neither a number nor a boolean. Entry names and image references are.
    /// </summary>
    public static bool IsPlainName(string value) =>
        value.Length > 0
        && char.IsAsciiLetterOrDigit(value[0])
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '/' or '@' or '+')
        && value.Any(char.IsAsciiLetter)
        && !NotStrings.Contains(value)
        && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        && !value.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        && !value.StartsWith("0o", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Replaces a scalar's value and keeps its quotes: only when the value's span covers exactly the
    /// value as written (no escapes, one line) and the new value reads the same in any style.
    /// </summary>
    public static TextEdit? ReplaceValue(SourceFile file, Located<string> value, string newValue) =>
        IsExactly(file, value.Span, value.Value) && IsPlainName(newValue) ? new TextEdit(value.Span, newValue) : null;

    /// <summary>Whether a span of the file covers exactly <paramref name="text"/> (a name, a tag: one line, no escapes).</summary>
    public static bool IsExactly(SourceFile file, SourceSpan span, string text) => file.Text.Slice(span) == text;

    /// <summary>
    /// Lines <paramref name="first"/> to <paramref name="last"/> as written, with each replacement
    /// applied, and without comments: a comment speaks of the lines it sits at, and a copy is new
    /// lines nobody has commented on (it could name a tag or a channel the copy no longer has). A
    /// line that held only a comment is left out. Null when a replacement does not cover exactly its
    /// old text, on one of those lines, or two overlap.
    /// </summary>
    public static List<string>? CopyLines(SourceFile file, int first, int last, IReadOnlyList<(SourceSpan Span, string Old, string New)> replacements)
    {
        var text = file.Text;
        var lines = new List<string>();
        var edits = replacements.OrderBy(r => r.Span.StartColumn).ToList();
        if (edits.Exists(e => e.Span.StartLine < first || e.Span.StartLine > last || !IsExactly(file, e.Span, e.Old)))
            return null;
        var comments = file.Comments.Where(c => c.Span.StartLine >= first && c.Span.StartLine <= last).ToDictionary(c => c.Span.StartLine);

        for (var line = first; line <= last; line++)
        {
            var start = text.OffsetOf(line, 1);
            var end = comments.TryGetValue(line, out var comment) ? text.OffsetOf(comment.Span.StartLine, comment.Span.StartColumn) : LineEnd(text, line);
            var builder = new System.Text.StringBuilder();
            var at = start;
            foreach (var edit in edits.Where(e => e.Span.StartLine == line))
            {
                var from = text.OffsetOf(edit.Span.StartLine, edit.Span.StartColumn);
                if (from < at || from >= end)
                    return null;
                builder.Append(text.Text, at, from - at).Append(edit.New);
                at = text.OffsetOf(edit.Span.EndLine, edit.Span.EndColumn);
            }

            builder.Append(text.Text, at, end - at);
            var copied = comment is null ? builder.ToString() : builder.ToString().TrimEnd(' ', '\t');
            if (comment is null || copied.Trim().Length > 0)
                lines.Add(copied);
        }

        return lines;
    }

    /// <summary>
    /// Inserts whole lines after line <paramref name="line"/>: at the end of its text, each new line
    /// starting with the file's line end. An insertion before the next line stays apart from this one.
    /// </summary>
    public static TextEdit InsertAfter(SourceText text, int line, IEnumerable<string> lines)
    {
        var nl = Edits.NewLine(text);
        return new TextEdit(Edits.Point(text, LineEnd(text, line)), string.Concat(lines.Select(l => nl + l)));
    }

    /// <summary>
    /// Appends whole lines to the entry whose last line is <paramref name="line"/>: written as a
    /// replacement of that line's last character by itself and the lines, so that an entry inserted
    /// after it in the same run (<see cref="InsertAfter"/>, at the same place) always comes after
    /// what is appended, never between the entry and its new keys.
    /// </summary>
    public static TextEdit Append(SourceText text, int line, IEnumerable<string> lines)
    {
        var nl = Edits.NewLine(text);
        var end = LineEnd(text, line);
        return new TextEdit(text.Span(end - 1, end), text.Text[end - 1] + string.Concat(lines.Select(l => nl + l)));
    }

    /// <summary>
    /// Deletes whole lines with their line end; lines that end the file without one take the line
    /// end before them, so the file ends as it did.
    /// </summary>
    public static TextEdit DeleteLines(SourceText text, SourceSpan lines)
    {
        if (lines.EndLine < text.LineCount)
            return new TextEdit(text.Span(text.OffsetOf(lines.StartLine, 1), text.OffsetOf(lines.EndLine + 1, 1)), "");
        var start = lines.StartLine > 1 ? LineEnd(text, lines.StartLine - 1) : 0;
        return new TextEdit(text.Span(start, text.Text.Length), "");
    }

    /// <summary>
    /// The indentation of a key: what precedes it on its line, the <c>-</c> of a sequence item read
    /// as a blank, which is where a new key of the same mapping starts. Null when anything else does.
    /// </summary>
    public static string? Indentation(SourceText text, SourceSpan key)
    {
        var before = text.Text[text.OffsetOf(key.StartLine, 1)..text.OffsetOf(key.StartLine, key.StartColumn)];
        var dashes = before.Count(c => c == '-');
        return dashes <= 1 && before.All(c => c is ' ' or '-') ? before.Replace('-', ' ') : null;
    }

    /// <summary>Whether only blanks and a comment follow a span on its last line.</summary>
    public static bool EndsLine(SourceFile file, SourceSpan span)
    {
        var text = file.Text;
        var from = text.OffsetOf(span.EndLine, span.EndColumn);
        var rest = text.Text.AsSpan(from, LineEnd(text, span.EndLine) - from);
        var trimmed = rest.TrimStart();
        return trimmed.IsEmpty || trimmed[0] == '#';
    }

    // The offset where a line's text ends, before its line end.
    private static int LineEnd(SourceText text, int line)
    {
        var start = text.OffsetOf(line, 1);
        var end = text.Text.AsSpan(start).IndexOfAny('\n', '\r');
        return end < 0 ? text.Text.Length : start + end;
    }
}
