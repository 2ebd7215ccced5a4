using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Text;

namespace BackendLint.Checks;

/// <summary>
/// The text edits fixes are made of, written the way the file already is: its line ends, the
/// indentation and the layout of the neighbouring lines.
/// </summary>
internal static class Edits
{
    /// <summary>The file's line end: CRLF when its first line ends so, else LF.</summary>
    public static string NewLine(SourceText text) => text.NewLine;

    /// <summary>The text of a 1-based line, without its line end.</summary>
    public static string Line(SourceText text, int line) => text.Line(line);

    /// <summary>The empty span at a 0-based offset: where an insertion goes.</summary>
    public static SourceSpan Point(SourceText text, int offset) => text.Span(offset, offset);

    /// <summary>Inserts whole lines after line <paramref name="line"/> (each string one line, without its end).</summary>
    public static TextEdit InsertLinesAfter(SourceText text, int line, params string[] lines)
    {
        var nl = NewLine(text);
        if (line < text.LineCount)
            return new TextEdit(Point(text, text.OffsetOf(line + 1, 1)), string.Concat(lines.Select(l => l + nl)));
        return new TextEdit(Point(text, text.Text.Length), string.Concat(lines.Select(l => nl + l)));
    }

    /// <summary>Inserts whole lines before line <paramref name="line"/>.</summary>
    public static TextEdit InsertLinesBefore(SourceText text, int line, params string[] lines)
    {
        var nl = NewLine(text);
        return new TextEdit(Point(text, text.OffsetOf(line, 1)), string.Concat(lines.Select(l => l + nl)));
    }

    /// <summary>
    /// Adds <paramref name="item"/> to a Makefile prerequisite list the way the list is kept: in order
    /// when it is sorted (three items or more), else after the nearest item before it in <paramref name="order"/> (the file's
    /// own order of backends), else before the nearest after it, else at the end. An item alone on its
    /// line gets a line of its own, continued with <c>\</c> like the others.
    /// </summary>
    public static TextEdit? AddToList(SourceText text, MakeTargetList list, string item, IReadOnlyList<string> order)
    {
        var items = list.Prerequisites;
        if (items.Count == 0)
        {
            var line = Line(text, list.Target.Span.EndLine);
            var colon = line.IndexOf(':', list.Target.Span.EndColumn - 1);
            if (colon < 0)
                return null;
            // After the whole operator: "docker-build-backends::" is a double-colon rule.
            var operatorEnd = colon + 1;
            while (operatorEnd < line.Length && line[operatorEnd] == ':')
                operatorEnd++;
            return new TextEdit(Point(text, text.OffsetOf(list.Target.Span.EndLine, operatorEnd + 1)), " " + item);
        }

        // Two items are in some order by chance half the time: a list is kept sorted from three on.
        if (items.Count > 2 && IsSorted(items))
        {
            // Items that fall between the same two neighbours would go in the order of their findings,
            // not sorted: each edit also rewrites its neighbour, so that they overlap and go one a round,
            // each into the list as the round before left it.
            var next = Enumerable.Range(0, items.Count).FirstOrDefault(i => string.CompareOrdinal(items[i].Value, item) > 0, -1);
            return next < 0 ? Spanning(text, After(text, items[^1]), items[^1].Span) : Spanning(text, Before(text, items[next]), items[next].Span);
        }

        var at = IndexOf(order, item);
        for (var j = at - 1; at >= 0 && j >= 0; j--)
        {
            if (list.Contains(order[j]))
                return After(text, items.First(i => i.Value == order[j]));
        }

        for (var j = at + 1; at >= 0 && j < order.Count; j++)
        {
            if (list.Contains(order[j]))
                return Before(text, items.First(i => i.Value == order[j]));
        }

        return After(text, items[^1]);

        TextEdit After(SourceText text, Located<string> neighbour)
        {
            var (before, after) = Around(text, neighbour.Span);
            if (before.Trim().Length > 0 || after.Trim() is not ("" or "\\"))
                return new TextEdit(Point(text, End(text, neighbour.Span)), " " + item);
            if (after.Trim() == "\\")
                return InsertLinesAfter(text, neighbour.Span.EndLine, before + item + after);
            return new TextEdit(Point(text, End(text, neighbour.Span)), " \\" + NewLine(text) + before + item);
        }

        TextEdit Before(SourceText text, Located<string> neighbour)
        {
            var (before, after) = Around(text, neighbour.Span);
            if (before.Trim().Length > 0 || after.Trim() is not ("" or "\\"))
                return new TextEdit(Point(text, text.OffsetOf(neighbour.Span.StartLine, neighbour.Span.StartColumn)), item + " ");
            return InsertLinesBefore(text, neighbour.Span.StartLine, before + item + (after.Trim() == "\\" ? after : " \\"));
        }
    }

    private static int End(SourceText text, SourceSpan span) => text.OffsetOf(span.EndLine, span.EndColumn);

    // The insertion as a replacement that also covers the token next to it, which it writes back unchanged.
    private static TextEdit Spanning(SourceText text, TextEdit insertion, SourceSpan token)
    {
        var at = text.OffsetOf(insertion.Span.StartLine, insertion.Span.StartColumn);
        var start = Math.Min(at, text.OffsetOf(token.StartLine, token.StartColumn));
        var end = Math.Max(at, End(text, token));
        return new TextEdit(text.Span(start, end), text.Text[start..at] + insertion.NewText + text.Text[at..end]);
    }

    // What a one-line token's line holds before and after it.
    private static (string Before, string After) Around(SourceText text, SourceSpan span)
    {
        var line = Line(text, span.StartLine);
        return (line[..(span.StartColumn - 1)], span.IsSingleLine ? line[(span.EndColumn - 1)..] : "x");
    }

    private static bool IsSorted(IReadOnlyList<Located<string>> items)
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (string.CompareOrdinal(items[i - 1].Value, items[i].Value) > 0)
                return false;
        }

        return true;
    }

    private static int IndexOf(IReadOnlyList<string> order, string item)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == item)
                return i;
        }

        return -1;
    }
}
