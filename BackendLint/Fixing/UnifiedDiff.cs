using System.Text;

namespace BackendLint.Fixing;

/// <summary>
/// A unified diff between two versions of a file, as <c>git diff</c> writes it and <c>git apply</c>
/// reads it: three lines of context, each line with its own line end (a CRLF file stays CRLF), and
/// <c>\ No newline at end of file</c> where a version ends without one.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    // Past this many differing lines between the common start and end, the middle is shown as one
    // removal and one addition: Myers' trace grows with the square of the difference. The unchanged
    // lines between two edits cost nothing here (an insertion near the top and one near the bottom of a
    // 6,000-line gallery are two hunks, not one hunk of the whole file).
    private const int MaxDifference = 2000;

    /// <summary>The diff of <paramref name="path"/>, or an empty string when the texts are equal.</summary>
    public static string Of(string path, string before, string after)
    {
        if (before == after)
            return "";
        var a = Lines(before);
        var b = Lines(after);
        var script = Script(a, b);

        var output = new StringBuilder().Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');
        var i = 0;
        while (i < script.Count)
        {
            if (script[i].Kind == ' ')
            {
                i++;
                continue;
            }

            // A hunk: from Context lines before the first change to Context lines after the last one
            // that is not followed by more than 2 * Context unchanged lines.
            var start = Math.Max(0, i - Context);
            var end = i;
            while (true)
            {
                while (end < script.Count && script[end].Kind != ' ')
                    end++;
                var same = end;
                while (same < script.Count && script[same].Kind == ' ')
                    same++;
                if (same < script.Count && same - end <= 2 * Context)
                {
                    end = same;
                    continue;
                }

                end = Math.Min(script.Count, end + Context);
                break;
            }

            Hunk(output, script, start, end);
            i = end;
        }

        return output.ToString();
    }

    private readonly record struct Step(char Kind, string Line, int OldLine, int NewLine);

    private static void Hunk(StringBuilder output, List<Step> script, int start, int end)
    {
        var oldCount = 0;
        var newCount = 0;
        for (var k = start; k < end; k++)
        {
            if (script[k].Kind != '+')
                oldCount++;
            if (script[k].Kind != '-')
                newCount++;
        }

        var oldStart = script[start].OldLine + (oldCount == 0 ? 0 : 1);
        var newStart = script[start].NewLine + (newCount == 0 ? 0 : 1);
        output.Append($"@@ -{Range(oldStart, oldCount)} +{Range(newStart, newCount)} @@\n");
        for (var k = start; k < end; k++)
        {
            var line = script[k].Line;
            output.Append(script[k].Kind).Append(line);
            if (!line.EndsWith('\n') && !line.EndsWith('\r'))
                output.Append("\n\\ No newline at end of file\n");
            else if (line.EndsWith('\r'))
                output.Append('\n');
        }
    }

    private static string Range(int start, int count) => count == 1 ? $"{start}" : $"{start},{count}";

    // Every step with the 0-based number of lines of each version before it.
    private static List<Step> Script(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
            prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
            suffix++;

        var kinds = new List<char>(a.Length + b.Length);
        kinds.AddRange(Enumerable.Repeat(' ', prefix));
        var middleA = a[prefix..(a.Length - suffix)];
        var middleB = b[prefix..(b.Length - suffix)];
        if (Myers(middleA, middleB) is { } script)
        {
            kinds.AddRange(script);
        }
        else
        {
            kinds.AddRange(Enumerable.Repeat('-', middleA.Length));
            kinds.AddRange(Enumerable.Repeat('+', middleB.Length));
        }

        kinds.AddRange(Enumerable.Repeat(' ', suffix));
        Slide(kinds, '+', b);
        Slide(kinds, '-', a);

        var steps = new List<Step>(kinds.Count);
        int x = 0, y = 0;
        foreach (var kind in kinds)
        {
            steps.Add(new Step(kind, kind == '+' ? b[y] : a[x], x, y));
            if (kind != '+')
                x++;
            if (kind != '-')
                y++;
        }

        return steps;
    }

    /// <summary>
    /// Moves each run of only additions (or only removals) to the place among its equivalent ones
    /// where it starts least indented, the lower one on a tie, as git's indent heuristic does: lines
    /// inserted after a YAML list item read as a whole item, not as the tail of one and the head of
    /// the next. The edit script stays as short and applies the same.
    /// </summary>
    private static void Slide(List<char> kinds, char kind, string[] lines)
    {
        var position = 0; // lines of 'lines' before step i
        for (var i = 0; i < kinds.Count; i++)
        {
            if (kinds[i] != kind)
            {
                position += kinds[i] == ' ' || kinds[i] == kind ? 1 : 0;
                continue;
            }

            var length = 0;
            while (i + length < kinds.Count && kinds[i + length] == kind)
                length++;
            var up = 0;
            while (i - up - 1 >= 0 && kinds[i - up - 1] == ' ' && lines[position - up - 1] == lines[position - up + length - 1])
                up++;
            var down = 0;
            while (i + length + down < kinds.Count && kinds[i + length + down] == ' ' && lines[position + down + length] == lines[position + down])
                down++;

            var best = 0;
            for (var shift = -up; shift <= down; shift++)
            {
                if (Indentation(lines[position + shift]) <= Indentation(lines[position + best]))
                    best = shift;
            }

            var start = i - up;
            for (var j = 0; j < up + length + down; j++)
                kinds[start + j] = j >= up + best && j < up + best + length ? kind : ' ';
            position += best + length;
            i = start + up + best + length - 1;
        }
    }

    private static int Indentation(string line)
    {
        var n = 0;
        while (n < line.Length && line[n] is ' ' or '\t')
            n++;
        return n < line.Length && line[n] is not ('\n' or '\r') ? n : int.MaxValue;
    }

    // Myers' O(ND) shortest edit script, removals before additions at each change; null past
    // MaxDifference. Each step keeps only the diagonals it can reach (k from -d-1 to d+1).
    private static List<char>? Myers(string[] a, string[] b)
    {
        int n = a.Length, m = b.Length, max = n + m, offset = max + 1;
        var v = new int[2 * max + 3];
        var trace = new List<int[]>();
        for (var d = 0; d <= max && d <= MaxDifference; d++)
        {
            trace.Add(v[(offset - d - 1)..(offset + d + 2)]);
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                    return Backtrack(trace, a.Length, b.Length, d);
            }
        }

        return null;
    }

    private static List<char> Backtrack(List<int[]> trace, int n, int m, int depth)
    {
        var steps = new List<char>();
        int x = n, y = m;
        for (var d = depth; d > 0; d--)
        {
            // trace[d] holds diagonals -d-1 … d+1 of the step before d.
            var v = trace[d];
            var k = x - y;
            var previousK = k == -d || (k != d && v[k - 1 + d + 1] < v[k + 1 + d + 1]) ? k + 1 : k - 1;
            var previousX = v[previousK + d + 1];
            var previousY = previousX - previousK;
            while (x > previousX && y > previousY)
            {
                steps.Add(' ');
                x--;
                y--;
            }

            steps.Add(x == previousX ? '+' : '-');
            x = previousX;
            y = previousY;
        }

        while (x > 0 && y > 0)
        {
            steps.Add(' ');
            x--;
            y--;
        }

        steps.Reverse();
        return steps;
    }

    // Each line with its line end ("\n", "\r\n" or a lone "\r"); the last may have none.
    private static string[] Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
            lines.Add(text[start..]);
        return lines.ToArray();
    }
}
