using System.Diagnostics;
using System.Reflection;
using BackendLint.Checks;
using BackendLint.Cli;
using BackendLint.Tests.Support;
using CommandLine;

namespace BackendLint.Tests.Cli;

/// <summary>A command line people can learn: help pages, explain, finding the repository, paths an editor opens, no stray escapes.</summary>
public class CommandLineTests
{
    public static IEnumerable<TestCaseData> Verbs() =>
        new[] { typeof(LintOptions), typeof(BaselineOptions), typeof(ExplainOptions), typeof(ModelOptions), typeof(RulesOptions), typeof(FixOptions), typeof(AddOptions) }
            .Select(t => new TestCaseData(t.GetCustomAttribute<VerbAttribute>()!.Name, t).SetArgDisplayNames(t.Name));

    [TestCaseSource(nameof(Verbs))]
    public void Every_option_of_a_verb_is_on_its_help_page(string verb, Type options)
    {
        var page = HelpPages.Of(verb)!;
        foreach (var option in options.GetProperties().Select(p => p.GetCustomAttribute<OptionAttribute>()).OfType<OptionAttribute>())
            page.Should().Contain($"--{option.LongName}", $"'{verb}' has --{option.LongName}");
        foreach (var value in options.GetProperties().Select(p => p.GetCustomAttribute<ValueAttribute>()).OfType<ValueAttribute>().Where(v => !v.Hidden))
            page.Should().Contain(value.MetaName);
        HelpPages.Top.Should().Contain($"  {verb} ");
    }

    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("help")]
    public void Help_shows_the_verbs_and_the_options_of_check(string argument)
    {
        var (exit, output, error) = Run.InProcess(argument);
        exit.Should().Be(ExitCode.Success);
        error.Should().BeEmpty();
        output.Should().Be(HelpPages.Top).And.Contain("Verbs:").And.Contain("--fail-level LEVEL").And.Contain("--new-since REV");
    }

    [TestCase(new[] { "help", "baseline" }, "backendlint baseline [PATH]")]
    [TestCase(new[] { "baseline", "--help" }, "backendlint baseline [PATH]")]
    [TestCase(new[] { "help", "check" }, "backendlint [check] [PATH]")]
    [TestCase(new[] { "check", "-h" }, "backendlint [check] [PATH]")]
    [TestCase(new[] { "some/path", "--format", "json", "-h" }, "backendlint [check] [PATH]")]
    [TestCase(new[] { "rules", "-h" }, "backendlint rules [RULE]")]
    public void Help_for_a_verb_shows_its_page(string[] args, string start)
    {
        var (exit, output, _) = Run.InProcess(args);
        exit.Should().Be(ExitCode.Success);
        output.Should().StartWith(start);
    }

    [Test]
    public void Help_for_a_word_that_is_no_verb_is_a_usage_error_with_a_near_miss()
    {
        var (exit, output, error) = Run.InProcess("help", "baselin");
        exit.Should().Be(ExitCode.Usage);
        output.Should().BeEmpty();
        error.Should().StartWith("backendlint: 'baselin' is not a verb (check, fix, add, baseline, explain, model, rules); did you mean 'baseline'?\n");
    }

    [TestCase("explain")]
    [TestCase("rules")]
    public void Explain_prints_the_rule_page_offline(string verb)
    {
        foreach (var rule in CheckCatalog.Rules)
        {
            var (exit, output, _) = Run.InProcess(verb, rule.Id.ToLowerInvariant());
            exit.Should().Be(ExitCode.Success);
            output.Should().Be(File.ReadAllText(Path.Combine(Lint.RepositoryRoot, "docs", "rules", $"{rule.Id}.md")).ReplaceLineEndings("\n"));
        }
    }

    [Test]
    public void Explain_of_an_unknown_rule_is_a_usage_error()
    {
        Run.InProcess("explain", "BL3011").Should().Be((ExitCode.Usage, "", "backendlint: 'BL3011' is not a rule id; did you mean 'BL3001'?\nRun 'backendlint --help' for usage.\n"));
        Run.InProcess("explain", "nonsense").Err.Should().StartWith("backendlint: 'nonsense' is not a rule id; 'backendlint rules' lists them\n");
        Run.InProcess("explain", "BL3001", "BL3002").Exit.Should().Be(ExitCode.Usage);
        Run.InProcess("explain").Exit.Should().Be(ExitCode.Usage);
    }

    [Test]
    public void Without_path_the_repository_is_found_upward_and_text_paths_are_relative_to_where_it_runs()
    {
        using var fixture = Fixture.Materialize("BL3001-not-notparallel");
        var below = Path.Combine(fixture.Path, "backend", "python", "kokoro");
        var (exit, output, error) = InDirectory(below, "--no-color");
        exit.Should().Be(ExitCode.Findings);
        error.Should().BeEmpty();
        output.Should().Be(File.ReadAllText(Path.Combine(Fixture.SourceDirectory("BL3001-not-notparallel"), "expected.txt"))
            .Replace("Makefile:", "../../../Makefile:", StringComparison.Ordinal));

        // Machine formats stay repository-relative.
        InDirectory(below, "--format", "json").Out.Should().Contain("\"file\": \"Makefile\"");
        InDirectory(below, "--format", "github").Out.Should().Contain("file=Makefile,");
    }

    [Test]
    public void A_directory_in_no_repository_says_where_it_looked()
    {
        var nowhere = Directory.CreateTempSubdirectory("backendlint-nowhere-").FullName;
        try
        {
            var (exit, output, error) = InDirectory(nowhere);
            exit.Should().Be(ExitCode.InputError);
            output.Should().BeEmpty();
            error.Should().Be($"backendlint: no repository at or above '{nowhere}': none of these directories has .backendlint.yml, backend/index.yaml or .git; give the repository's PATH\n");
        }
        finally
        {
            Directory.Delete(nowhere);
        }
    }

    [Test]
    public void A_wrong_path_names_the_directory_it_looked_in()
    {
        var empty = Directory.CreateTempSubdirectory("backendlint-empty-").FullName;
        try
        {
            var (exit, _, error) = Run.InProcess("check", empty);
            exit.Should().Be(ExitCode.InputError);
            error.Should().Contain($"backend/index.yaml:1:1: error: the file does not exist in '{empty}'\n");
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [TestCase("xterm-256color", true)]
    [TestCase("dumb", false)]
    public void Colour_follows_term(string term, bool coloured)
    {
        using var fixture = Fixture.Materialize("BL3001-not-notparallel");
        var @out = new StringWriter();
        var console = new LintConsole(@out, new StringWriter(), OutIsTerminal: true, name => name == "TERM" ? term : null) { CurrentDirectory = fixture.Path };
        LintCommand.Run(["check", fixture.Path], console);
        @out.ToString().Contains('\u001b').Should().Be(coloured);
    }

    [Test]
    public void On_a_terminal_nothing_but_the_report_is_written()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/usr/bin/script"))
            Assert.Ignore("needs script(1) to run the tool on a pseudo-terminal");
        var dll = Path.Combine(AppContext.BaseDirectory, "backendlint.dll");
        var start = new ProcessStartInfo("/usr/bin/script") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-qc", $"dotnet '{dll}' --version", "/dev/null" })
            start.ArgumentList.Add(arg);
        start.Environment["TERM"] = "xterm";
        start.Environment.Remove("NO_COLOR");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        output.Should().Be($"BackendLint {BackendLint.ProductInfo.Version}\r\n", "no keypad-mode escape (ESC [?1h ESC =) before the first line");
    }

    private static (int Exit, string Out, string Err) InDirectory(string directory, params string[] args)
    {
        var @out = new StringWriter { NewLine = "\n" };
        var err = new StringWriter { NewLine = "\n" };
        var exit = LintCommand.Run(args, new LintConsole(@out, err, OutIsTerminal: false, _ => null) { CurrentDirectory = directory });
        return (exit, @out.ToString(), err.ToString());
    }
}
