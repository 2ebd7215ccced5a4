using BackendLint.Findings;
using BackendLint.Fixing;
using BackendLint.Text;

namespace BackendLint.Tests.Fixing;

public class FixApplierEdgeTests
{
    [Test]
    public void Applies_an_insertion_where_a_deletion_of_an_earlier_fix_starts()
    {
        // A gallery entry deleted at the end of a file without a final line end takes the line end before it,
        // where an entry added after the one before it goes.
        var text = new SourceText("f", "abc\ndef");
        var delete = new Fix("delete", [new TextEdit(text.Span(3, 7), "")]);
        var insert = new Fix("insert", [new TextEdit(text.Span(3, 3), "\nxyz")]);
        FixApplier.Apply([delete, insert], _ => text).Texts["f"].Should().Be("abc\nxyz");
        FixApplier.Apply([insert, delete], _ => text).Texts["f"].Should().Be("abc\nxyz");
    }
}
