using System.Text.Json.Nodes;
using BackendLint.Checks;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Reporting;

public class SarifReporterTests
{
    private static readonly string[] GoldenFixtures = ["localai-default", "BL3001-not-notparallel"];

    private static string Sarif(string fixture)
    {
        using var repository = Fixture.Materialize(fixture);
        var (exit, output, error) = Run.InProcess("check", repository.Path, "--format", "sarif");
        error.Should().BeEmpty();
        exit.Should().BeOneOf(0, 1);
        return output;
    }

    [TestCaseSource(nameof(GoldenFixtures))]
    public void Output_equals_the_golden_file_byte_for_byte(string fixture)
    {
        var golden = Path.Combine(Fixture.SourceDirectory(fixture), "expected.sarif");
        var actual = Sarif(fixture);
        if (actual != File.ReadAllText(golden))
            File.WriteAllText(Path.Combine(Fixture.SourceDirectory(fixture), "expected.actual.sarif"), actual);
        actual.Should().Be(File.ReadAllText(golden));
    }

    [TestCaseSource(typeof(Fixture), nameof(Fixture.Names))]
    public void Every_fixture_report_validates_against_the_sarif_schema(string fixture)
    {
        SarifSchema.Errors(Sarif(fixture)).Should().BeEmpty();
    }

    [Test]
    public void The_schema_check_rejects_an_invalid_log()
    {
        SarifSchema.Errors("""{"version": "2.1.0", "runs": [{"results": []}]}""").Should().NotBeEmpty("a run without a tool is invalid");
    }

    [Test]
    public void Lists_the_whole_catalog_in_id_order_with_what_code_scanning_reads()
    {
        var run = JsonNode.Parse(Sarif("localai-default"))!["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        rules.Select(r => (string)r!["id"]!).Should().Equal(CheckCatalog.Rules.Select(r => r.Id));
        foreach (var rule in rules)
        {
            foreach (var key in new[] { "id", "name", "shortDescription", "fullDescription", "help", "helpUri", "defaultConfiguration", "properties" })
                rule![key].Should().NotBeNull($"{rule["id"]} needs '{key}'");
            // Code scanning shows help.markdown next to the alert: the rule's whole doc page, offline.
            ((string)rule!["help"]!["markdown"]!).Should().Be(File.ReadAllText(Path.Combine(Lint.RepositoryRoot, "docs", "rules", $"{rule["id"]}.md")).ReplaceLineEndings("\n"));
            ((string)rule["defaultConfiguration"]!["level"]!).Should().BeOneOf("error", "warning", "note");
            rule["properties"]!["tags"]!.AsArray().Should().NotBeEmpty();
            ((string)rule["properties"]!["precision"]!).Should().Be("very-high");
        }

        ((string)run["automationDetails"]!["id"]!).Should().Be("backendlint/");
        ((bool)run["invocations"]![0]!["executionSuccessful"]!).Should().BeTrue();
        run["originalUriBaseIds"]!["%SRCROOT%"].Should().NotBeNull();
    }

    [Test]
    public void A_result_points_at_the_exact_token_with_related_locations_and_a_line_free_fingerprint()
    {
        var result = JsonNode.Parse(Sarif("BL3001-not-notparallel"))!["runs"]![0]!["results"]![0]!;
        ((int)result["ruleIndex"]!).Should().Be(BackendLint.Checks.CheckCatalog.Rules.ToList().FindIndex(r => r.Id == "BL3001"));
        ((string)result["level"]!).Should().Be("error");
        ((string)result["message"]!["text"]!).Should().Contain("[the '.NOTPARALLEL' list](1)");
        var location = result["locations"]![0]!["physicalLocation"]!;
        ((string)location["artifactLocation"]!["uri"]!).Should().Be("Makefile");
        ((string)location["artifactLocation"]!["uriBaseId"]!).Should().Be("%SRCROOT%");
        location["region"]!.ToJsonString().Should().Be("""{"startLine":41,"startColumn":19,"endLine":41,"endColumn":25}""");
        ((int)result["relatedLocations"]![0]!["id"]!).Should().Be(1);
        result["relatedLocations"]![0]!["message"].Should().NotBeNull();
        result["partialFingerprints"]!["backendlint/v2"].Should().NotBeNull();
        result["partialFingerprints"]!["primaryLocationLineHash"].Should().BeNull();
    }

    [Test]
    public void Fingerprints_survive_lines_added_above_the_finding()
    {
        using var fixture = Fixture.Materialize("BL3001-not-notparallel");
        using var copy = Fixture.Materialize("BL3001-not-notparallel");
        var makefile = Path.Combine(copy.Path, "Makefile");
        File.WriteAllText(makefile, "# a new comment\n# and another\n" + File.ReadAllText(makefile));
        string Fingerprint(string dir) =>
            (string)JsonNode.Parse(Run.InProcess("check", dir, "--format", "sarif").Out)!["runs"]![0]!["results"]![0]!["partialFingerprints"]!["backendlint/v2"]!;
        Fingerprint(copy.Path).Should().Be(Fingerprint(fixture.Path));
    }

    [Test]
    public void An_input_error_is_a_notification_in_a_valid_log()
    {
        var repo = BrokenRepository.Create("backend/index.yaml", "- name: x\n  uri: [unclosed\nfoo: 1\n");
        try
        {
            var sarifPath = Path.Combine(repo, "out.sarif");
            var (exit, output, error) = Run.InProcess("check", repo, "--sarif", sarifPath);
            exit.Should().Be(3);
            Run.WithoutTotal(output).Should().Be("0 errors, 0 warnings in 0 backends\n");
            error.Should().StartWith("backend/index.yaml:2:");
            var sarif = File.ReadAllText(sarifPath);
            SarifSchema.Errors(sarif).Should().BeEmpty();
            var invocation = JsonNode.Parse(sarif)!["runs"]![0]!["invocations"]![0]!;
            ((bool)invocation["executionSuccessful"]!).Should().BeFalse();
            var notification = invocation["toolExecutionNotifications"]![0]!;
            ((string)notification["level"]!).Should().Be("error");
            ((int)notification["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!).Should().Be(2);
            var notRun = invocation["toolExecutionNotifications"]!.AsArray().Skip(1).Select(n => (string)n!["associatedRule"]!["id"]!);
            notRun.Should().Equal("BL1001", "BL1002", "BL1003", "BL2001");
            JsonNode.Parse(sarif)!["runs"]![0]!["artifacts"]!.AsArray().Select(a => (string)a!["location"]!["uri"]!)
                .Should().Contain(["Makefile", ".github/backend-matrix.yml", "backend/index.yaml"], "what was read, and where the error is");
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }

    [Test]
    public void Two_runs_write_identical_bytes()
    {
        Sarif("BL1001-image-not-built").Should().Be(Sarif("BL1001-image-not-built"));
    }

    internal static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(dir.Replace(from, to));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to), overwrite: true);
    }
}
