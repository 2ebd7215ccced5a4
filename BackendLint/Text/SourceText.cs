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
        try
        {
            using var file = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return new SourceText(path, DecodeStream(file));
        }
        catch (DecoderFallbackException)
        {
            return Decode(path, ReadAllBytes(path, fullPath)); // throws, saying where the bad byte is
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw InputError.AtFile(path, $"the file cannot be read: {e.Message}");
        }
    }

    // Decodes in two passes over a small buffer, counting characters, then writing them straight
    // into the text: neither the whole file as bytes nor a growing builder is ever held. On
    // LocalAI's tree that copy was 500 KB of fresh pages, a tenth of the run's time here.
    private static string DecodeStream(FileStream file)
    {
        var buffer = new byte[64 * 1024];
        var preamble = file.Read(buffer, 0, 3) == 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        var decoder = StrictUtf8.GetDecoder();
        var count = 0;
        file.Position = preamble;
        for (int read; (read = file.Read(buffer, 0, buffer.Length)) > 0;)
            count += decoder.GetCharCount(buffer, 0, read, flush: false);
        count += decoder.GetCharCount([], 0, 0, flush: true);

        file.Position = preamble;
        decoder.Reset();
        return string.Create(count, (file, buffer, decoder), static (chars, state) =>
        {
            var (file, buffer, decoder) = state;
            var written = 0;
            for (int read; (read = file.Read(buffer, 0, buffer.Length)) > 0;)
                written += decoder.GetChars(buffer.AsSpan(0, read), chars[written..], flush: false);
            written += decoder.GetChars([], chars[written..], flush: true);
            if (written != chars.Length)
                throw new IOException("the file changed while it was read");
        });
    }

    private static byte[] ReadAllBytes(string path, string fullPath)
    {
        try
        {
            return File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw InputError.AtFile(path, $"the file cannot be read: {e.Message}");
        }
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

    /// <summary>The file's line end, for a line an edit adds: CRLF when its first line ends so, else LF.</summary>
    public string NewLine
    {
        get
        {
            var i = Text.IndexOf('\n', StringComparison.Ordinal);
            return i > 0 && Text[i - 1] == '\r' ? "\r\n" : "\n";
        }
    }

    /// <summary>The offset after a 1-based line's line end (the text's length for the last line).</summary>
    public int LineEnd(int line) => line < LineCount ? OffsetOf(line + 1, 1) : Text.Length;

    /// <summary>A 1-based line without its line end.</summary>
    public string Line(int line) => Text[OffsetOf(line, 1)..LineEnd(line)].TrimEnd('\r', '\n');

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

    // "\n", "\r\n" and a lone "\r" each end a line, as in YamlDotNet's marks. A vectorized search
    // for the next break: a character-by-character loop was 2 ms of LocalAI's 1.2 million characters.
    private static int[] LineStarts(string text)
    {
        var starts = new List<int>(text.Length / 32) { 0 };
        var rest = text.AsSpan();
        var offset = 0;
        while (rest.IndexOfAny('\n', '\r') is var i and >= 0)
        {
            var next = rest[i] == '\r' && i + 1 < rest.Length && rest[i + 1] == '\n' ? i + 2 : i + 1;
            offset += next;
            starts.Add(offset);
            rest = rest[next..];
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
