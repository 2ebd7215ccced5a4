using System.Text.Json.Nodes;
using BackendLint.Checks;
using BackendLint.Findings;
using BackendLint.Reporting;
using BackendLint.Text;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Reporting;

public class TextReporterTests
{
    private static readonly List<Finding> Findings = Lint.Snippets(index: "- name: cpu-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n");

    [Test]
    public void Prints_gcc_style_lines_and_a_summary()
    {
        var writer = new StringWriter { NewLine = "\n" };
        TextReporter.Write(writer, Findings, color: false);
        writer.ToString().Should().Be(
            "backend/index.yaml:2:44: error: Gallery image 'cpu-x' is tagged 'latest-cpu-x', but no image uses 'master-cpu-x', so the development channel cannot install it: add an image 'cpu-x-development' with uri 'quay.io/go-skynet/local-ai-backends:master-cpu-x' next to it. (fixable) [BL1002]\n" +
            "backend/index.yaml:2:50: error: Gallery image 'cpu-x' uses tag suffix '-cpu-x', which no build-matrix entry produces: add a build-matrix entry with tag-suffix '-cpu-x', or correct the tag. [BL1001]\n" +
            "2 errors, 0 warnings in 1 backend\n");
    }

    [Test]
    public void Colours_only_on_a_terminal_without_no_color()
    {
        using var fixture = Fixture.Materialize("BL1003-capability-unknown");
        string Output(bool terminal, string? noColor, params string[] extra)
        {
            var @out = new StringWriter();
            var env = new Dictionary<string, string?> { ["NO_COLOR"] = noColor };
            BackendLint.Cli.LintCommand.Run([fixture.Path, .. extra], new BackendLint.Cli.LintConsole(@out, new StringWriter(), terminal, n => env.GetValueOrDefault(n)));
            return @out.ToString();
        }

        Output(terminal: true, noColor: null).Should().Contain("\u001b[1;31merror:");
        Output(terminal: false, noColor: null).Should().NotContain("\u001b");
        Output(terminal: true, noColor: "1").Should().NotContain("\u001b");
        Output(terminal: true, noColor: null, "--no-color").Should().NotContain("\u001b");
    }

    [Test]
    public void Link_markup_is_plain_text_and_escaped_brackets_are_kept()
    {
        Finding.Plain("Missing from [the list](1) of 'a\\[0\\]'.").Should().Be("Missing from the list of 'a[0]'.");
        Finding.Quote("a[0]").Should().Be("'a\\[0\\]'");
    }
}

public class GitHubReporterTests
{
    [Test]
    public void Writes_one_workflow_command_per_finding()
    {
        using var fixture = Fixture.Materialize("BL3001-not-notparallel");
        var (exit, output, _) = Run.InProcess(fixture.Path, "--format", "github");
        exit.Should().Be(1);
        output.Should().Be("::error file=Makefile,line=41,endLine=41,col=19,endColumn=25,title=BL3001 BackendMustBeNotParallel::Target 'backends/kokoro' is missing from the '.NOTPARALLEL' list.%0AMakefile:4:2: Add 'backends/kokoro' to '.NOTPARALLEL'.\n");
    }

    [Test]
    public void Escapes_as_the_actions_toolkit_does()
    {
        GitHubReporter.EscapeData("100% a\r\nb: c, d").Should().Be("100%25 a%0D%0Ab: c, d");
        GitHubReporter.EscapeProperty("a:b,c%").Should().Be("a%3Ab%2Cc%25");
    }

    [Test]
    public void Sends_columns_only_for_a_span_on_one_line_and_maps_note_to_notice()
    {
        var descriptor = CheckCatalog.All[0].Rule;
        var finding = descriptor.At(new SourceSpan("a, b.yml", 3, 5, 4, 2), "Two lines.", null, "x") with { Level = Severity.Note };
        var writer = new StringWriter();
        GitHubReporter.Write(writer, [finding]);
        writer.ToString().Should().Be("::notice file=a%2C b.yml,line=3,endLine=4,title=BL1001 GalleryImageMustBeBuilt::Two lines.\n");
    }

    [Test]
    public void Appends_every_finding_to_the_job_summary()
    {
        var summary = Path.GetTempFileName();
        using var fixture = Fixture.Materialize("BL3004-prepared-not-tested");
        try
        {
            File.WriteAllText(summary, "earlier step\n");
            var env = new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = summary };
            Run.InProcess(env, fixture.Path, "--format", "github");
            var text = File.ReadAllText(summary);
            text.Should().StartWith("earlier step\n## BackendLint\n");
            text.Should().Contain("| warning | BL3004 PreparedBackendMustBeTested | `Makefile:14:13` |").And.Contain("`Makefile:21:13`");
        }
        finally
        {
            File.Delete(summary);
        }
    }
}

public class StepSummaryFailureTests
{
    [Test]
    public void The_job_summary_says_what_was_set_aside_when_nothing_counts()
    {
        var summary = Path.GetTempFileName();
        using var fixture = Fixture.Materialize("adoption-inline");
        try
        {
            var env = new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = summary };
            Run.InProcess(env, fixture.Path, "--format", "github").Should().Be((0, "", ""));
            File.ReadAllText(summary).Should().Be("## BackendLint\n\n0 errors, 0 warnings in 0 of 6 backends \\(4 suppressed\\).\n\n", "Markdown shows the escaped brackets as brackets");
        }
        finally
        {
            File.Delete(summary);
        }
    }

    [Test]
    public void An_unwritable_job_summary_is_a_warning_not_a_failure()
    {
        var env = new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = "/nonexistent-dir/summary.md" };
        var (exit, output, error) = Run.InProcess(env, Fixture.BaseDirectory, "--format", "github");
        exit.Should().Be(0);
        output.Should().BeEmpty();
        error.Should().StartWith("/nonexistent-dir/summary.md: warning: cannot append the job summary");
    }
}

public class JsonReporterTests
{
    [Test]
    public void Writes_the_documented_shape()
    {
        using var fixture = Fixture.Materialize("BL3001-not-notparallel");
        var (_, output, _) = Run.InProcess(fixture.Path, "--format", "json");
        var json = JsonNode.Parse(output)!;
        ((int)json["version"]!).Should().Be(1);
        var finding = json["findings"]![0]!;
        ((string)finding["ruleId"]!).Should().Be("BL3001");
        ((string)finding["backend"]!).Should().Be("kokoro");
        finding["location"]!.ToJsonString().Should().Be("""{"file":"Makefile","startLine":41,"startColumn":19,"endLine":41,"endColumn":25}""");
        ((string)finding["related"]![0]!["message"]!).Should().Be("Add 'backends/kokoro' to '.NOTPARALLEL'.");
        json["summary"]!.ToJsonString().Should().Be("""{"errors":1,"warnings":0,"notes":0,"backends":1,"backendsChecked":6,"suppressed":0,"unchanged":0}""");
    }

    [Test]
    public void The_documented_example_is_real_output()
    {
        var doc = File.ReadAllText(Path.Combine(Lint.RepositoryRoot, "docs", "json-format.md"));
        using var fixture = Fixture.Materialize("BL3001-not-notparallel");
        var (_, output, _) = Run.InProcess(fixture.Path, "--format", "json");
        var fingerprint = (string)JsonNode.Parse(output)!["findings"]![0]!["fingerprint"]!;
        doc.Should().Contain(fingerprint);
    }
}

public class OutputFileTests
{
    [Test]
    public void Output_and_sarif_files_are_written_whole_and_nothing_else_is_left()
    {
        var dir = Directory.CreateTempSubdirectory("backendlint-").FullName;
        using var fixture = Fixture.Materialize("BL1001-image-not-built");
        try
        {
            var output = Path.Combine(dir, "out.json");
            var sarif = Path.Combine(dir, "out.sarif");
            var (exit, stdout, _) = Run.InProcess(fixture.Path, "--format", "json", "--output", output, "--sarif", sarif);
            exit.Should().Be(1);
            stdout.Should().BeEmpty();
            JsonNode.Parse(File.ReadAllText(output))!["findings"]!.AsArray().Should().HaveCount(1, "the latest and master images of one missing build are one finding");
            SarifSchema.Errors(File.ReadAllText(sarif)).Should().BeEmpty();
            Directory.GetFiles(dir).Select(Path.GetFileName).Should().BeEquivalentTo(["out.json", "out.sarif"]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void With_a_broken_source_the_report_of_the_others_is_written_whole()
    {
        var repo = BrokenRepository.Create("Makefile", [0xFF]);
        try
        {
            var output = Path.Combine(repo, "out.json");
            Run.InProcess(repo, "--format", "json", "--output", output).Exit.Should().Be(3);
            var json = JsonNode.Parse(File.ReadAllText(output))!;
            json["summary"]!["errors"]!.GetValue<int>().Should().Be(0);
            var error = json["inputErrors"]!.AsArray().Should().ContainSingle().Subject!;
            ((string)error["location"]!["file"]!).Should().Be("Makefile");
            ((string)error["message"]!).Should().StartWith("the file is not valid UTF-8");
            json["notRun"]!.AsArray().Select(n => (string)n!["ruleId"]!).Should().Equal("BL2002", "BL2005", "BL3001", "BL3002", "BL3003", "BL3004", "BL4001", "BL4002");
            ((string)json["notRun"]![0]!["reason"]!).Should().Be("the Makefile could not be read");
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }
}

public class OutputErrorTests
{
    [Test]
    public void An_output_file_that_cannot_be_written_exits_3_with_one_line()
    {
        var (exit, output, error) = Run.InProcess(Fixture.BaseDirectory, "--output", "/nonexistent-dir/out.txt");
        exit.Should().Be(3);
        output.Should().BeEmpty();
        error.Should().StartWith("/nonexistent-dir/out.txt:1:1: error: cannot write the file: ").And.NotContain("internal error");
    }
}
