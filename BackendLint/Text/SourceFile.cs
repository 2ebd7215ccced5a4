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

    /// <summary>
    /// Reads a file as strict UTF-8 without holding its bytes: one pass counts the characters (and
    /// finds an invalid byte), the second decodes straight into a string of that length.
    /// </summary>
    public static SourceFile Read(string path, string fullPath)
    {
        const int ChunkSize = 64 * 1024;
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[ChunkSize];
        var preamble = stream.Read(buffer, 0, 3) == 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;

        stream.Position = preamble;
        var decoder = StrictUtf8.GetDecoder();
        var length = 0;
        long position = preamble;
        try
        {
            for (int read; (read = stream.Read(buffer, 0, ChunkSize)) > 0; position += read)
                length += decoder.GetCharCount(buffer.AsSpan(0, read), flush: false);
            length += decoder.GetCharCount([], flush: true);
        }
        catch (DecoderFallbackException)
        {
            // Rare: read it whole to say exactly where.
            return Decode(path, File.ReadAllBytes(fullPath));
        }

        stream.Position = preamble;
        decoder.Reset();
        var text = string.Create(length, (stream, buffer, decoder), static (chars, state) =>
        {
            var (file, bytes, utf8) = state;
            var written = 0;
            for (int read; (read = file.Read(bytes, 0, bytes.Length)) > 0;)
                written += utf8.GetChars(bytes.AsSpan(0, read), chars[written..], flush: false);
            utf8.GetChars([], chars[written..], flush: true);
        });
        return new SourceFile(path, text);
    }

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
