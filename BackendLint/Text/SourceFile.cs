using System.Text;
using BackendLint.Parsing;

namespace BackendLint.Text;

/// <summary>
/// One input file, decoded as strict UTF-8 with any byte-order mark removed. A file is either held
/// whole (<see cref="Read"/>: the Makefile and the workflow, and every test source) or streamed
/// (<see cref="Open"/>: the two large YAML files, which the parser reads once from disk while only a
/// window of recent text is kept, so a 27 MB gallery never exists as one 55 MB string).
/// </summary>
public sealed class SourceFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string? _text;
    private readonly string? _fullPath;
    private int[]? _lineStarts;
    private StreamedText? _stream;

    public SourceFile(string path, string text)
        : this(path, text, fullPath: null)
    {
    }

    private SourceFile(string path, string? text, string? fullPath)
    {
        Path = path;
        _text = text;
        _fullPath = fullPath;
    }

    /// <summary>Repository-relative, with '/' separators.</summary>
    public string Path { get; }

    /// <summary>The whole text; only a file held whole has it.</summary>
    public string Text => _text ?? throw new InvalidOperationException($"{Path} is streamed; use Slice");

    /// <summary>Reads a whole file as strict UTF-8: for the small sources, the Makefile and the workflow.</summary>
    public static SourceFile Read(string path, string fullPath)
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

    /// <summary>
    /// A file to be read once, front to back, through <see cref="OpenReader"/>. Nothing is read yet;
    /// an invalid byte is reported when the reader reaches it.
    /// </summary>
    public static SourceFile Open(string path, string fullPath) => new(path, text: null, fullPath);

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

    /// <summary>The text from the start, for a parser. A streamed file can be opened once.</summary>
    public TextReader OpenReader()
    {
        if (_text is not null)
            return new StringReader(_text);
        if (_stream is not null)
            throw new InvalidOperationException($"{Path} is already being read");
        return _stream = new StreamedText(this, OpenFile(Path, _fullPath!));
    }

    /// <summary>
    /// Characters <paramref name="start"/> to <paramref name="end"/> (exclusive) as written: from the
    /// text, from the window a streamed reader keeps (where a value just parsed is), or decoded
    /// again from the file for the rare value outside it.
    /// </summary>
    public string Slice(int start, int end)
    {
        if (_text is not null)
            return _text[start..end];
        if (_stream?.TrySlice(start, end) is { } recent)
            return recent;

        using var stream = OpenFile(Path, _fullPath!);
        var bytes = new byte[64 * 1024];
        Preamble(stream, bytes);
        var decoder = StrictUtf8.GetDecoder();
        var chars = new char[bytes.Length + 4];
        var result = new StringBuilder(end - start);
        var position = 0;
        try
        {
            for (int read; position < end && (read = stream.Read(bytes, 0, bytes.Length)) > 0;)
            {
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                var from = Math.Max(start, position);
                var to = Math.Min(end, position + count);
                if (to > from)
                    result.Append(chars, from - position, to - from);
                position += count;
            }
        }
        catch (DecoderFallbackException)
        {
            throw InvalidUtf8();
        }

        return result.ToString();
    }

    /// <summary>The 1-based line and column of a 0-based character offset of a file held whole.</summary>
    public (int Line, int Column) PositionOf(int offset)
    {
        _lineStarts ??= ComputeLineStarts(Text);
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

    /// <summary>The error for a streamed file whose reader met an invalid byte: read whole once to say where.</summary>
    public InputError InvalidUtf8() => InvalidUtf8(Path, _fullPath ?? throw new InvalidOperationException($"{Path} is not a file"));

    private static InputError InvalidUtf8(string path, string fullPath)
    {
        try
        {
            Decode(path, File.ReadAllBytes(fullPath));
        }
        catch (InputError e)
        {
            return e;
        }

        return InputError.AtFile(path, "the file changed while it was read");
    }

    private static FileStream OpenFile(string path, string fullPath)
    {
        try
        {
            return new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw InputError.AtFile(path, $"the file cannot be read: {e.Message}");
        }
    }

    // Skips a UTF-8 byte-order mark; the stream is left at the first character.
    private static int Preamble(FileStream stream, byte[] buffer)
    {
        var preamble = stream.Read(buffer, 0, 3) == 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        stream.Position = preamble;
        return preamble;
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

    /// <summary>
    /// Strict UTF-8 decoding of a file as a <see cref="TextReader"/>, keeping the last
    /// <see cref="WindowSize"/> characters it handed out so the parser's latest values can be sliced.
    /// </summary>
    private sealed class StreamedText(SourceFile source, FileStream stream) : TextReader
    {
        public const int WindowSize = 64 * 1024;

        private readonly Decoder _decoder = StrictUtf8.GetDecoder();
        private readonly byte[] _bytes = new byte[16 * 1024];
        private readonly char[] _chars = new char[16 * 1024 + 4];
        private readonly char[] _window = new char[WindowSize];
        private int _charCount;
        private int _charPosition;
        private bool _started;
        private bool _ended;
        private long _handedOut;

        public string? TrySlice(int start, int end)
        {
            if (start < 0 || end > _handedOut || start < _handedOut - WindowSize || end < start)
                return null;
            return string.Create(end - start, (_window, start), static (chars, state) =>
            {
                var (window, from) = state;
                for (var i = 0; i < chars.Length; i++)
                    chars[i] = window[(from + i) % WindowSize];
            });
        }

        public override int Peek() => Fill() ? _chars[_charPosition] : -1;

        public override int Read()
        {
            if (!Fill())
                return -1;
            var c = _chars[_charPosition++];
            Remember(new ReadOnlySpan<char>(in c));
            return c;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (buffer.Length == 0 || !Fill())
                return 0;
            var count = Math.Min(buffer.Length, _charCount - _charPosition);
            var chars = _chars.AsSpan(_charPosition, count);
            chars.CopyTo(buffer);
            Remember(chars);
            _charPosition += count;
            return count;
        }

        private void Remember(ReadOnlySpan<char> chars)
        {
            var at = (int)(_handedOut % WindowSize);
            var first = Math.Min(chars.Length, WindowSize - at);
            chars[..first].CopyTo(_window.AsSpan(at));
            if (first < chars.Length)
                chars[first..].CopyTo(_window);
            _handedOut += chars.Length;
        }

        // Decodes the next block when the current one is used up; false at the end of the file.
        private bool Fill()
        {
            try
            {
                if (!_started)
                {
                    Preamble(stream, _bytes);
                    _started = true;
                }

                while (_charPosition == _charCount)
                {
                    if (_ended)
                        return false;
                    _charPosition = 0;
                    var read = stream.Read(_bytes, 0, _bytes.Length);
                    if (read == 0)
                    {
                        _ended = true;
                        _charCount = _decoder.GetChars([], _chars, flush: true);
                    }
                    else
                    {
                        _charCount = _decoder.GetChars(_bytes, 0, read, _chars, 0, flush: false);
                    }
                }

                return true;
            }
            catch (DecoderFallbackException)
            {
                throw source.InvalidUtf8();
            }
            catch (IOException e)
            {
                throw InputError.AtFile(source.Path, $"the file cannot be read: {e.Message}");
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                stream.Dispose();
            base.Dispose(disposing);
        }
    }
}
