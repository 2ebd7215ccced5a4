using BackendLint.Text;

namespace BackendLint.Tests.Parsing;

public class SourceTextTests
{
    [Test]
    public void Slices_the_exact_text_of_a_span_on_one_line_and_across_lines()
    {
        var source = new SourceText("f", "ab\r\ncdé\nfg");
        source.Slice(new SourceSpan("f", 2, 2, 2, 4)).Should().Be("dé");
        source.Slice(new SourceSpan("f", 1, 2, 3, 2)).Should().Be("b\r\ncdé\nf");
        source.Slice(new SourceSpan("f", 3, 3, 3, 3)).Should().BeEmpty();
    }

    [Test]
    public void Refuses_a_span_of_another_file()
    {
        var act = () => new SourceText("f", "abc").Slice(new SourceSpan("g", 1, 1, 1, 2));
        act.Should().Throw<ArgumentException>();
    }

    [TestCase(1, 1, 0)]
    [TestCase(2, 1, 3)]
    [TestCase(2, 3, 5)]
    public void Offsets_and_positions_are_inverse(int line, int column, int offset)
    {
        var source = new SourceText("f", "ab\ncd\n");
        source.OffsetOf(line, column).Should().Be(offset);
        source.PositionOf(offset).Should().Be((line, column));
    }

    [Test]
    public void Removes_a_byte_order_mark()
    {
        var file = SourceText.Decode("f", [0xEF, 0xBB, 0xBF, (byte)'a', (byte)'\n']);
        file.Text.Should().Be("a\n");
    }

    [Test]
    public void Reports_invalid_utf8_at_its_line_and_column()
    {
        byte[] bytes = [(byte)'a', (byte)'\n', (byte)'b', (byte)'c', 0xFF, (byte)'\n'];
        var act = () => SourceText.Decode("backend/index.yaml", bytes);
        act.Should().Throw<InputError>().Which.ToString().Should().Be("backend/index.yaml:2:3: error: the file is not valid UTF-8 (byte 0xFF)");
    }

    [TestCase("a\nb\n", 2, 1, 2)]
    [TestCase("a\r\nb\r\n", 2, 1, 3)]
    [TestCase("ab\rc", 2, 1, 3)]
    public void Positions_count_every_kind_of_line_break(string text, int line, int column, int offset)
    {
        new SourceText("f", text).PositionOf(offset).Should().Be((line, column));
    }
}

public class SourceTextReadTests
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
            SourceText.Read("f", path).Text.Should().Be(text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_multibyte_character_at_a_64_KiB_boundary_survives()
    {
        var path = Path.GetTempFileName();
        try
        {
            // 'é' (two bytes) straddles a 64 KiB boundary, where buffered readers split their input.
            var text = new string('a', 64 * 1024 - 1) + "é" + new string('b', 10);
            File.WriteAllText(path, text);
            SourceText.Read("f", path).Text.Should().Be(text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Reports_an_invalid_byte_far_into_the_file_at_its_line()
    {
        var path = Path.GetTempFileName();
        try
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(new string('a', 70_000) + "\nxy").Concat(new byte[] { 0xFF }).ToArray();
            File.WriteAllBytes(path, bytes);
            var act = () => SourceText.Read("f", path);
            act.Should().Throw<InputError>().Which.ToString().Should().Be("f:2:3: error: the file is not valid UTF-8 (byte 0xFF)");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("a\nb\n", "\n")]
    [TestCase("a\r\nb\n", "\r\n")]
    [TestCase("a\nb\r\n", "\n")]
    [TestCase("\nb", "\n")]
    [TestCase("one line", "\n")]
    public void The_line_end_of_an_added_line_is_that_of_the_first_line(string text, string newLine) =>
        new SourceText("f", text).NewLine.Should().Be(newLine);

    [Test]
    public void A_line_is_read_without_its_line_end_and_the_last_one_ends_the_text()
    {
        var text = new SourceText("f", "a\r\nbc\nd");
        (text.Line(1), text.Line(2), text.Line(3)).Should().Be(("a", "bc", "d"));
        (text.LineEnd(1), text.LineEnd(2), text.LineEnd(3)).Should().Be((3, 6, 7));
    }
}
