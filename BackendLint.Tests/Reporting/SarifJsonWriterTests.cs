using System.Text;
using BackendLint.Checks;
using BackendLint.Findings;
using BaselineState = BackendLint.Findings.BaselineState;
using Suppression = BackendLint.Findings.Suppression;
using SuppressionKind = BackendLint.Findings.SuppressionKind;
using Fix = BackendLint.Findings.Fix;
using BackendLint.Parsing;
using BackendLint.Text;
using BackendLint.Reporting;
using BackendLint.Tests.Support;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BackendLint.Tests.Reporting;

/// <summary>
/// <see cref="SarifJsonWriter"/> must write exactly what Sarif.Sdk's own Newtonsoft serialization
/// writes for the same <see cref="SarifLog"/> (with the levels Sarif.Sdk leaves out as defaults spelled out).
/// </summary>
public class SarifJsonWriterTests
{
    [TestCaseSource(typeof(Fixture), nameof(Fixture.Names))]
    public void Writes_what_sarif_sdk_writes_for_every_fixture(string fixture)
    {
        using var repository = Fixture.Materialize(fixture);
        var model = RepositoryReader.Read(repository.Path, new SourcePaths()).Model;
        var log = SarifReporter.Build(CheckCatalog.Rules, LintEngine.Run(model, CheckCatalog.All).Findings, ["Makefile", "backend/index.yaml"]);
        SarifJsonWriter.Write(log).Should().Be(Newtonsoft(log));
    }

    [Test]
    public void Writes_what_sarif_sdk_writes_for_an_input_error()
    {
        var error = new InputError(new Text.SourceSpan("backend/index.yaml", 3, 4, 3, 9), "a \"quoted\" problem\twith a tab");
        var log = SarifReporter.Build(CheckCatalog.Rules, [], [], [error]);
        SarifJsonWriter.Write(log).Should().Be(Newtonsoft(log));
    }

    [Test]
    public void Writes_what_sarif_sdk_writes_for_rules_that_did_not_run()
    {
        var error = new InputError(new Text.SourceSpan("backend/index.yaml", 3, 4, 3, 9), "broken");
        var log = SarifReporter.Build(CheckCatalog.Rules, [], ["Makefile"], [error], [new RuleNotRun(CheckCatalog.All[1].Rule, "the gallery index could not be read")]);
        var written = SarifJsonWriter.Write(log);
        written.Should().Be(Newtonsoft(log));
        written.Should().Contain("\"associatedRule\"").And.Contain("BL1002 ImageChannelsMustPair did not run: the gallery index could not be read.");
    }

    [Test]
    public void Writes_what_sarif_sdk_writes_for_suppressed_and_baselined_results()
    {
        var rule = CheckCatalog.All[0].Rule;
        var at = new Text.SourceSpan("backend/index.yaml", 2, 3, 2, 9);
        var findings = new[]
        {
            rule.At(at, "In source.", "a", "1") with { Suppression = new Suppression(SuppressionKind.InSource, "a \"reason\"", at with { StartColumn = 10, EndColumn = 40 }) },
            rule.At(at, "External.", "b", "2") with { Suppression = new Suppression(SuppressionKind.External, "r", new Text.SourceSpan(".backendlint.yml", 2, 5, 4, 9)), Baseline = BaselineState.Unchanged },
            rule.At(at, "New.", "c", "3") with { Baseline = BaselineState.New },
        };
        var log = SarifReporter.Build(CheckCatalog.Rules, findings, ["backend/index.yaml"]);
        var written = SarifJsonWriter.Write(log);
        written.Should().Be(Newtonsoft(log));
        written.Should().Contain("\"kind\": \"external\"").And.Contain("\"baselineState\": \"new\"").And.Contain("\"uri\": \".backendlint.yml\"");
    }

    [Test]
    public void Writes_what_sarif_sdk_writes_for_fixes()
    {
        var rule = CheckCatalog.All[0].Rule;
        var at = new Text.SourceSpan("backend/index.yaml", 2, 3, 2, 9);
        var fix = new Fix("Add 'x' \\[here\\].",
        [
            new TextEdit(new Text.SourceSpan("Makefile", 4, 1, 4, 1), "\tbackends/x \\\r\n"),
            new TextEdit(new Text.SourceSpan("backend/index.yaml", 2, 3, 3, 1), ""),
        ]);
        var findings = new[]
        {
            rule.At(at, "Fixable.", "a", "1") with { Fix = fix, Baseline = BaselineState.New },
            rule.At(at, "Suppressed and fixable.", "b", "2") with { Fix = fix, Suppression = new Suppression(SuppressionKind.External, "r", at) },
        };
        var log = SarifReporter.Build(CheckCatalog.Rules, findings, ["backend/index.yaml"]);
        var written = SarifJsonWriter.Write(log);
        written.Should().Be(Newtonsoft(log));
        written.Should().Contain("\"artifactChanges\"").And.Contain("\"deletedRegion\"").And.Contain("\"text\": \"\\tbackends/x \\\\\\r\\n\"");
    }

    [Test]
    public void Writes_text_that_needs_escaping_like_sarif_sdk()
    {
        var finding = CheckCatalog.All[0].Rule.At(new Text.SourceSpan("dir with space/ü.yaml", 1, 1, 1, 2),
            "Quotes \" backslash \\ tab \t newline \n <html> & 'é' 漢字.", "b", "x");
        var log = SarifReporter.Build(CheckCatalog.Rules, [finding], []);
        SarifJsonWriter.Write(log).Should().Be(Newtonsoft(log));
    }

    [Test]
    public void The_property_bag_is_what_SetProperty_stores()
    {
        var log = SarifReporter.Build(CheckCatalog.Rules, [], []);
        foreach (var rule in log.Runs[0].Tool.Driver.Rules)
        {
            var reference = new ReportingDescriptor();
            reference.SetProperty("tags", rule.GetProperty<string[]>("tags"));
            reference.SetProperty("precision", rule.GetProperty("precision"));
            foreach (var name in reference.PropertyNames)
                rule.GetSerializedPropertyValue(name).Should().Be(reference.GetSerializedPropertyValue(name));
        }
    }

    // Sarif.Sdk's serialization, with every rule's and result's level written even when it is the default.
    private static string Newtonsoft(SarifLog log)
    {
        var serializer = JsonSerializer.Create(new JsonSerializerSettings { Formatting = Formatting.Indented });
        var json = JToken.FromObject(log, serializer);
        foreach (var run in json["runs"]!.Children<JObject>())
        {
            foreach (var rule in run["tool"]!["driver"]!["rules"]!.Children<JObject>())
            {
                if (rule["defaultConfiguration"] is not JObject configuration)
                    rule.Property("helpUri")!.AddBeforeSelf(new JProperty("defaultConfiguration", configuration = new JObject()));
                if (configuration["level"] is null)
                    configuration.AddFirst(new JProperty("level", "warning"));
            }

            foreach (var result in run["results"]?.Children<JObject>() ?? [])
            {
                if (result["level"] is null)
                    result.Property("ruleIndex")!.AddAfterSelf(new JProperty("level", "warning"));
            }
        }

        var builder = new StringBuilder();
        using (var writer = new StringWriter(builder) { NewLine = "\n" })
        {
            using (var jsonWriter = new JsonTextWriter(writer) { Formatting = Formatting.Indented, CloseOutput = false })
                json.WriteTo(jsonWriter);
            writer.WriteLine();
        }

        return builder.ToString();
    }
}
