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
