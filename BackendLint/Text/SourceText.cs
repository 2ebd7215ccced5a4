using System.Text;

namespace BackendLint.Text;

/// <summary>
/// One input file, decoded whole as strict UTF-8 (a byte-order mark removed), with a line index:
/// every span can be turned back into the exact text it covers without reading the file again.
/// </summary>
public sealed class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly int[] _lineStarts;

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        _lineStarts = LineStarts(text);
    }

    /// <summary>Repository-relative, with '/' separators.</summary>
    public string Path { get; }

    public string Text { get; }

    public int LineCount => _lineStarts.Length;

    /// <summary>Reads a file as strict UTF-8; an unreadable file or an invalid byte is an <see cref="InputError"/>.</summary>
    public static SourceText Read(string path, string fullPath)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw InputError.AtFile(path, $"the file cannot be read: {e.Message}");
        }

        return Decode(path, bytes);
    }

    public static SourceText Decode(string path, byte[] bytes)
    {
        var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return new SourceText(path, StrictUtf8.GetString(bytes, offset, bytes.Length - offset));
        }
        catch (DecoderFallbackException e)
        {
            var bad = offset + Math.Max(0, e.Index);
            var (line, column) = PositionOfByte(bytes, offset, bad);
            throw new InputError(new SourceSpan(path, line, column, line, column + 1),
                $"the file is not valid UTF-8 (byte 0x{bytes[Math.Min(bad, bytes.Length - 1)]:X2})");
        }
    }

    /// <summary>The 1-based line and column of a 0-based character offset.</summary>
    public (int Line, int Column) PositionOf(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
            index = ~index - 1;
        return (index + 1, offset - _lineStarts[index] + 1);
    }

    /// <summary>The 0-based character offset of a 1-based line and column.</summary>
    public int OffsetOf(int line, int column) => _lineStarts[line - 1] + column - 1;

    public SourceSpan Span(int startOffset, int endOffset)
    {
        var (startLine, startColumn) = PositionOf(startOffset);
        var (endLine, endColumn) = PositionOf(endOffset);
        return new SourceSpan(Path, startLine, startColumn, endLine, endColumn);
    }

    /// <summary>The text a span of this file covers, exactly as written.</summary>
    public string Slice(SourceSpan span)
    {
        if (span.File != Path)
            throw new ArgumentException($"the span {span} is not in {Path}", nameof(span));
        return Text[OffsetOf(span.StartLine, span.StartColumn)..OffsetOf(span.EndLine, span.EndColumn)];
    }

    /// <summary>The text of a 1-based line, without its line break.</summary>
    public string Line(int line)
    {
        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        while (end > start && Text[end - 1] is '\n' or '\r')
            end--;
        return Text[start..end];
    }

    // "\n", "\r\n" and a lone "\r" each end a line, as in YamlDotNet's marks.
    private static int[] LineStarts(string text)
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
