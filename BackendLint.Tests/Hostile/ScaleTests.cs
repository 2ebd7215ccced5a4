using System.Text;
using System.Text.Json.Nodes;
using BackendLint.Checks;
using BackendLint.Cli;
using BackendLint.Findings;
using BackendLint.Reporting;
using BackendLint.Tests.Support;
using BackendLint.Text;

namespace BackendLint.Tests.Hostile;

/// <summary>Inputs sized to make reading quadratic or the output unbounded.</summary>
public class ScaleTests
{
    // 100,000 '.NOTPARALLEL:' lines (3 MB) used to take 40 s: each line copied the whole list.
    [Test]
    public void Many_lines_of_one_list_are_read_in_linear_time()
    {
        var makefile = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
            makefile.Append($".NOTPARALLEL: backends/x{i}\n");
        var model = Within.Seconds(30, () => Lint.Model(makefile: makefile.ToString()));
        model.Makefile.NotParallel!.Prerequisites.Should().HaveCount(100_000);
        model.Makefile.NotParallel.Contains("backends/x99999").Should().BeTrue();
    }

    // An escaped uri inherited from an anchor far back used to make every entry re-read the file from the start.
    [Test]
    public void Values_inherited_from_far_back_are_not_read_again()
    {
        var index = new StringBuilder("- &meta\n  name: meta\n  uri: \"quay.io/go-skynet/local-ai-backends:latest-\\x61bc\"\n");
        for (var i = 0; i < 20_000; i++)
            index.Append($"- name: filler-{i}\n  description: \"{new string('x', 200)}\"\n");
        for (var i = 0; i < 5_000; i++)
            index.Append($"- <<: *meta\n  name: image-{i}\n");
        var model = Within.Seconds(30, () => Lint.Model(index: index.ToString()));
        model.Gallery.Entries[^1].Image!.TagSuffix!.Value.Value.Should().Be("-abc");
    }

    [Test]
    public void A_rule_reports_at_most_its_cap_and_says_how_many_it_left_out()
    {
        var makefile = new StringBuilder();
        for (var i = 0; i < 30; i++)
            makefile.Append($"BACKEND_X{i:D2} = x{i:D2}|python|.|false|true\n");
        var model = Lint.Model(makefile: makefile.ToString());

        var result = LintEngine.Run(model, CheckCatalog.All.Where(c => c.Rule.Id == CheckIds.DefinitionAndEvalMustPair), maxPerRule: 10, maxTotal: 100);

        result.Findings.Should().HaveCount(10);
        result.Findings.Select(f => f.Span.StartLine).Should().Equal(Enumerable.Range(1, 10), "the first in report order are kept");
        result.LeftOut.Should().ContainSingle().Which.Count.Should().Be(20);
    }

    [Test]
    public void A_run_reports_at_most_its_total_cap()
    {
        var makefile = new StringBuilder("docker-build-backends: docker-build-nothing\n");
        for (var i = 0; i < 30; i++)
            makefile.Append($"BACKEND_X{i:D2} = x{i:D2}|python|.|false|true\n");
        var result = LintEngine.Run(Lint.Model(makefile: makefile.ToString()), CheckCatalog.All, maxPerRule: 100, maxTotal: 25);

        result.Findings.Should().HaveCount(25);
        result.LeftOut.Sum(l => l.Count).Should().Be(60 - 25, "BL3002 and BL3003 report every one of the 30 definitions");
    }

    // A 6 MB Makefile used to produce 343 MB of SARIF; the caps are GitHub's, and the run says what it left out.
    [Test]
    public void The_cli_caps_findings_and_says_so_on_stderr_and_in_sarif()
    {
        var makefile = new StringBuilder();
        for (var i = 0; i < FindingCaps.PerRule + 1_000; i++)
            makefile.Append($"BACKEND_X{i} = x{i}|python|.|false|true\n");
        var repo = BrokenRepository.Create("Makefile", makefile.ToString());
        try
        {
            // Without their directories the definitions are BL4001 findings too: this is about one rule's cap.
            File.WriteAllText(Path.Combine(repo, ".backendlint.yml"), "rules:\n  BL4001: off\n");
            var sarifPath = Path.Combine(repo, "out.sarif");
            var (exit, _, error) = Within.Seconds(60, () => Run.InProcess("check", repo, "--no-color", "--sarif", sarifPath));
            exit.Should().Be(ExitCode.Findings);
            // BL2005 also reports every definition (none is built), and the 4 built backends the Makefile no longer defines.
            error.Should().Be("backendlint: note: 2,004 findings left out (a run reports at most 5,000 findings of a rule and 25,000 in all): BL2005 1,004, BL3003 1,000\n");
            var run = JsonNode.Parse(File.ReadAllText(sarifPath))!["runs"]![0]!;
            run["results"]!.AsArray().Count(r => (string)r!["ruleId"]! == "BL3003").Should().Be(5_000);
            var notifications = run["invocations"]![0]!["toolExecutionNotifications"]!.AsArray();
            notifications.Should().HaveCount(2);
            var notification = notifications.Single(n => (string)n!["associatedRule"]!["id"]! == "BL3003")!;
            ((string)notification["associatedRule"]!["id"]!).Should().Be("BL3003");
            ((string)notification["message"]!["text"]!).Should().StartWith("1,000 more findings of BL3003 DefinitionAndEvalMustPair were left out");
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }

    [Test]
    public void The_job_summary_stays_under_githubs_limit_and_says_what_it_left_out()
    {
        var rule = CheckCatalog.All[0].Rule;
        var findings = Enumerable.Range(1, 20_000)
            .Select(i => rule.At(new SourceSpan("backend/index.yaml", i, 1, i, 2), $"A long message number {i} {new string('m', 80)}.", null, $"{i}"))
            .ToList();
        var summary = GitHubReporter.Summary(findings);
        Encoding.UTF8.GetByteCount(summary).Should().BeLessThan(1024 * 1024);
        summary.Should().MatchRegex(@"\n[\d,]+ more findings are left out of this summary \(GitHub's limit is 1 MiB\)");
    }
}
