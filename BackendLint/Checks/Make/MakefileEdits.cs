using BackendLint.Findings;
using BackendLint.Text;

namespace BackendLint.Checks.Make;

/// <summary>
/// Where a missing Makefile line goes, so that a fix follows the file's own order: next to the line
/// of the nearest item that has one, with that line's recipe prefix.
/// </summary>
internal static class MakefileEdits
{
    /// <summary>
    /// For each item of <paramref name="order"/>, the line next to which it goes when it has none: after
    /// the line of the nearest item before it that has one, else before the line of the nearest item
    /// after it; null when no item has a line. Two passes, however long the order.
    /// </summary>
    public static (SourceSpan Line, bool After)?[] Neighbours<T>(IReadOnlyList<T> order, Func<T, SourceSpan?> lineOf)
    {
        var lines = order.Select(lineOf).ToArray();
        var neighbours = new (SourceSpan Line, bool After)?[lines.Length];
        SourceSpan? next = null;
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            if (next.HasValue)
                neighbours[i] = (next.Value, false);
            next = lines[i] ?? next;
        }

        SourceSpan? previous = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (previous.HasValue)
                neighbours[i] = (previous.Value, true);
            previous = lines[i] ?? previous;
        }

        return neighbours;
    }

    /// <summary>Inserts <paramref name="line"/> after or before the whole logical line <paramref name="at"/>.</summary>
    public static TextEdit Insert(SourceText text, SourceSpan at, bool after, string line) =>
        after ? Edits.InsertLinesAfter(text, at.EndLine, line) : Edits.InsertLinesBefore(text, at.StartLine, line);

    /// <summary>The blanks a line starts with: a recipe line's tab.</summary>
    public static string Indentation(SourceText text, int line)
    {
        var content = Edits.Line(text, line);
        return content[..(content.Length - content.TrimStart(' ', '\t').Length)];
    }

    /// <summary>
    /// The first line of the logical line that holds line <paramref name="line"/>, and of the make comment
    /// lines right above it: what goes before a rule goes above its comments (a
    /// <c># backendlint: ignore[…]</c> comment included), not between them and the rule.
    /// </summary>
    public static int StartWithComments(SourceText text, int line)
    {
        var start = LogicalStart(text, line);
        while (start > 1)
        {
            var above = LogicalStart(text, start - 1);
            if (!Edits.Line(text, above).StartsWith('#'))
                break;
            start = above;
        }

        return start;
    }

    // GNU make continues a line that ends with an odd number of backslashes.
    private static int LogicalStart(SourceText text, int line)
    {
        while (line > 1 && EndsContinued(Edits.Line(text, line - 1)))
            line--;
        return line;
    }

    private static bool EndsContinued(string line)
    {
        var backslashes = line.Length - line.TrimEnd('\\').Length;
        return backslashes % 2 == 1;
    }
}
