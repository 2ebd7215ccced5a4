using BackendLint.Parsing;
using BackendLint.Text;

namespace BackendLint.Tests.Parsing;

public class SourceFileTests
{
    [Test]
    public void Removes_a_byte_order_mark()
    {
        var file = SourceFile.Decode("f", [0xEF, 0xBB, 0xBF, (byte)'a', (byte)'\n']);
        file.Text.Should().Be("a\n");
    }

    [Test]
    public void Reports_invalid_utf8_at_its_line_and_column()
    {
        byte[] bytes = [(byte)'a', (byte)'\n', (byte)'b', (byte)'c', 0xFF, (byte)'\n'];
        var act = () => SourceFile.Decode("backend/index.yaml", bytes);
        act.Should().Throw<InputError>().Which.ToString().Should().Be("backend/index.yaml:2:3: error: the file is not valid UTF-8 (byte 0xFF)");
    }

    [TestCase("a\nb\n", 2, 1, 2)]
    [TestCase("a\r\nb\r\n", 2, 1, 3)]
    [TestCase("ab\rc", 2, 1, 3)]
    public void Positions_count_every_kind_of_line_break(string text, int line, int column, int offset)
    {
        new SourceFile("f", text).PositionOf(offset).Should().Be((line, column));
    }
}

public class SourceFileReadTests
{
    [TestCase(new byte[] { (byte)'a', (byte)'\n', 0xC3, 0xA9, (byte)'\n' }, "a\né\n")]
    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'x' }, "x")]
    [TestCase(new byte[] { }, "")]
    public void Reads_what_decode_reads(byte[] bytes, string text)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, bytes);
            SourceFile.Read("f", path).Text.Should().Be(text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_multibyte_character_split_across_chunks_survives()
    {
        var path = Path.GetTempFileName();
        try
        {
            // 'é' (two bytes) straddles the 64 KiB chunk boundary.
            var text = new string('a', 64 * 1024 - 1) + "é" + new string('b', 10);
            File.WriteAllText(path, text);
            SourceFile.Read("f", path).Text.Should().Be(text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Reports_an_invalid_byte_after_the_first_chunk_at_its_line()
    {
        var path = Path.GetTempFileName();
        try
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(new string('a', 70_000) + "\nxy").Concat(new byte[] { 0xFF }).ToArray();
            File.WriteAllBytes(path, bytes);
            var act = () => SourceFile.Read("f", path);
            act.Should().Throw<BackendLint.Parsing.InputError>().Which.ToString().Should().Be("f:2:3: error: the file is not valid UTF-8 (byte 0xFF)");
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public class StreamedSourceFileTests
{
    private string _path = "";

    [SetUp]
    public void CreateFile() => _path = Path.GetTempFileName();

    [TearDown]
    public void DeleteFile() => File.Delete(_path);

    private string ReadAll(byte[] bytes)
    {
        File.WriteAllBytes(_path, bytes);
        using var reader = SourceFile.Open("f", _path).OpenReader();
        return reader.ReadToEnd();
    }

    [TestCase(new byte[] { (byte)'a', (byte)'\n', 0xC3, 0xA9, (byte)'\n' }, "a\né\n")]
    [TestCase(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'x' }, "x")]
    [TestCase(new byte[] { }, "")]
    public void Streams_what_decode_reads(byte[] bytes, string text)
    {
        ReadAll(bytes).Should().Be(text);
    }

    [Test]
    public void A_multibyte_character_split_across_blocks_survives()
    {
        // '€' (three bytes) straddles the reader's 16 KiB block boundary, and again further on.
        var text = new string('a', 16 * 1024 - 1) + "€" + new string('b', 16 * 1024 - 2) + "€c";
        ReadAll(System.Text.Encoding.UTF8.GetBytes(text)).Should().Be(text);
    }

    [Test]
    public void Reports_an_invalid_byte_met_while_streaming_at_its_line()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(new string('a', 70_000) + "\nxy").Concat(new byte[] { 0xFF }).ToArray();
        var act = () => ReadAll(bytes);
        act.Should().Throw<InputError>().Which.ToString().Should().Be("f:2:3: error: the file is not valid UTF-8 (byte 0xFF)");
    }

    [Test]
    public void Slices_recent_text_from_the_window_and_older_text_from_the_file()
    {
        var text = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i:D5}é\n"));
        File.WriteAllText(_path, text);
        var source = SourceFile.Open("f", _path);
        using var reader = source.OpenReader();
        reader.ReadToEnd();

        source.Slice(text.Length - 7, text.Length).Should().Be("19999é\n"); // in the window
        source.Slice(7, 14).Should().Be("00001é\n"); // long gone from it: decoded again
        source.Slice(0, 0).Should().BeEmpty();
    }

    [Test]
    public void A_streamed_file_has_no_whole_text()
    {
        File.WriteAllText(_path, "a");
        var act = () => SourceFile.Open("f", _path).Text;
        act.Should().Throw<InvalidOperationException>();
    }
}
