using System.Text;
using BackendLint.Cli;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Cli;

/// <summary><c>backendlint fix</c> as users run it: what it writes, what a dry run prints, and its exit codes.</summary>
public class FixCommandTests
{
    private static string Read(Fixture fixture, string path) => File.ReadAllText(Path.Combine(fixture.Path, path));

    private static Dictionary<string, byte[]> Snapshot(Fixture fixture) =>
        Directory.EnumerateFiles(fixture.Path, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(fixture.Path, f), File.ReadAllBytes);

    [Test]
    public void Fix_writes_the_missing_item_reports_what_remains_and_exits_on_it()
    {
        using var fixture = Fixture.Materialize("BL3001-not-notparallel");
        var (exit, output, error) = Run.InProcess("fix", fixture.Path, "--no-color");
        exit.Should().Be(ExitCode.Success);
        output.Should().Be("0 errors, 0 warnings in 0 of 6 backends\n");
        error.Should().Be("backendlint: fixed 1 finding (BL3001 1) in 'Makefile'\n");
        Read(fixture, "Makefile").Should().StartWith("# Disable parallel execution for backend builds\n.NOTPARALLEL: backends/llama-cpp backends/whisper \\\n\tbackends/vllm \\\n\tbackends/kokoro \\\n\tbackends/llama-cpp-darwin\n");
        Run.InProcess(fixture.Path, "--no-color").Exit.Should().Be(ExitCode.Success);
    }

    [Test]
    public void A_dry_run_prints_a_diff_changes_nothing_and_exits_on_what_would_remain()
    {
        using var fixture = Fixture.Materialize("BL3001-not-notparallel");
        var before = Snapshot(fixture);
        var (exit, output, error) = Run.InProcess("fix", fixture.Path, "--dry-run");
        exit.Should().Be(ExitCode.Success);
        output.Should().Be("""
            --- a/Makefile
            +++ b/Makefile
            @@ -1,6 +1,7 @@
             # Disable parallel execution for backend builds
             .NOTPARALLEL: backends/llama-cpp backends/whisper \
             	backends/vllm \
            +	backends/kokoro \
             	backends/llama-cpp-darwin
             
             GOCMD=go

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        error.Should().Be("backendlint: would fix 1 finding (BL3001 1) in 'Makefile'; nothing was changed\n");
        Snapshot(fixture).Should().BeEquivalentTo(before);
    }

    [Test]
    public void A_second_fix_changes_nothing()
    {
        using var fixture = Fixture.Materialize("BL3002-not-in-docker-build-backends");
        Run.InProcess("fix", fixture.Path).Exit.Should().Be(ExitCode.Success);
        var once = Snapshot(fixture);
        var (exit, output, error) = Run.InProcess("fix", fixture.Path, "--dry-run");
        (exit, output, error).Should().Be((ExitCode.Success, "", "backendlint: nothing to fix\n"));
        Run.InProcess("fix", fixture.Path).Err.Should().Be("backendlint: nothing to fix\n");
        Snapshot(fixture).Should().BeEquivalentTo(once);
    }

    [Test]
    public void Rule_fixes_only_the_rules_named_and_the_rest_decides_the_exit_code()
    {
        using var fixture = Fixture.Materialize("BL3001-not-notparallel");
        var makefile = Read(fixture, "Makefile").Replace(" docker-build-whisper", "", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(fixture.Path, "Makefile"), makefile);

        var (exit, output, _) = Run.InProcess("fix", fixture.Path, "--rule", "bl3002", "--no-color");
        exit.Should().Be(ExitCode.Findings, "the BL3001 error is left");
        output.Should().Contain("[BL3001]").And.NotContain("[BL3002]");
        Run.InProcess("fix", fixture.Path, "--rule", "BL3002", "--dry-run").Err.Should().Be("backendlint: nothing to fix\n");
        Run.InProcess("fix", fixture.Path, "--rule", "BL3002,BL3001").Exit.Should().Be(ExitCode.Success);
    }

    [Test]
    public void Fail_level_applies_to_what_remains()
    {
        using var fixture = Fixture.Materialize("BL3002-not-in-docker-build-backends");
        Run.InProcess("fix", fixture.Path, "--dry-run", "--rule", "BL3001", "--fail-level", "warning").Exit.Should().Be(ExitCode.Findings);
        Run.InProcess("fix", fixture.Path, "--dry-run", "--fail-level", "warning").Exit.Should().Be(ExitCode.Success);
    }

    [TestCase("--rule", "BL9999", "--rule: 'BL9999' is not a rule")]
    [TestCase("--fail-level", "fatal", "--fail-level")]
    public void A_bad_option_is_a_usage_error(string option, string value, string message)
    {
        var (exit, _, error) = Run.InProcess("fix", Fixture.BaseDirectory, option, value);
        exit.Should().Be(ExitCode.Usage);
        error.Should().Contain(message);
    }

    [Test]
    public void A_source_that_cannot_be_read_fixes_nothing()
    {
        using var fixture = Fixture.Materialize("BL3001-not-notparallel");
        File.AppendAllText(Path.Combine(fixture.Path, "backend", "index.yaml"), "- [unclosed\n");
        var before = Snapshot(fixture);
        var (exit, output, error) = Run.InProcess("fix", fixture.Path);
        exit.Should().Be(ExitCode.InputError);
        output.Should().BeEmpty();
        error.Should().StartWith("backend/index.yaml:").And.EndWith("backendlint: nothing fixed, as a source could not be read\n");
        Snapshot(fixture).Should().BeEquivalentTo(before);
    }

    [Test]
    public void A_suppressed_finding_is_not_fixed()
    {
        using var fixture = Fixture.Materialize("BL3001-not-notparallel");
        var path = Path.Combine(fixture.Path, "Makefile");
        File.WriteAllText(path, File.ReadAllText(path).Replace("# BL3001: 'backends/kokoro' is not in .NOTPARALLEL", "# backendlint: ignore[BL3001] serialized elsewhere", StringComparison.Ordinal));
        var before = Snapshot(fixture);
        Run.InProcess("fix", fixture.Path).Should().Be((ExitCode.Success, "0 errors, 0 warnings in 0 of 6 backends (1 suppressed)\n", "backendlint: nothing to fix\n"));
        Snapshot(fixture).Should().BeEquivalentTo(before);
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Crlf_line_ends_a_byte_order_mark_and_the_file_mode_are_kept()
    {
        using var fixture = Fixture.Materialize("BL3002-not-in-docker-build-backends");
        var path = Path.Combine(fixture.Path, "Makefile");
        var crlf = File.ReadAllText(path).Replace("\n", "\r\n", StringComparison.Ordinal);
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(crlf)]);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead);

        Run.InProcess("fix", fixture.Path).Exit.Should().Be(ExitCode.Success);
        var bytes = File.ReadAllBytes(path);
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        text.Replace("\r\n", "", StringComparison.Ordinal).Should().NotContain("\n", "every line still ends in CRLF");
        text.Should().Contain("docker-build-whisper");
        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead);
        Directory.EnumerateFiles(fixture.Path, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Test]
    public void A_source_that_is_a_link_inside_the_repository_stays_a_link_and_its_file_is_edited()
    {
        using var fixture = Fixture.Materialize("BL3002-not-in-docker-build-backends");
        var makefile = Path.Combine(fixture.Path, "Makefile");
        Directory.CreateDirectory(Path.Combine(fixture.Path, "build"));
        File.Move(makefile, Path.Combine(fixture.Path, "build", "Makefile.real"));
        File.CreateSymbolicLink(makefile, Path.Combine("build", "Makefile.real"));

        Run.InProcess("fix", fixture.Path).Exit.Should().Be(ExitCode.Success);
        new FileInfo(makefile).LinkTarget.Should().Be(Path.Combine("build", "Makefile.real"));
        Read(fixture, Path.Combine("build", "Makefile.real")).Should().Contain("docker-build-whisper");
    }

    [Test]
    public void A_clean_repository_has_nothing_to_fix()
    {
        var before = Directory.EnumerateFiles(Fixture.BaseDirectory, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
        Run.InProcess("fix", Fixture.BaseDirectory, "--dry-run").Should().Be((ExitCode.Success, "", "backendlint: nothing to fix\n"));
        Directory.EnumerateFiles(Fixture.BaseDirectory, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes).Should().BeEquivalentTo(before);
    }

    [Test]
    public void The_real_process_fixes_and_its_dry_run_applies_with_git()
    {
        using var fixture = Fixture.Materialize("BL3002-not-in-docker-build-backends");
        using var copy = Fixture.Materialize("BL3002-not-in-docker-build-backends");
        var (exit, diff, _) = Run.Process("fix", fixture.Path, "--dry-run");
        exit.Should().Be(ExitCode.Success);
        File.WriteAllText(Path.Combine(copy.Path, "fix.patch"), diff);
        var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", ["apply", "fix.patch"]) { WorkingDirectory = copy.Path })!;
        git.WaitForExit();
        git.ExitCode.Should().Be(0);
        File.Delete(Path.Combine(copy.Path, "fix.patch"));

        Run.Process("fix", fixture.Path).Exit.Should().Be(ExitCode.Success);
        Read(copy, "Makefile").Should().Be(Read(fixture, "Makefile"));
    }
}
