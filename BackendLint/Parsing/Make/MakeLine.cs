using BackendLint.Text;

namespace BackendLint.Parsing.Make;

/// <summary>
/// One logical line of a Makefile after GNU make's joining, with the source offset of every
/// character so that any word of it, also one on a continuation line, has its exact span.
/// </summary>
public sealed class MakeLine
{
    private readonly SourceText _source;
    private readonly int[]? _offsets;
    private readonly int _start;
    private readonly (int Start, int End) _physical;

    /// <summary>A line whose characters were joined from several places: <paramref name="offsets"/> maps each one.</summary>
    internal MakeLine(SourceText source, string text, int[] offsets, bool isRecipe, (int Start, int End) physical)
    {
        _source = source;
        Text = text;
        _offsets = offsets;
        IsRecipe = isRecipe;
        _physical = physical;
    }

    /// <summary>A line that is one slice of the file, starting at offset <paramref name="start"/>.</summary>
    internal MakeLine(SourceText source, string text, int start, bool isRecipe, (int Start, int End) physical)
    {
        _source = source;
        Text = text;
        _start = start;
        IsRecipe = isRecipe;
        _physical = physical;
    }

    public string Text { get; }

    public bool IsRecipe { get; }

    /// <summary>
    /// The physical lines the logical line is made of, from the first one's start (a recipe's tab
    /// included) to the last one's end (without its line break): what a fix inserts before or after.
    /// </summary>
    public SourceSpan Extent => _source.Span(_physical.Start, _physical.End);

    public SourceText Source => _source;

    /// <summary>The span of <c>Text[start..end]</c>; a word never crosses a joined line break.</summary>
    public SourceSpan SpanOf(int start, int end) =>
        end <= start ? _source.Span(Offset(start), Offset(start)) : _source.Span(Offset(start), Offset(end - 1) + 1);

    /// <summary>The offset in the file of <c>Text[index]</c>.</summary>
    public int Offset(int index) => _offsets is null ? _start + index : _offsets[index];

    public Located<string> Token(int start, int end) => new(Text[start..end], SpanOf(start, end));

    /// <summary>The whitespace-separated words of <c>Text[start..end]</c>, each with its span.</summary>
    public List<Located<string>> Words(int start, int end) => WordRanges(start, end).ConvertAll(r => Token(r.Start, r.End));

    public List<(int Start, int End)> WordRanges(int start, int end)
    {
        var words = new List<(int, int)>();
        var i = start;
        while (i < end)
        {
            while (i < end && char.IsWhiteSpace(Text[i]))
                i++;
            var wordStart = i;
            while (i < end && !char.IsWhiteSpace(Text[i]))
                i++;
            if (i > wordStart)
                words.Add((wordStart, i));
        }

        return words;
    }
}
