using BackendLint.Cli;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Cli;

/// <summary>Every documented exit code, in-process through <see cref="LintCommand.Run"/>.</summary>
public class ExitCodeTests
{
    [Test]
    public void Clean_repository_exits_0()
    {
        Run.InProcess(Fixture.BaseDirectory).Exit.Should().Be(ExitCode.Success);
    }

    [Test]
    public void The_check_verb_is_the_default()
    {
        using var fixture = Fixture.Materialize("BL1001-image-not-built");
        Run.InProcess("check", fixture.Path).Should().Be(Run.InProcess(fixture.Path));
    }

    [Test]
    public void Errors_exit_1()
    {
        using var fixture = Fixture.Materialize("BL1001-image-not-built");
        Run.InProcess(fixture.Path).Exit.Should().Be(ExitCode.Findings);
    }

    [TestCase("error", ExitCode.Success)]
    [TestCase("warning", ExitCode.Findings)]
    [TestCase("note", ExitCode.Findings)]
    [TestCase("none", ExitCode.Success)]
    public void Fail_level_decides_whether_warnings_fail(string level, int exit)
    {
        using var fixture = Fixture.Materialize("BL3004-prepared-not-tested");
        Run.InProcess(fixture.Path, "--fail-level", level).Exit.Should().Be(exit);
    }

    [Test]
    public void Fail_level_none_passes_even_with_errors()
    {
        using var fixture = Fixture.Materialize("BL1001-image-not-built");
        Run.InProcess(fixture.Path, "--fail-level", "none").Exit.Should().Be(ExitCode.Success);
    }

    [TestCase("--format", "xml", "--format: 'xml' is not one of text, sarif, github, json")]
    [TestCase("--fail-level", "fatal", "--fail-level: 'fatal' is not one of error, warning, note, none")]
    public void A_bad_value_exits_2_and_says_which(string option, string value, string message)
    {
        var (exit, output, error) = Run.InProcess(Fixture.BaseDirectory, option, value);
        exit.Should().Be(ExitCode.Usage);
        output.Should().BeEmpty();
        error.Should().Contain(message).And.Contain("--help");
    }

    [Test]
    public void An_unknown_option_exits_2_with_usage()
    {
        var (exit, _, error) = Run.InProcess(Fixture.BaseDirectory, "--colour");
        exit.Should().Be(ExitCode.Usage);
        error.Should().Contain("colour").And.Contain("--fail-level");
    }

    [Test]
    public void An_unknown_rules_format_exits_2()
    {
        Run.InProcess("rules", "--format", "yaml").Exit.Should().Be(ExitCode.Usage);
    }

    [Test]
    public void Model_of_an_unknown_backend_exits_2()
    {
        var (exit, _, error) = Run.InProcess("model", Fixture.BaseDirectory, "--backend", "nope");
        exit.Should().Be(ExitCode.Usage);
        error.Should().Contain("no backend named 'nope'");
    }

    [TestCase("--help")]
    [TestCase("help")]
    public void Help_exits_0_on_stdout(string arg)
    {
        var (exit, output, error) = Run.InProcess(arg);
        exit.Should().Be(ExitCode.Success);
        output.Should().Contain("check").And.Contain("model").And.Contain("rules");
        error.Should().BeEmpty();
    }

    [Test]
    public void Version_exits_0()
    {
        var (exit, output, _) = Run.InProcess("--version");
        exit.Should().Be(ExitCode.Success);
        output.Should().StartWith("BackendLint ");
    }

    [Test]
    public void A_missing_repository_exits_3()
    {
        var (exit, output, error) = Run.InProcess(Path.Combine(Lint.FixturesDirectory, "no-such-fixture"));
        exit.Should().Be(ExitCode.InputError);
        output.Should().BeEmpty();
        error.Should().EndWith("1:1: error: the repository directory does not exist\n");
    }

    [Test]
    public void A_missing_config_file_exits_3()
    {
        Run.InProcess(Fixture.BaseDirectory, "--config", "no-such.yml").Should().Be((ExitCode.InputError, "", "no-such.yml:1:1: error: the configuration file does not exist\n"));
    }

    // One line for the source, one naming the rules that need it; the other rules still report (none here).
    [TestCase("backend/index.yaml", "- name: a\n  name: b\n", "backend/index.yaml:2:3: error: duplicate key 'name' in a mapping (first at line 1)", "BL1001, BL1002, BL1003, BL1004, BL1005, BL1006, BL1007, BL1008, BL1009, BL2001")]
    [TestCase("backend/index.yaml", "name: a\n", "backend/index.yaml:1:1: error: the top level of the gallery index must be a sequence of backend entries", "BL1001, BL1002, BL1003, BL1004, BL1005, BL1006, BL1007, BL1008, BL1009, BL2001")]
    [TestCase(".github/backend-matrix.yml", "include:\n  - backend: [\n", ".github/backend-matrix.yml:3:1: error: ", "BL1001, BL2001, BL2002, BL2003, BL2004, BL2005, BL2006, BL2007, BL4001, BL4002")]
    [TestCase("Makefile", null, "Makefile:1:1: error: the file does not exist", "BL2002, BL2005, BL3001, BL3002, BL3003, BL3004, BL4001, BL4002")]
    public void An_unparseable_or_missing_source_exits_3_with_one_line(string file, string? content, string expected, string notRun)
    {
        var repo = BrokenRepository.Create(file, content ?? "");
        try
        {
            if (content is null)
                File.Delete(Path.Combine(repo, file));
            var (exit, output, error) = Run.InProcess(repo);
            exit.Should().Be(ExitCode.InputError);
            Run.WithoutTotal(output).Should().Be("0 errors, 0 warnings in 0 backends\n");
            var lines = error.Split('\n');
            lines.Should().HaveCount(3, "an input error is one line, the rules it stops another, then the final newline");
            lines[0].Should().StartWith(expected);
            lines[1].Should().Be("backendlint: note: not run, as a source they need could not be read: " + notRun);
            error.Should().NotContain("   at ");
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }

    [Test]
    public void A_file_that_is_not_utf8_exits_3()
    {
        var repo = BrokenRepository.Create("Makefile", [(byte)'X', (byte)' ', (byte)'=', (byte)' ', 0xC3, (byte)'(', (byte)'\n']);
        try
        {
            Run.WithoutTotal(Run.InProcess(repo)).Should().Be((ExitCode.InputError, "0 errors, 0 warnings in 0 backends\n",
                "Makefile:1:5: error: the file is not valid UTF-8 (byte 0xC3)\nbackendlint: note: not run, as a source they need could not be read: BL2002, BL2005, BL3001, BL3002, BL3003, BL3004, BL4001, BL4002\n"));
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }

    [TestCase("backend/index.yaml", "- name: x\n  uri: \"a\xff\"\n", "backend/index.yaml:2:10: error: the file is not valid UTF-8 (byte 0xFF)\nbackendlint: note: not run, as a source they need could not be read: BL1001, BL1002, BL1003, BL1004, BL1005, BL1006, BL1007, BL1008, BL1009, BL2001\n")]
    [TestCase(".github/backend-matrix.yml", "include:\n  - backend: \"a\xc3\"\n", ".github/backend-matrix.yml:2:16: error: the file is not valid UTF-8 (byte 0xC3)\nbackendlint: note: not run, as a source they need could not be read: BL1001, BL2001, BL2002, BL2003, BL2004, BL2005, BL2006, BL2007, BL4001, BL4002\n")]
    public void A_yaml_file_that_is_not_utf8_exits_3(string file, string latin1, string expected)
    {
        var repo = BrokenRepository.Create(file, System.Text.Encoding.Latin1.GetBytes(latin1));
        try
        {
            Run.WithoutTotal(Run.InProcess(repo)).Should().Be((ExitCode.InputError, "0 errors, 0 warnings in 0 backends\n", expected));
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }

    // Each broken source is one line, in reading order: the matrix's, then the gallery's, then the Makefile's.
    [TestCase(".github/backend-matrix.yml", "backend/index.yaml", ".github/backend-matrix.yml:2:")]
    [TestCase("backend/index.yaml", "Makefile", "backend/index.yaml:")]
    public void With_two_broken_files_both_are_reported_in_reading_order(string earlier, string later, string expected)
    {
        var repo = BrokenRepository.Create(earlier, "include: [unclosed\n  - x: 1\n");
        try
        {
            File.WriteAllBytes(Path.Combine(repo, later), later == "Makefile" ? [0xFF] : "- name: [unclosed\n"u8.ToArray());
            var (exit, output, error) = Run.InProcess(repo);
            exit.Should().Be(ExitCode.InputError);
            Run.WithoutTotal(output).Should().Be("0 errors, 0 warnings in 0 backends\n");
            var lines = error.TrimEnd('\n').Split('\n');
            lines.Should().HaveCount(3);
            lines[0].Should().StartWith(expected);
            lines[1].Should().StartWith(later + ":");
            lines[2].Should().StartWith("backendlint: note: not run, as a source they need could not be read: ");
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }

    [Test]
    public void An_alias_bomb_exits_3()
    {
        var lines = new List<string> { "- name: x", "  a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i <= 9; i++)
            lines.Add($"  a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        var repo = BrokenRepository.Create("backend/index.yaml", string.Join("\n", lines) + "\n");
        try
        {
            var (exit, _, error) = Run.InProcess(repo);
            exit.Should().Be(ExitCode.InputError);
            error.Should().Contain("alias bomb");
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }

    [Test]
    public void A_tree_without_the_data_matrix_file_is_fine()
    {
        using var fixture = Fixture.Materialize("localai-inline-matrix");
        File.Exists(Path.Combine(fixture.Path, Lint.MatrixFile)).Should().BeFalse();
        Run.InProcess(fixture.Path).Exit.Should().Be(ExitCode.Success);
    }

    [Test]
    public void An_explicitly_named_matrix_file_must_exist()
    {
        using var fixture = Fixture.Materialize("localai-inline-matrix");
        var (exit, _, error) = Run.InProcess(fixture.Path, "--matrix", "ci/matrix.yml");
        exit.Should().Be(ExitCode.InputError);
        error.Should().Be($"ci/matrix.yml:1:1: error: the file does not exist in '{fixture.Path}'\nbackendlint: note: not run, as a source they need could not be read: BL1001, BL2001, BL2002, BL2003, BL2004, BL2005, BL2006, BL2007, BL4001, BL4002\n");
    }
}

/// <summary>A few runs of the real executable: what CI and pre-commit see.</summary>
public class ProcessTests
{
    [Test]
    public void Clean_fixture_exits_0_and_prints_the_summary()
    {
        var (exit, output, error) = Run.Process("check", Fixture.BaseDirectory);
        (exit, output, error).Should().Be((0, "0 errors, 0 warnings in 0 of 6 backends\n", ""));
    }

    [Test]
    public void Broken_fixture_exits_1()
    {
        using var fixture = Fixture.Materialize("BL2001-image-not-in-gallery");
        var (exit, output, _) = Run.Process(fixture.Path);
        exit.Should().Be(1);
        output.Should().Be(File.ReadAllText(Path.Combine(Fixture.SourceDirectory("BL2001-image-not-in-gallery"), "expected.txt")));
    }

    [Test]
    public void Unknown_option_exits_2()
    {
        Run.Process("--no-such-option").Exit.Should().Be(2);
    }

    [Test]
    public void Missing_repository_exits_3_without_a_stack_trace()
    {
        var (exit, output, error) = Run.Process(Path.Combine(Lint.FixturesDirectory, "missing"));
        exit.Should().Be(3);
        output.Should().BeEmpty();
        error.Should().NotContain("   at ").And.EndWith("error: the repository directory does not exist\n");
    }
}
