using BackendLint.Findings;
using BackendLint.Text;

namespace BackendLint.Fixing;

/// <summary>What applying fixes to a set of texts produced: the new text of each changed file and the fixes applied.</summary>
public sealed record AppliedFixes(IReadOnlyDictionary<string, string> Texts, IReadOnlyList<Fix> Applied, IReadOnlyList<Fix> Deferred);

/// <summary>
/// Applies fixes as text edits; it knows nothing about rules. Fixes are taken in order: one whose edits
/// overlap an edit already taken waits for the next round (the caller lints the result again), and one
/// that repeats the edits of one already taken (two findings with the same repair) is applied once.
/// Insertions at the same place keep the order of their fixes.
/// </summary>
public static class FixApplier
{
    public static AppliedFixes Apply(IEnumerable<Fix> fixes, Func<string, SourceText?> source)
    {
        var taken = new List<(string File, int Start, int End, string Text, int Order)>();
        var applied = new List<Fix>();
        var deferred = new List<Fix>();
        var texts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        foreach (var fix in fixes)
        {
            var edits = new List<(string File, int Start, int End, string Text, int Order)>();
            var valid = fix.Edits.Count > 0;
            foreach (var edit in fix.Edits)
            {
                if (!texts.TryGetValue(edit.Span.File, out var text))
                {
                    if (source(edit.Span.File) is not { } read)
                    {
                        valid = false;
                        break;
                    }

                    texts[edit.Span.File] = text = read;
                }

                if (Offsets(text, edit.Span) is not var (start, end))
                {
                    valid = false;
                    break;
                }

                edits.Add((edit.Span.File, start, end, edit.NewText, taken.Count + edits.Count));
            }

            // A fix whose own edits overlap is malformed: never applied.
            for (var i = 0; valid && i < edits.Count; i++)
            {
                for (var j = i + 1; valid && j < edits.Count; j++)
                    valid = edits[i].File != edits[j].File || !Overlap(edits[i].Start, edits[i].End, edits[j].Start, edits[j].End);
            }

            if (!valid)
                continue;
            if (edits.TrueForAll(e => taken.Exists(t => t.File == e.File && t.Start == e.Start && t.End == e.End && t.Text == e.Text)))
                continue;
            if (edits.Exists(e => taken.Exists(t => t.File == e.File && Overlap(t.Start, t.End, e.Start, e.End))))
            {
                deferred.Add(fix);
                continue;
            }

            taken.AddRange(edits);
            applied.Add(fix);
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in taken.GroupBy(t => t.File))
        {
            var original = texts[file.Key].Text;
            var builder = new System.Text.StringBuilder(original.Length + 256);
            var position = 0;
            // At one place, insertions go before a replacement that starts there, whatever the order of their fixes.
            foreach (var edit in file.OrderBy(e => e.Start).ThenBy(e => e.End > e.Start).ThenBy(e => e.Order))
            {
                builder.Append(original, position, edit.Start - position).Append(edit.Text);
                position = edit.End;
            }

            builder.Append(original, position, original.Length - position);
            var changed = builder.ToString();
            if (changed != original)
                result[file.Key] = changed;
        }

        return new AppliedFixes(result, applied, deferred);
    }

    // Two replacements overlap when they share a character; an insertion overlaps a replacement it falls
    // strictly inside. Insertions at one place, or an insertion at the edge of a replacement, do not.
    private static bool Overlap(int aStart, int aEnd, int bStart, int bEnd) => (aStart == aEnd, bStart == bEnd) switch
    {
        (true, true) => false,
        (true, false) => bStart < aStart && aStart < bEnd,
        (false, true) => aStart < bStart && bStart < aEnd,
        _ => aStart < bEnd && bStart < aEnd,
    };

    private static (int Start, int End)? Offsets(SourceText text, SourceSpan span)
    {
        if (span.StartLine < 1 || span.EndLine > text.LineCount || span.StartColumn < 1 || span.EndColumn < 1)
            return null;
        var start = text.OffsetOf(span.StartLine, span.StartColumn);
        var end = text.OffsetOf(span.EndLine, span.EndColumn);
        return start <= end && end <= text.Text.Length ? (start, end) : null;
    }
}
