using System.Text;
using BackendLint.Cli;
using BackendLint.Reporting;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Reporting;

/// <summary>
/// <c>fix --dry-run --format github</c>, which the action's <c>suggest-fixes</c> runs: the diff in the
/// job summary, as text of the linted repository that Markdown cannot read as anything but a diff,
/// and never more than the summary can hold.
/// </summary>
public class FixSummaryTests
{
    [Test]
    public void The_diff_goes_into_the_job_summary_after_the_findings_and_nothing_is_changed()
    {
        using var repository = Fixture.Materialize("adoption-debt");
        var before = Snapshot(repository.Path);
        var summary = Path.GetTempFileName();
        try
        {
            var env = new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = summary };
            Run.InProcess(env, repository.Path, "--format", "github").Exit.Should().Be(ExitCode.Findings);
            var (exit, output, error) = Run.InProcess(env, "fix", repository.Path, "--dry-run", "--format", "github", "--fail-level", "none");
            exit.Should().Be(ExitCode.Success);
            output.Should().BeEmpty("the diff is the repository's text: it stays out of the log");
            error.Should().Be("backendlint: would fix 3 findings (BL3001 1, BL3002 1, BL3004 1) in 'Makefile'; nothing was changed\n");

            var text = File.ReadAllText(summary);
            text.Should().StartWith("## BackendLint\n");
            var section = text[text.IndexOf("### Suggested fixes\n", StringComparison.Ordinal)..];
            section.Should().StartWith("### Suggested fixes\n\n`backendlint fix` would fix 3 findings \\(BL3001 1, BL3002 1, BL3004 1\\) in 'Makefile'. To apply the fixes, run `backendlint fix`");
            Fenced(section).Should().Be(Run.InProcess("fix", repository.Path, "--dry-run").Out);
            Snapshot(repository.Path).Should().Equal(before);
        }
        finally
        {
            File.Delete(summary);
        }
    }

    [Test]
    public void Without_a_job_summary_the_markdown_goes_to_stdout()
    {
        using var repository = Fixture.Materialize("BL3001-not-notparallel");
        var (exit, output, _) = Run.InProcess("fix", repository.Path, "--dry-run", "--format", "github");
        exit.Should().Be(ExitCode.Success, "nothing remains once the fix is applied");
        output.Should().StartWith("### Suggested fixes\n\n");
        Fenced(output).Should().Be(Run.InProcess("fix", repository.Path, "--dry-run").Out);
    }

    [Test]
    public void Nothing_to_fix_is_said_in_the_summary()
    {
        using var repository = Fixture.Materialize("BL1001-image-not-built");
        var (exit, output, error) = Run.InProcess("fix", repository.Path, "--dry-run", "--format", "github");
        exit.Should().Be(ExitCode.Findings, "the exit code is that of what remains");
        output.Should().Be("### Suggested fixes\n\nNothing to fix: no finding has a fix `backendlint fix` can apply.\n\n");
        error.Should().Be("backendlint: nothing to fix\n");
    }

    [Test]
    public void The_diff_names_files_from_the_checkout_root_under_a_path_prefix()
    {
        using var repository = Fixture.Materialize("BL3001-not-notparallel");
        var diff = Run.InProcess("fix", repository.Path, "--dry-run", "--path-prefix", "sub");
        diff.Out.Should().StartWith("--- a/sub/Makefile\n+++ b/sub/Makefile\n@@ ");
        diff.Err.Should().Contain("in 'sub/Makefile'");
        var markdown = Run.InProcess("fix", repository.Path, "--dry-run", "--format", "github", "--path-prefix", "./sub/").Out;
        Fenced(markdown).Should().Be(diff.Out);
    }

    [Test]
    public void What_remains_after_fixing_is_named_under_the_path_prefix()
    {
        using var repository = Fixture.Materialize("adoption-debt");
        var (_, output, _) = Run.InProcess("fix", repository.Path, "--path-prefix", "sub", "--no-color");
        output.Should().StartWith("sub/backend/index.yaml:29:13: error: ");
    }

    [TestCase(new[] { "--format", "github" }, "--format github shows the diff in the job summary: it needs --dry-run")]
    [TestCase(new[] { "--dry-run", "--format", "sarif" }, "--format: 'sarif' is not one of")]
    [TestCase(new[] { "--dry-run", "--path-prefix", "/abs" }, "--path-prefix: '/abs' must be relative to the root of the checkout")]
    public void A_bad_combination_is_a_usage_error_and_changes_nothing(string[] options, string problem)
    {
        using var repository = Fixture.Materialize("BL3001-not-notparallel");
        var before = Snapshot(repository.Path);
        var (exit, output, error) = Run.InProcess(["fix", repository.Path, .. options]);
        exit.Should().Be(ExitCode.Usage);
        output.Should().BeEmpty();
        error.Should().StartWith($"backendlint: {problem}");
        Snapshot(repository.Path).Should().Equal(before);
    }

    [Test]
    public void A_fence_in_the_repository_cannot_close_the_block()
    {
        // A Makefile comment next to the list the fix edits: its backticks are context lines of the diff.
        using var repository = Fixture.Materialize("BL3001-not-notparallel");
        var makefile = Path.Combine(repository.Path, "Makefile");
        File.WriteAllText(makefile, File.ReadAllText(makefile).Replace("\nGOCMD=go\n", "\n# ```` and ``````\n``````\nGOCMD=go\n"));
        var diff = Run.InProcess("fix", repository.Path, "--dry-run").Out;
        diff.Should().Contain("``````", "the test needs backticks inside the diff");

        var markdown = Run.InProcess("fix", repository.Path, "--dry-run", "--format", "github").Out;
        markdown.Should().Contain("\n```````diff\n", "the fence is one longer than the longest run of backticks in the diff");
        Fenced(markdown).Should().Be(diff);
    }

    [Test]
    public void A_huge_diff_is_cut_before_a_hunk_with_a_note()
    {
        var diff = Diff(files: 3, hunks: 400);
        var markdown = GitHubReporter.FixSummary(diff, "many findings");
        Encoding.UTF8.GetByteCount(markdown).Should().BeLessThan(GitHubReporter.MaxFixDiffBytes + 2048);
        var shown = Fenced(markdown);
        diff.Should().StartWith(shown);
        diff[shown.Length..].Should().StartWith("@@ ", "what is shown ends with a whole hunk, so it still applies");
        var lines = shown.Split('\n').Length - 1;
        markdown.Should().EndWith($"```\n\nThe diff is cut: {lines:N0} of its {diff.Split('\n').Length - 1:N0} lines are shown (a job summary holds 1 MiB, and this one shows at most 64 KiB of diff). `backendlint fix --dry-run` prints all of it.\n\n");
    }

    [Test]
    public void A_cut_before_a_files_first_hunk_leaves_out_its_header_too()
    {
        var first = Diff(files: 1, hunks: 1, "a");
        var second = Diff(files: 1, hunks: 1, "b");
        var whole = GitHubReporter.FixSummary(first + second, "2 findings");
        Fenced(whole).Should().Be(first + second);
        // Room for the first file and the start of the second's only hunk.
        var room = Encoding.UTF8.GetByteCount(whole[..whole.IndexOf("```diff", StringComparison.Ordinal)]) + 512 + Encoding.UTF8.GetByteCount(first) + 200;
        var markdown = GitHubReporter.FixSummary(first + second, "2 findings", room);
        Fenced(markdown).Should().Be(first);
        markdown.Should().Contain("The diff is cut: 7 of its 14 lines are shown");
    }

    [Test]
    public void A_hunk_too_big_for_the_room_is_cut_at_a_line()
    {
        var diff = Diff(files: 1, hunks: 1, lines: 5000);
        var markdown = GitHubReporter.FixSummary(diff, "1 finding", room: 20_000);
        Encoding.UTF8.GetByteCount(markdown).Should().BeLessThanOrEqualTo(20_000);
        var shown = Fenced(markdown);
        shown.Should().NotBeEmpty();
        diff.Should().StartWith(shown);
        markdown.Should().Contain("The diff is cut: ");
    }

    [Test]
    public void With_no_room_left_only_the_note_is_written()
    {
        var markdown = GitHubReporter.FixSummary(Diff(files: 1, hunks: 2), "2 findings", room: 100);
        markdown.Should().NotContain("```diff").And.Contain("The diff is cut: 0 of its ");
        Encoding.UTF8.GetByteCount(markdown).Should().BeLessThan(1024);
    }

    [Test]
    public void The_section_fits_in_what_the_findings_left_of_the_step_summary()
    {
        using var repository = Fixture.Materialize("adoption-debt");
        var summary = Path.GetTempFileName();
        try
        {
            var table = GitHubReporter.StepSummaryLimit - 1000;
            File.WriteAllText(summary, new string('x', table));
            var env = new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = summary };
            Run.InProcess(env, "fix", repository.Path, "--dry-run", "--format", "github").Exit.Should().Be(ExitCode.Findings);
            new FileInfo(summary).Length.Should().BeLessThanOrEqualTo(GitHubReporter.StepSummaryLimit);
            var section = File.ReadAllText(summary)[table..];
            section.Should().StartWith("### Suggested fixes").And.Contain("The diff is cut: ");
        }
        finally
        {
            File.Delete(summary);
        }
    }

    [Test]
    public void A_diff_with_crlf_line_ends_says_where_to_get_it_exactly()
    {
        GitHubReporter.FixSummary("--- a/M\r\n+++ b/M\r\n@@ -1 +1,2 @@\r\n x\r\n+y\r\n", "1 finding").Should().Contain("CRLF line ends");
        GitHubReporter.FixSummary(Diff(files: 1, hunks: 1), "1 finding").Should().NotContain("CRLF");
    }

    [Test]
    public void Values_in_the_sentence_are_text_not_markdown()
    {
        GitHubReporter.FixSummary(Diff(files: 1, hunks: 1), "1 finding (BL3001 1) in '[x](https://example.invalid)<img>'")
            .Should().Contain("in '\\[x\\]\\(https://example.invalid\\)&lt;img&gt;'.");
    }

    [Test]
    public void The_documented_finding_and_diff_are_real_output()
    {
        var doc = File.ReadAllText(Path.Combine(Lint.RepositoryRoot, "docs", "fix.md"));
        using var repository = Fixture.Materialize("BL3001-not-notparallel");
        var finding = Run.InProcess(repository.Path, "--no-color").Out;
        doc.Should().Contain("```\n" + string.Concat(finding.Split('\n').Take(2).Select(l => l + "\n")) + "```\n");
        var start = doc.IndexOf("```diff\n", StringComparison.Ordinal) + "```diff\n".Length;
        doc[start..doc.IndexOf("```\n", start, StringComparison.Ordinal)].Should().Be(Run.InProcess("fix", repository.Path, "--dry-run").Out);
    }

    /// <summary>The text of the summary's one fenced block, checked to be closed only by its own fence.</summary>
    private static string Fenced(string markdown)
    {
        var lines = markdown.Split('\n');
        var open = Array.FindIndex(lines, l => l.StartsWith("```", StringComparison.Ordinal));
        open.Should().BeGreaterThanOrEqualTo(0, "the summary has a fenced block");
        var fence = lines[open][..lines[open].TakeWhile(c => c == '`').Count()];
        lines[open].Should().Be(fence + "diff");
        // CommonMark: a line of up to three spaces and at least as many backticks as the fence closes it.
        var close = Array.FindIndex(lines, open + 1, l => l.Length - l.TrimStart(' ').Length <= 3
            && l.Trim().Length >= fence.Length && l.Trim().All(c => c == '`'));
        close.Should().BeGreaterThan(open);
        lines[close].Should().Be(fence, "only the summary's own fence closes the block");
        return string.Join('\n', lines[(open + 1)..close]) + "\n";
    }

    private static string Diff(int files, int hunks, string name = "Makefile", int lines = 3)
    {
        var builder = new StringBuilder();
        for (var f = 0; f < files; f++)
        {
            builder.Append($"--- a/{name}{f}\n+++ b/{name}{f}\n");
            for (var h = 0; h < hunks; h++)
            {
                builder.Append($"@@ -{h * 10 + 1},{lines} +{h * 11 + 1},{lines + 1} @@\n");
                for (var l = 0; l < lines; l++)
                    builder.Append($" context line {l} of hunk {h}, long enough to make the diff big\n");
                builder.Append($"+\tbackends/added-{h} \\\n");
            }
        }

        return builder.ToString();
    }

    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
}
