using System.Diagnostics;
using BackendLint.Fixing;
using CsCheck;

namespace BackendLint.Tests.Fixing;

public class UnifiedDiffTests
{
    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("BACKENDLINT_PROPERTY_ITERATIONS"), out var n) ? n : 60;

    [Test]
    public void Equal_texts_have_no_diff() => UnifiedDiff.Of("Makefile", "a\nb\n", "a\nb\n").Should().BeEmpty();

    [Test]
    public void An_inserted_line_is_shown_with_three_lines_of_context_as_git_writes_it()
    {
        var before = "1\n2\n3\n4\n5\n6\n7\n8\n";
        var after = "1\n2\n3\n4\nnew\n5\n6\n7\n8\n";
        UnifiedDiff.Of("Makefile", before, after).Should().Be("--- a/Makefile\n+++ b/Makefile\n@@ -2,6 +2,7 @@\n 2\n 3\n 4\n+new\n 5\n 6\n 7\n");
    }

    [Test]
    public void Changes_far_apart_are_separate_hunks_and_near_ones_one()
    {
        var lines = Enumerable.Range(1, 30).Select(i => $"{i}\n").ToArray();
        var far = lines.ToArray();
        far[1] = "two\n";
        far[25] = "twenty-six\n";
        UnifiedDiff.Of("f", string.Concat(lines), string.Concat(far)).Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)).Should().Be(2);
        var near = lines.ToArray();
        near[1] = "two\n";
        near[8] = "nine\n";
        UnifiedDiff.Of("f", string.Concat(lines), string.Concat(near)).Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)).Should().Be(1);
    }

    [Test]
    public void A_last_line_without_a_line_end_is_marked()
    {
        UnifiedDiff.Of("f", "a\nb", "a\nb\nc").Should().Be("--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n\\ No newline at end of file\n");
    }

    [Test]
    public void Insertions_at_the_start_and_into_an_empty_file_count_lines_as_git_does()
    {
        UnifiedDiff.Of("f", "a\n", "new\na\n").Should().Be("--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n+new\n a\n");
        UnifiedDiff.Of("f", "", "a\n").Should().Be("--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+a\n");
    }

    [Test]
    public void Crlf_lines_keep_their_line_ends()
    {
        UnifiedDiff.Of("f", "a\r\nb\r\n", "a\r\nx\r\nb\r\n").Should().Be("--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\r\n+x\r\n b\r\n");
    }

    // The oracle is git itself: every diff must apply with 'git apply' and give the edited text.
    private static readonly Gen<(string[] Lines, bool Crlf, bool FinalNewline, (int At, int Remove, string[] Insert)[] Edits)> Texts =
        Gen.Select(
            Gen.String["abc"].Array[0, 25],
            Gen.Bool,
            Gen.Bool,
            Gen.Select(Gen.Int[0, 25], Gen.Int[0, 3], Gen.String["xyz"].Array[0, 3]).Array[1, 4]);

    [Test]
    public void Every_diff_applies_with_git_apply_and_gives_the_edited_text()
    {
        var directory = Directory.CreateTempSubdirectory("backendlint-diff-").FullName;
        try
        {
            Texts.Sample(sample =>
            {
                var nl = sample.Crlf ? "\r\n" : "\n";
                var lines = sample.Lines.ToList();
                var before = Join(lines, nl, sample.FinalNewline);
                foreach (var (at, remove, insert) in sample.Edits)
                {
                    var start = Math.Min(at, lines.Count);
                    lines.RemoveRange(start, Math.Min(remove, lines.Count - start));
                    lines.InsertRange(start, insert);
                }

                var after = Join(lines, nl, sample.FinalNewline);
                var diff = UnifiedDiff.Of("f", before, after);
                if (before == after)
                {
                    diff.Should().BeEmpty();
                    return;
                }

                File.WriteAllText(Path.Combine(directory, "f"), before);
                File.WriteAllText(Path.Combine(directory, "patch"), diff);
                GitApply(directory).Should().Be(0, diff);
                File.ReadAllText(Path.Combine(directory, "f")).Should().Be(after, diff);
            }, iter: Iterations, threads: 1);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Join(List<string> lines, string nl, bool finalNewline) =>
        lines.Count == 0 ? "" : string.Join(nl, lines) + (finalNewline ? nl : "");

    private static int GitApply(string directory)
    {
        var start = new ProcessStartInfo("git", ["apply", "--unsafe-paths", "--whitespace=nowarn", "patch"]) { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            TestContext.Out.WriteLine(error);
        return process.ExitCode;
    }
}
