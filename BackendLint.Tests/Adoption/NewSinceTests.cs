using BackendLint.Cli;
using BackendLint.Tests.Git;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Adoption;

/// <summary>
/// <c>check --new-since REV</c>: the sources at REV are read from the repository's objects, and only
/// findings whose fingerprint is not found there count. A commit is blocked by what it introduces,
/// not by what was already there.
/// </summary>
public class NewSinceTests
{
    private static (Fixture Fixture, GitTestRepository Git) Repository(string fixture)
    {
        var materialized = Fixture.Materialize(fixture);
        var git = new GitTestRepository(materialized.Path);
        git.Commit("base");
        return (materialized, git);
    }

    [Test]
    public void A_change_that_introduces_a_problem_fails_and_one_that_touches_other_lines_passes()
    {
        var (fixture, git) = Repository("adoption-debt");
        using var _ = fixture;
        var makefile = Path.Combine(git.Path, "Makefile");

        // Other lines only: a comment and a reordered line. The four old findings remain.
        File.WriteAllText(makefile, "# touched\n" + File.ReadAllText(makefile).Replace("GOCMD=go\n", "", StringComparison.Ordinal).Replace("UBUNTU_VERSION?=2404\n", "UBUNTU_VERSION?=2404\nGOCMD=go\n", StringComparison.Ordinal));
        Run.InProcess("check", git.Path, "--new-since", "HEAD").Should().Be((ExitCode.Success, "0 errors, 0 warnings in 0 of 6 backends (4 already at HEAD)\n", ""));
        Run.InProcess("check", git.Path).Exit.Should().Be(ExitCode.Findings, "without --new-since the old findings count");
        git.Commit("touch");

        // A new problem: kokoro leaves .NOTPARALLEL.
        File.WriteAllText(makefile, File.ReadAllText(makefile).Replace("\tbackends/vllm backends/kokoro \\\n", "\tbackends/vllm \\\n", StringComparison.Ordinal));
        var (exit, output, error) = Run.InProcess("check", git.Path, "--new-since", "HEAD", "--no-color");
        exit.Should().Be(ExitCode.Findings);
        error.Should().BeEmpty();
        output.Should().StartWith("Makefile:43:19: error: Target 'backends/kokoro' is missing from the '.NOTPARALLEL' list. (fixable) [BL3001]\n")
            .And.EndWith("1 error, 0 warnings in 1 of 6 backends (4 already at HEAD)\n");

        // Against the first commit, by id and by HEAD~1, the same.
        Run.InProcess("check", git.Path, "--new-since", "HEAD~1").Exit.Should().Be(ExitCode.Findings);
        Run.InProcess("check", git.Path, "--new-since", git.Git("rev-parse", "HEAD~1")[..12]).Exit.Should().Be(ExitCode.Findings);
        git.Commit("break kokoro");
        Run.InProcess("check", git.Path, "--new-since", "HEAD").Exit.Should().Be(ExitCode.Success);
    }

    [Test]
    public void A_change_of_the_backend_tree_alone_is_not_taken_for_an_unchanged_repository()
    {
        // Every source file is byte for byte HEAD's: only the tree differs. Reusing today's findings
        // for HEAD would count the new one as already there.
        var (fixture, git) = Repository(Fixture.Base);
        using var _ = fixture;
        Directory.Delete(Path.Combine(git.Path, "backend", "go", "whisper"), recursive: true);

        var (exit, output, _) = Run.InProcess("check", git.Path, "--new-since", "HEAD", "--no-color");

        exit.Should().Be(ExitCode.Findings);
        output.Should().StartWith("Makefile:38:19: error: Backend 'whisper' is built from 'backend/go/whisper/'")
            .And.EndWith("1 error, 0 warnings in 1 of 6 backends\n");
        git.Commit("remove whisper");
        Run.InProcess("check", git.Path, "--new-since", "HEAD").Exit.Should().Be(ExitCode.Success, "at HEAD the directory is gone too");
    }

    [Test]
    public void A_change_of_the_change_filter_alone_is_not_taken_for_an_unchanged_repository()
    {
        var (fixture, git) = Repository(Fixture.Base);
        using var _ = fixture;
        var filter = Path.Combine(git.Path, Lint.ChangeFilterFile);
        File.WriteAllText(filter, File.ReadAllText(filter).Replace("endsWith(\"llama-cpp\")", "endsWith(\"llama\")", StringComparison.Ordinal));

        var (exit, output, _) = Run.InProcess("check", git.Path, "--new-since", "HEAD", "--no-color");

        exit.Should().Be(ExitCode.Findings);
        output.Should().Contain("[BL2006]").And.EndWith("1 error, 0 warnings in 1 of 6 backends\n");
    }

    [Test]
    public void Sources_unchanged_since_the_revision_are_not_read_from_it_again()
    {
        // The findings at REV of sources whose bytes have not changed are today's. The proof that
        // REV is not read again: its gallery blob is gone, which a full read reports.
        var (fixture, git) = Repository("adoption-debt");
        using var _ = fixture;
        var blob = git.Git("rev-parse", "HEAD:backend/index.yaml");
        File.Delete(Path.Combine(git.GitDirectory, "objects", blob[..2], blob[2..]));
        Run.InProcess("check", git.Path, "--new-since", "HEAD").Should().Be((ExitCode.Success, "0 errors, 0 warnings in 0 of 6 backends (4 already at HEAD)\n", ""));

        // One byte more in the work tree, and REV is read in full: without its gallery, the gallery's findings count as new.
        File.AppendAllText(Path.Combine(git.Path, "backend", "index.yaml"), "\n");
        var (exit, _, error) = Run.InProcess("check", git.Path, "--new-since", "HEAD");
        exit.Should().Be(ExitCode.Findings);
        error.Should().StartWith("backendlint: note: at HEAD, backend/index.yaml:1:1: error: at HEAD: object " + blob);
    }

    [Test]
    public void The_sarif_marks_new_and_unchanged_results()
    {
        var (fixture, git) = Repository("adoption-debt");
        using var _ = fixture;
        var makefile = Path.Combine(git.Path, "Makefile");
        File.WriteAllText(makefile, File.ReadAllText(makefile).Replace("\tbackends/vllm backends/kokoro \\\n", "\tbackends/vllm \\\n", StringComparison.Ordinal));
        var sarif = Run.InProcess("check", git.Path, "--new-since", "main", "--format", "sarif").Out;
        sarif.Split("\"baselineState\": \"unchanged\"").Should().HaveCount(5);
        sarif.Split("\"baselineState\": \"new\"").Should().HaveCount(2);
        SarifSchema.Errors(sarif).Should().BeEmpty();
    }

    [Test]
    public void A_linted_directory_below_the_top_level_reads_the_same_directory_at_the_revision()
    {
        using var fixture = Fixture.Materialize("adoption-debt");
        using var git = new GitTestRepository();
        var sub = Path.Combine(git.Path, "vendor", "localai");
        Directory.CreateDirectory(Path.GetDirectoryName(sub)!);
        Directory.Move(fixture.Path, sub);
        Directory.CreateDirectory(fixture.Path); // Fixture.Dispose deletes it
        git.Commit("vendored");
        Run.InProcess("check", sub, "--new-since", "HEAD").Should().Be((ExitCode.Success, "0 errors, 0 warnings in 0 of 6 backends (4 already at HEAD)\n", ""));
    }

    [Test]
    public void A_source_missing_at_the_revision_makes_its_findings_new_and_says_so()
    {
        var (fixture, git) = Repository("adoption-debt");
        using var _ = fixture;
        git.Git("rm", "-q", "backend/index.yaml");
        git.Commit("no gallery yet");
        git.Git("checkout", "-q", "HEAD~1", "--", "backend/index.yaml");
        var (exit, output, error) = Run.InProcess("check", git.Path, "--new-since", "HEAD");
        exit.Should().Be(ExitCode.Findings);
        output.Should().EndWith("1 error, 0 warnings in 1 of 6 backends (3 already at HEAD)\n", "the gallery's BL1003 finding is new");
        error.Should().Be("backendlint: note: at HEAD, backend/index.yaml:1:1: error: the file does not exist; the findings that need it count as new\n");
    }

    [Test]
    public void A_repository_without_a_commit_counts_every_finding_as_new()
    {
        using var fixture = Fixture.Materialize("BL3001-not-notparallel");
        var git = new GitTestRepository(fixture.Path); // the fixture deletes the directory
        var (exit, _, error) = Run.InProcess("check", git.Path, "--new-since", "HEAD");
        exit.Should().Be(ExitCode.Findings);
        error.Should().Be("backendlint: note: --new-since HEAD: the repository has no commit yet, so every finding is new\n");
    }

    [Test]
    public void An_unknown_revision_and_no_repository_are_one_line_errors()
    {
        var (fixture, git) = Repository("localai-default");
        using var _ = fixture;
        var (exit, output, error) = Run.InProcess("check", git.Path, "--new-since", "no-such-branch");
        exit.Should().Be(ExitCode.InputError);
        output.Should().BeEmpty();
        error.Should().StartWith("backendlint: --new-since no-such-branch: ").And.EndWith("\n");
        error.TrimEnd('\n').Should().NotContain("\n");

        using var plain = Fixture.Materialize("localai-default");
        var outside = Run.InProcess(new Dictionary<string, string?>(), "check", plain.Path, "--new-since", "HEAD");
        outside.Exit.Should().Be(ExitCode.InputError);
        outside.Err.Should().Be($"backendlint: --new-since HEAD: '{plain.Path}' is not inside a git repository\n");
    }

    [Test]
    public void A_shallow_clone_without_the_revision_names_the_fix()
    {
        var (fixture, git) = Repository("localai-default");
        using var _ = fixture;
        git.Write("README", "second\n");
        git.Commit("second");
        using var clone = new GitTestRepository(init: false);
        GitTestRepository.Run(clone.Path, "clone", "-q", "--depth", "1", "file://" + git.Path, ".");

        var (exit, _, error) = Run.InProcess("check", clone.Path, "--new-since", "HEAD~1");
        exit.Should().Be(ExitCode.InputError);
        error.Should().StartWith("backendlint: --new-since HEAD~1: ").And.Contain("fetch-depth: 0");
        Run.InProcess("check", clone.Path, "--new-since", "HEAD").Exit.Should().Be(ExitCode.Success);
    }

    [Test]
    public void Nothing_in_the_repository_is_run_or_written()
    {
        var (fixture, git) = Repository("adoption-debt");
        using var _ = fixture;
        // Hooks, filters and an fsmonitor that would leave a marker if anything ran them.
        var marker = Path.Combine(git.Path, "ran");
        var hook = Path.Combine(git.GitDirectory, "hooks", "post-checkout");
        File.WriteAllText(hook, $"#!/bin/sh\ntouch '{marker}'\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        git.Git("config", "core.fsmonitor", $"touch '{marker}'");
        git.Git("config", "filter.evil.smudge", $"touch '{marker}'");
        File.WriteAllText(Path.Combine(git.Path, ".gitattributes"), "* filter=evil\n");
        var before = Directory.EnumerateFiles(git.GitDirectory, "*", SearchOption.AllDirectories).Select(f => (f, File.GetLastWriteTimeUtc(f))).ToList();

        Run.InProcess("check", git.Path, "--new-since", "HEAD").Exit.Should().Be(ExitCode.Success, "the four findings are already at HEAD");
        File.Exists(marker).Should().BeFalse();
        Directory.EnumerateFiles(git.GitDirectory, "*", SearchOption.AllDirectories).Select(f => (f, File.GetLastWriteTimeUtc(f))).Should().Equal(before);
    }
}
