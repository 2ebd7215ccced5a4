using BackendLint.Findings;
using BackendLint.Fixing;
using BackendLint.Text;

namespace BackendLint.Tests.Fixing;

public class FixApplierTests
{
    private static readonly SourceText Make = new("Makefile", "a: x y\nb: z\n");

    private static TextEdit Edit(int line, int column, int endLine, int endColumn, string text) => new(new SourceSpan("Makefile", line, column, endLine, endColumn), text);

    private static Fix FixOf(params TextEdit[] edits) => new("test", edits);

    private static AppliedFixes Apply(params Fix[] fixes) => FixApplier.Apply(fixes, path => path == "Makefile" ? Make : null);

    [Test]
    public void Replaces_and_inserts_over_the_text_as_read()
    {
        var result = Apply(FixOf(Edit(1, 4, 1, 5, "X")), FixOf(Edit(2, 5, 2, 5, " w")));
        result.Texts.Should().Equal(new Dictionary<string, string> { ["Makefile"] = "a: X y\nb: z w\n" });
        result.Applied.Should().HaveCount(2);
        result.Deferred.Should().BeEmpty();
    }

    [Test]
    public void Insertions_at_one_place_keep_the_order_of_their_fixes()
    {
        var result = Apply(FixOf(Edit(1, 7, 1, 7, " p")), FixOf(Edit(1, 7, 1, 7, " q")));
        result.Texts["Makefile"].Should().Be("a: x y p q\nb: z\n");
    }

    [Test]
    public void A_fix_overlapping_one_already_taken_waits_for_the_next_round()
    {
        var first = FixOf(Edit(1, 4, 1, 7, "X"));
        var second = FixOf(Edit(1, 6, 1, 7, "Y"), Edit(2, 1, 2, 1, "# "));
        var result = Apply(first, second);
        result.Texts["Makefile"].Should().Be("a: X\nb: z\n");
        result.Applied.Should().Equal(first);
        result.Deferred.Should().Equal(second);
    }

    [Test]
    public void An_insertion_strictly_inside_a_replacement_overlaps_it_and_one_at_its_edge_does_not()
    {
        Apply(FixOf(Edit(1, 4, 1, 7, "X")), FixOf(Edit(1, 5, 1, 5, "!"))).Deferred.Should().HaveCount(1);
        Apply(FixOf(Edit(1, 5, 1, 5, "!")), FixOf(Edit(1, 4, 1, 7, "X"))).Deferred.Should().HaveCount(1);
        var edges = Apply(FixOf(Edit(1, 4, 1, 7, "X")), FixOf(Edit(1, 4, 1, 4, "<")), FixOf(Edit(1, 7, 1, 7, ">")));
        edges.Deferred.Should().BeEmpty();
        edges.Texts["Makefile"].Should().Be("a: <X>\nb: z\n");
    }

    [Test]
    public void Two_findings_with_the_same_repair_apply_it_once()
    {
        var result = Apply(FixOf(Edit(2, 5, 2, 5, " w")), FixOf(Edit(2, 5, 2, 5, " w")));
        result.Texts["Makefile"].Should().Be("a: x y\nb: z w\n");
        result.Applied.Should().HaveCount(1);
    }

    [Test]
    public void A_fix_whose_own_edits_overlap_or_that_points_outside_the_text_is_never_applied()
    {
        Apply(FixOf(Edit(1, 1, 1, 3, "A"), Edit(1, 2, 1, 4, "B"))).Texts.Should().BeEmpty();
        Apply(FixOf(Edit(9, 1, 9, 1, "A"))).Texts.Should().BeEmpty();
        Apply(FixOf(Edit(1, 5, 1, 3, "A"))).Texts.Should().BeEmpty();
        Apply(FixOf(new TextEdit(new SourceSpan("other", 1, 1, 1, 1), "A"))).Texts.Should().BeEmpty();
        Apply(FixOf()).Applied.Should().BeEmpty();
    }

    [Test]
    public void A_fix_that_changes_nothing_leaves_no_changed_file()
    {
        var result = Apply(FixOf(Edit(1, 4, 1, 5, "x")));
        result.Texts.Should().BeEmpty();
        result.Applied.Should().HaveCount(1);
    }
}
