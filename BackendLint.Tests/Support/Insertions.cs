namespace BackendLint.Tests.Support;

/// <summary>
/// What a fix inserted into a text, when all it did was insert: every changed block of a line diff
/// holds the old lines as a subsequence of the new ones (nothing removed, nothing replaced), and the
/// inserted words are the new block's words less the old block's.
/// </summary>
public static class Insertions
{
    /// <summary>The inserted words, in order; null when <paramref name="after"/> changed or removed anything of <paramref name="before"/>.</summary>
    public static List<string>? WordsOf(string before, string after)
    {
        // Split at '\n' only: a CRLF line keeps its '\r', so a changed line end is a changed line.
        var words = new List<string>();
        foreach (var (oldLines, newLines) in Hunks(before.Split('\n'), after.Split('\n')))
        {
            var old = string.Join('\n', oldLines);
            var grown = string.Join('\n', newLines);
            if (!IsSubsequence(old, grown))
                return null;
            var oldWords = Words(old);
            var newWords = Words(grown);
            var kept = Hunks(oldWords, newWords);
            if (kept.Any(h => h.Old.Count > 0))
                return null;
            words.AddRange(kept.SelectMany(h => h.New));
        }

        return words;
    }

    private static string[] Words(string text) => text.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);

    // Whether deleting characters from grown gives old: all that happened is insertion.
    private static bool IsSubsequence(string old, string grown)
    {
        var i = 0;
        foreach (var c in grown)
        {
            if (i < old.Length && old[i] == c)
                i++;
        }

        return i == old.Length;
    }

    // The changed blocks of a longest-common-subsequence diff: the old items and the new items of each.
    private static List<(List<string> Old, List<string> New)> Hunks(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        }

        var hunks = new List<(List<string>, List<string>)>();
        List<string> oldItems = [], newItems = [];
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                Flush();
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                newItems.Add(b[y++]);
            }
            else
            {
                oldItems.Add(a[x++]);
            }
        }

        Flush();
        return hunks;

        void Flush()
        {
            if (oldItems.Count + newItems.Count == 0)
                return;
            hunks.Add((oldItems, newItems));
            oldItems = [];
            newItems = [];
        }
    }
}
