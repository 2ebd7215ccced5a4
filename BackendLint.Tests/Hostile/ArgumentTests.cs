using BackendLint.Cli;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Hostile;

/// <summary>Command lines that used to weaken the gate silently: an unset variable, an extra word, an output over an input.</summary>
public class ArgumentTests
{
    private static readonly string Clean = Path.Combine(Lint.FixturesDirectory, "localai-default");

    // What '--sarif $UNSET --fail-level warning' becomes: the level was dropped and the run exited 0.
    [TestCase("--sarif", "--fail-level", "warning")]
    [TestCase("--output", "-x")]
    [TestCase("--config", "--no-color")]
    public void An_option_value_that_looks_like_an_option_is_a_usage_error(params string[] options)
    {
        var (exit, output, error) = Run.InProcess(["check", Clean, .. options]);
        exit.Should().Be(ExitCode.Usage);
        output.Should().BeEmpty();
        error.Should().StartWith($"backendlint: {options[0]}: '{options[1]}' looks like an option, not a value");
    }

    [TestCase(new[] { "--sarif" }, "backendlint: --sarif: a value is missing")]
    [TestCase(new[] { "--sarif", "" }, "backendlint: --sarif: the value is empty")]
    [TestCase(new[] { "--sarif=" }, "backendlint: --sarif: the value is empty")]
    [TestCase(new[] { "extra" }, "backendlint: unexpected argument 'extra': give one PATH")]
    [TestCase(new[] { "--sarif", "out.sarif", "--output", "out.sarif" }, "backendlint: --sarif and --output name the same file")]
    public void Other_silent_mistakes_are_usage_errors(string[] options, string message)
    {
        var (exit, _, error) = Run.InProcess(["check", Clean, .. options]);
        exit.Should().Be(ExitCode.Usage);
        error.Should().StartWith(message + "\n");
    }

    [Test]
    public void An_output_over_a_source_is_a_usage_error_and_the_source_is_untouched()
    {
        var makefile = Path.Combine(Clean, "Makefile");
        var before = File.ReadAllText(makefile);
        var (exit, _, error) = Run.InProcess("check", Clean, "--sarif", makefile);
        exit.Should().Be(ExitCode.Usage);
        error.Should().StartWith($"backendlint: --sarif: '{makefile}' is a source the run reads");
        File.ReadAllText(makefile).Should().Be(before);
    }

    [Test]
    public void The_equals_form_still_works()
    {
        Run.InProcess("check", Clean, "--fail-level=warning").Exit.Should().Be(ExitCode.Success);
    }

    [TestCase("chekc", "backendlint: 'chekc' is neither a verb (check, fix, add, baseline, explain, model, rules) nor a directory; did you mean 'check'?")]
    [TestCase("lint", "backendlint: 'lint' is neither a verb (check, fix, add, baseline, explain, model, rules) nor a directory")]
    public void An_unknown_verb_is_a_usage_error_not_a_missing_directory(string verb, string message)
    {
        var (exit, _, error) = Run.InProcess(verb);
        exit.Should().Be(ExitCode.Usage);
        error.Should().StartWith(message + "\n");
    }

    [Test]
    public void A_source_outside_the_repository_is_a_usage_error()
    {
        var (exit, _, error) = Run.InProcess("check", Clean, "--makefile", "/etc/hostname");
        exit.Should().Be(ExitCode.Usage);
        error.Should().StartWith($"backendlint: --makefile: '/etc/hostname' is outside the repository '{Clean}'");
    }

    // A ' ', '#', '?' or ':' in a path must not start a fragment, query or scheme of the SARIF uri.
    [Test]
    public void Unusual_characters_in_a_source_path_make_a_valid_sarif_uri()
    {
        var repo = BrokenRepository.Create("README", "");
        try
        {
            Directory.CreateDirectory(Path.Combine(repo, "odd dir"));
            File.Move(Path.Combine(repo, "Makefile"), Path.Combine(repo, "odd dir", "make#1?:x"));
            var sarif = Path.Combine(repo, "out.sarif");
            Run.InProcess("check", repo, "--makefile", "odd dir/make#1?:x", "--sarif", sarif).Exit.Should().Be(ExitCode.Success);
            var text = File.ReadAllText(sarif);
            text.Should().Contain("\"uri\": \"odd%20dir/make%231%3F%3Ax\"");
            SarifSchema.Errors(text).Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }

    [Test]
    public void A_model_with_an_extra_argument_is_a_usage_error()
    {
        Run.InProcess("model", Clean, "extra").Exit.Should().Be(ExitCode.Usage);
    }
}
