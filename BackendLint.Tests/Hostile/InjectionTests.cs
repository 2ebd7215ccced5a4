using System.Text.Json.Nodes;
using BackendLint.Checks;
using BackendLint.Findings;
using BackendLint.Reporting;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Hostile;

/// <summary>Values that try to become something else in an output: workflow commands, terminal escapes, links, markup.</summary>
public class InjectionTests
{
    // An image whose tag is never built, named to inject: BL1001 quotes the name in its message.
    private static string Index(string yamlName) =>
        $"- name: {yamlName}\n  uri: quay.io/go-skynet/local-ai-backends:latest-never-built\n  capabilities: {{default: x}}\n";

    private static Finding BL1001With(string yamlName) =>
        Lint.Snippets(index: Index(yamlName), only: CheckIds.GalleryImageMustBeBuilt).Should().ContainSingle().Subject;

    [Test]
    public void A_line_break_cannot_start_a_workflow_command()
    {
        var finding = BL1001With("\"a\\n::add-mask::x\\r::error::y\"");
        finding.PlainMessage.Should().Contain("'a\\n::add-mask::x\\r::error::y'");

        var text = Render(w => TextReporter.Write(w, [finding], color: false));
        var github = Render(w => GitHubReporter.Write(w, [finding]));
        foreach (var output in new[] { text, github })
        {
            output.Split('\n').Should().NotContain(line => line.StartsWith("::add-mask::") || line.StartsWith("::error::y"));
            output.Should().NotContain("\r");
        }
    }

    [Test]
    public void Terminal_escapes_and_other_control_characters_are_shown_escaped()
    {
        var finding = BL1001With("\"red\\e[31m bell\\a nul\\0 del\\x7f\"");
        finding.PlainMessage.Should().Contain("'red\\u001B[31m bell\\u0007 nul\\u0000 del\\u007F'");
        Render(w => TextReporter.Write(w, [finding], color: false)).Should().NotContainAny("\u001b", "\u0007", "\0", "\u007f");
    }

    [Test]
    public void Bidirectional_overrides_are_shown_escaped()
    {
        BL1001With("\"abc\\u202Edef\"").PlainMessage.Should().Contain("'abc\\u202Edef'");
    }

    [Test]
    public void A_name_cannot_become_a_sarif_link()
    {
        var finding = BL1001With("\"[x](1)\"");
        var sarif = SarifReporter.Write(CheckCatalog.Rules, [finding], ["backend/index.yaml"]);
        var message = (string)JsonNode.Parse(sarif)!["runs"]![0]!["results"]![0]!["message"]!["text"]!;
        message.Should().Contain("'\\[x\\](1)'").And.NotContain("'[x](1)'");
    }

    // BL3003 used to write the definition's name into its message unquoted, and related-location
    // messages wrote names unquoted everywhere: a definition named '[x](1)' made a live link.
    [Test]
    public void Names_in_every_message_and_related_message_are_quoted()
    {
        const string makefile = "BACKEND_X = [x](1)|python|.|false|true\n$(eval $(call generate-docker-build-target,$(BACKEND_Y)))\n.NOTPARALLEL: backends/other\nbackends/%: x\ndocker-build-backends: docker-build-other\n";
        var findings = Lint.Snippets(makefile: makefile);
        findings.Select(f => f.Rule.Id).Should().Contain(["BL3001", "BL3002", "BL3003"]);
        findings.SelectMany(f => f.Related).Should().NotBeEmpty();
        foreach (var finding in findings)
        {
            finding.Message.Should().NotContain("[x](1)");
            foreach (var related in finding.Related)
                related.Message.Should().NotContain("[x](1)");
        }
    }

    [Test]
    public void The_job_summary_shows_markup_as_text()
    {
        var finding = BL1001With("\"<img src=x onerror=alert(1)> <script>alert(2)</script> [link](https://example.invalid) `code` *bold*\"");
        var summary = GitHubReporter.Summary([finding]);
        summary.Should().NotContain("<img").And.NotContain("<script").And.NotContain("[link](https");
        summary.Should().Contain("&lt;img src=x onerror=alert\\(1\\)&gt;").And.Contain("\\[link\\]\\(https://example.invalid\\)").And.Contain("\\`code\\`");
    }

    [TestCase("a|b", "a\\|b")]
    [TestCase("a\nb", "a b")]
    [TestCase("x & y", "x &amp; y")]
    [TestCase("plain text.", "plain text.")]
    public void A_summary_cell_escapes_what_markdown_reads(string value, string cell)
    {
        GitHubReporter.Cell(value).Should().Be(cell);
    }

    private static string Render(Action<TextWriter> write)
    {
        var writer = new StringWriter { NewLine = "\n" };
        write(writer);
        return writer.ToString();
    }
}
