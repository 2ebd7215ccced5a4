using System.Text;
using BackendLint.Parsing;

namespace BackendLint.Text;

/// <summary>
/// One input file, decoded as strict UTF-8 with any byte-order mark removed, plus the table of
/// line starts that turns a character offset into a line and column.
/// </summary>
public sealed class SourceFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly int[] _lineStarts;

    public SourceFile(string path, string text)
    {
        Path = path;
        Text = text;
        _lineStarts = ComputeLineStarts(text);
    }

    /// <summary>Repository-relative, with '/' separators.</summary>
    public string Path { get; }

    public string Text { get; }

    public int LineCount => _lineStarts.Length;

    public static SourceFile Decode(string path, byte[] bytes)
    {
        var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException e)
        {
            var bad = offset + Math.Max(0, e.Index);
            var (line, column) = PositionOfByte(bytes, offset, bad);
            throw new InputError(new SourceSpan(path, line, column, line, column + 1),
                $"the file is not valid UTF-8 (byte 0x{bytes[Math.Min(bad, bytes.Length - 1)]:X2})");
        }

        return new SourceFile(path, text);
    }

    /// <summary>The 1-based line and column of a 0-based character offset.</summary>
    public (int Line, int Column) PositionOf(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
            index = ~index - 1;
        return (index + 1, offset - _lineStarts[index] + 1);
    }

    public SourceSpan Span(int startOffset, int endOffset)
    {
        var (startLine, startColumn) = PositionOf(startOffset);
        var (endLine, endColumn) = PositionOf(endOffset);
        return new SourceSpan(Path, startLine, startColumn, endLine, endColumn);
    }

    /// <summary>The text of a 1-based line, without its line break.</summary>
    public string Line(int line)
    {
        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
            end--;
        return Text[start..end];
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                i++;
            if (c == '\n' || c == '\r')
                starts.Add(i + 1);
        }

        return starts.ToArray();
    }

    // The decoder reports a byte index; editors want the line and the character column.
    private static (int Line, int Column) PositionOfByte(byte[] bytes, int start, int badIndex)
    {
        var lineStart = start;
        var line = 1;
        for (var i = start; i < badIndex; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var prefix = StrictUtf8.GetCharCount(bytes, lineStart, badIndex - lineStart);
        return (line, prefix + 1);
    }
}
