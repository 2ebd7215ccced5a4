using BackendLint.Fixing;

namespace BackendLint.Tests.Fixing;

/// <summary>Diffs as <c>git diff</c> writes them: hunks around each change, whole items added, whatever the file's size.</summary>
public class UnifiedDiffLayoutTests
{
    [Test]
    public void Edits_far_apart_in_a_long_file_are_two_small_hunks()
    {
        var lines = Enumerable.Range(1, 6000).Select(i => $"line {i}\n").ToList();
        var before = string.Concat(lines);
        lines.Insert(5000, "new B\n");
        lines.Insert(10, "new A\n");

        var diff = UnifiedDiff.Of("f", before, string.Concat(lines));

        diff.Should().Be("--- a/f\n+++ b/f\n@@ -8,6 +8,7 @@\n line 8\n line 9\n line 10\n+new A\n line 11\n line 12\n line 13\n"
            + "@@ -4998,6 +4999,7 @@\n line 4998\n line 4999\n line 5000\n+new B\n line 5001\n line 5002\n line 5003\n");
    }

    [Test]
    public void An_inserted_list_item_starts_where_the_items_start()
    {
        const string before = "include:\n  - backend: a\n    tag: x\n  - backend: c\n    tag: x\n";
        const string after = "include:\n  - backend: a\n    tag: x\n  - backend: b\n    tag: x\n  - backend: c\n    tag: x\n";

        // Myers alone may add "    tag: x\n  - backend: b\n" inside a's item; both apply the same, this one reads as an item.
        UnifiedDiff.Of("m.yml", before, after).Should().Be(
            "--- a/m.yml\n+++ b/m.yml\n@@ -1,5 +1,7 @@\n include:\n   - backend: a\n     tag: x\n+  - backend: b\n+    tag: x\n   - backend: c\n     tag: x\n");
    }

    [Test]
    public void Too_many_differing_lines_are_one_removal_and_one_addition()
    {
        var before = string.Concat(Enumerable.Range(0, 3000).Select(i => $"a{i}\n"));
        var after = string.Concat(Enumerable.Range(0, 3000).Select(i => $"b{i}\n"));

        var diff = UnifiedDiff.Of("f", before, after);

        diff.Should().StartWith("--- a/f\n+++ b/f\n@@ -1,3000 +1,3000 @@\n-a0\n");
        diff.Split('\n').Count(l => l.StartsWith('-')).Should().Be(3001);
    }
}
