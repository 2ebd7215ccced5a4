using System.Text.RegularExpressions;
using BackendLint.Cli;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Cli;

/// <summary>
/// <c>--path-prefix</c>: a repository linted as a folder of a larger checkout (the action's
/// <c>path:</c> input) is reported with paths from the checkout's root, in every format, and
/// nothing else changes.
/// </summary>
public class PathPrefixTests
{
    [Test]
    public void Text_output_names_every_file_under_the_prefix()
    {
        using var fixture = Fixture.Materialize("BL3001-not-notparallel");
        var plain = Run.InProcess(fixture.Path, "--no-color");

        var prefixed = Run.InProcess(fixture.Path, "--no-color", "--path-prefix", "sub");

        prefixed.Exit.Should().Be(plain.Exit).And.Be(ExitCode.Findings);
        prefixed.Out.Should().StartWith("sub/Makefile:41:19: error: ").And.Contain("\n    sub/Makefile:4:2: note: ");
        prefixed.Out.Should().Be(Regex.Replace(plain.Out, @"^( {4})?(?=[^ \n]+:\d+:\d+: )", "$1sub/", RegexOptions.Multiline));
    }

    [Test]
    public void Annotations_name_the_file_and_the_related_location_under_the_prefix()
    {
        using var fixture = Fixture.Materialize("BL3001-not-notparallel");

        var (_, output, _) = Run.InProcess(fixture.Path, "--format", "github", "--path-prefix", "./lint/sub/");

        output.Should().StartWith("::error file=lint/sub/Makefile,line=41,").And.Contain("%0Alint/sub/Makefile:4:2: ");
    }

    [TestCase("sarif", "uri")]
    [TestCase("json", "file")]
    public void Sarif_and_json_differ_only_in_the_prefixed_paths(string format, string key)
    {
        // The configuration fixture has suppressions, whose locations are reported too.
        using var fixture = Fixture.Materialize("adoption-config");
        var plain = Run.InProcess(fixture.Path, "--format", format, "--include-suppressed").Out;

        var prefixed = Run.InProcess(fixture.Path, "--format", format, "--include-suppressed", "--path-prefix", "sub").Out;

        Regex.Matches(prefixed, $"\"{key}\": \"([^\"]*)\"").Select(m => m.Groups[1].Value).Should().NotBeEmpty().And.OnlyContain(p => p.StartsWith("sub/"));
        prefixed.Replace($"\"{key}\": \"sub/", $"\"{key}\": \"").Should().Be(plain);
    }

    [Test]
    public void An_input_error_names_the_file_under_the_prefix_on_stderr_and_in_sarif()
    {
        var repo = BrokenRepository.Create("backend/index.yaml", "- name: [unclosed\n");
        try
        {
            var sarif = Path.Combine(repo, "out.sarif");
            var (exit, _, error) = Run.InProcess(repo, "--path-prefix", "sub", "--sarif", sarif);

            exit.Should().Be(ExitCode.InputError);
            error.Should().StartWith("sub/backend/index.yaml:2:1: error: ");
            File.ReadAllText(sarif).Should().Contain("\"uri\": \"sub/backend/index.yaml\"").And.NotContain("\"uri\": \"backend/index.yaml\"");
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }

    [Test]
    public void Paths_named_on_the_command_line_keep_their_names()
    {
        var config = Path.Combine(Path.GetTempPath(), $"backendlint-{Guid.NewGuid():N}.yml");
        File.WriteAllText(config, "unknown: 1\n");
        try
        {
            Run.InProcess(Fixture.BaseDirectory, "--config", config, "--path-prefix", "sub").Err.Should().StartWith($"{config}:1:1: error: ");
            Run.InProcess("check", "no-such-repository", "--path-prefix", "sub").Err.Should().StartWith("no-such-repository:1:1: error: ");
        }
        finally
        {
            File.Delete(config);
        }
    }

    [TestCase(".")]
    [TestCase("./")]
    public void The_current_directory_adds_nothing(string prefix)
    {
        using var fixture = Fixture.Materialize("BL3001-not-notparallel");

        Run.InProcess(fixture.Path, "--path-prefix", prefix).Should().Be(Run.InProcess(fixture.Path));
    }

    [TestCase("/work/sub")]
    [TestCase("")]
    public void A_rooted_or_empty_prefix_is_a_usage_error(string prefix)
    {
        var (exit, output, error) = Run.InProcess(Fixture.BaseDirectory, "--path-prefix", prefix);

        exit.Should().Be(ExitCode.Usage);
        output.Should().BeEmpty();
        error.Should().StartWith("backendlint: --path-prefix: ");
    }
}
