using BackendLint.Adoption;
using BackendLint.Checks;
using BackendLint.Findings;
using BackendLint.Parsing;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Adoption;

/// <summary>Inline suppressions: where a comment applies, what it needs, and what it reports when it accepts nothing.</summary>
public class SuppressionTests
{
    // BACKEND_KOKORO is defined but is in neither .NOTPARALLEL nor docker-build-backends: BL3001 and BL3002 on line 3.
    private const string Makefile = ".NOTPARALLEL: backends/vllm\nBACKEND_VLLM = vllm|python|.|false|true\nBACKEND_KOKORO = kokoro|python|.|false|true\nbackends/%: docker-build-%\n"
        + "$(eval $(call generate-docker-build-target,$(BACKEND_VLLM)))\n$(eval $(call generate-docker-build-target,$(BACKEND_KOKORO)))\n"
        + "docker-build-backends: docker-build-vllm\n";

    private static List<Finding> Triaged(string makefile, Configuration? config = null)
    {
        var model = Lint.Model(makefile: makefile);
        var (findings, notRun, _) = LintEngine.Run(model, Triage.Enabled(config ?? Configuration.Empty));
        return Triage.Apply(findings, model, config ?? Configuration.Empty, notRun);
    }

    private static string Show(Finding f) =>
        $"{f.Rule.Id} {f.Span.StartLine}:{f.Span.StartColumn}" + (f.Suppression is { } s ? $" suppressed at {s.Where.StartLine}: {s.Justification}" : "");

    [Test]
    public void Without_suppressions_the_makefile_has_two_findings()
    {
        Triaged(Makefile).Select(Show).Should().Equal("BL3001 3:18", "BL3002 3:18");
    }

    [Test]
    public void A_comment_at_the_end_of_the_line_suppresses_the_rules_it_names_there()
    {
        var makefile = Makefile.Replace("kokoro|python|.|false|true\n", "kokoro|python|.|false|true # backendlint: ignore[BL3001] serialized by hand\n", StringComparison.Ordinal);
        Triaged(makefile).Select(Show).Should().Equal("BL3001 3:18 suppressed at 3: serialized by hand", "BL3002 3:18");
    }

    [Test]
    public void A_comment_alone_on_the_line_above_applies_to_the_next_line_past_other_comments()
    {
        var makefile = Makefile.Replace("BACKEND_KOKORO =", "# backendlint: ignore[BL3001] -- serialized by hand\n# a note for humans\n# backendlint: ignore[BL3002]: built elsewhere\nBACKEND_KOKORO =", StringComparison.Ordinal);
        Triaged(makefile).Select(Show).Should().Equal("BL3001 6:18 suppressed at 3: serialized by hand", "BL3002 6:18 suppressed at 5: built elsewhere");
    }

    [Test]
    public void A_comment_above_a_blank_line_applies_to_the_blank_line_and_is_unused()
    {
        var makefile = Makefile.Replace("BACKEND_KOKORO =", "# backendlint: ignore[BL3001] serialized by hand\n\nBACKEND_KOKORO =", StringComparison.Ordinal);
        var findings = Triaged(makefile);
        findings.Select(Show).Should().Equal("BL0001 3:1", "BL3001 5:18", "BL3002 5:18");
        findings[0].PlainMessage.Should().Be("The suppression of BL3001 accepts nothing: no BL3001 finding on line 4; remove the comment.");
        findings[0].Level.Should().Be(Severity.Warning);
    }

    [Test]
    public void A_file_suppression_applies_anywhere_in_its_file_only()
    {
        var makefile = "# backendlint: ignore-file[BL3002] the list is generated\n" + Makefile;
        Triaged(makefile).Select(Show).Should().Equal("BL3001 4:18", "BL3002 4:18 suppressed at 1: the list is generated");
    }

    [Test]
    public void A_line_suppression_comes_before_a_file_suppression_and_both_are_used()
    {
        var makefile = "# backendlint: ignore-file[BL3001] the whole file\n# backendlint: ignore-file[BL3001] said twice\n"
            + Makefile.Replace("kokoro|python|.|false|true\n", "kokoro|python|.|false|true # backendlint: ignore[BL3001] this line\n", StringComparison.Ordinal);
        Triaged(makefile).Select(Show).Should().Equal("BL3001 5:18 suppressed at 5: this line", "BL3002 5:18");
    }

    [Test]
    public void An_unused_rule_of_a_comment_is_reported_on_its_own()
    {
        var makefile = Makefile.Replace("kokoro|python|.|false|true\n", "kokoro|python|.|false|true # backendlint: ignore[BL3001,BL1001] x\n", StringComparison.Ordinal);
        var findings = Triaged(makefile);
        findings.Select(Show).Should().Equal("BL3001 3:18 suppressed at 3: x", "BL3002 3:18", "BL0001 3:45");
        findings[2].PlainMessage.Should().Be("The suppression of BL1001 accepts nothing: no BL1001 finding on line 3; remove 'BL1001' from it.");
    }

    [TestCase("# backendlint: ignore[BL3001]", "the reason is missing")]
    [TestCase("# backendlint: ignore BL3001 reason", "the rule ids in brackets are missing")]
    [TestCase("# backendlint: ignore[] reason", "no rule id is given in the brackets")]
    [TestCase("# backendlint: ignore[BL9999] reason", "'BL9999' is not a rule id")]
    [TestCase("# backendlint: noqa[BL3001] reason", "'noqa' is neither 'ignore' nor 'ignore-file'")]
    [TestCase("#backendlint:ignore[BL3001] --", "the reason is missing")]
    public void A_malformed_suppression_is_an_error_and_suppresses_nothing(string comment, string problem)
    {
        var findings = Triaged(Makefile.Replace("BACKEND_KOKORO =", comment + "\nBACKEND_KOKORO =", StringComparison.Ordinal));
        findings.Select(f => f.Rule.Id).Should().Equal("BL0002", "BL3001", "BL3002");
        findings[0].Level.Should().Be(Severity.Error);
        findings[0].PlainMessage.Should().Contain($"is not valid: {problem};");
        findings.Should().AllSatisfy(f => f.Suppression.Should().BeNull());
    }

    [TestCase("# mentions backendlint: in passing")]
    [TestCase("# BL3001: a fixture marker")]
    public void A_comment_that_does_not_start_with_the_marker_is_no_suppression(string comment)
    {
        Triaged(Makefile.Replace("BACKEND_KOKORO =", comment + "\nBACKEND_KOKORO =", StringComparison.Ordinal)).Select(f => f.Rule.Id).Should().Equal("BL3001", "BL3002");
    }

    [Test]
    public void Suppressions_work_in_yaml_comments()
    {
        const string index = "- name: a\n  capabilities:\n    default: missing # backendlint: ignore[BL1003] renamed next release\n";
        var model = Lint.Model(index: index);
        var (findings, notRun, _) = LintEngine.Run(model, CheckCatalog.All.Where(c => c.Rule.Id == "BL1003"));
        var triaged = Triage.Apply(findings, model, Configuration.Empty, notRun);
        triaged.Should().ContainSingle().Which.Suppression.Should().Be(new Suppression(SuppressionKind.InSource, "renamed next release", new Text.SourceSpan(Lint.IndexFile, 3, 22, 3, 72)));
    }

    [Test]
    public void A_suppression_for_a_rule_that_is_off_or_did_not_run_is_not_reported_unused()
    {
        var makefile = "# backendlint: ignore-file[BL1001] gallery rules do not run here\n# backendlint: ignore-file[BL3004] off\n" + Makefile;
        var config = ConfigurationReader.Read(new Text.SourceText(".backendlint.yml", "rules:\n  BL3004: off\n"), CheckCatalog.Rules.Select(r => r.Id).ToList());
        var model = Lint.Model(makefile: makefile);
        var (findings, notRun, _) = LintEngine.Run(model, Triage.Enabled(config).Where(c => c.Needs == BackendLint.Model.ModelInputs.Makefile));
        var notRunGallery = new List<RuleNotRun>(notRun) { new(CheckCatalog.All[0].Rule, "the gallery index could not be read") };
        Triage.Apply(findings, model, config, notRunGallery).Select(f => f.Rule.Id).Should().Equal("BL3001", "BL3002");
    }

    [Test]
    public void An_unused_ignore_entry_is_reported_at_the_entry()
    {
        var config = ConfigurationReader.Read(new Text.SourceText(".backendlint.yml", "ignore:\n  - rule: BL3001\n    backend: whisper\n    reason: x\n  - rule: BL3002\n    reason: y\n"),
            CheckCatalog.Rules.Select(r => r.Id).ToList());
        var findings = Triaged(Makefile, config);
        findings.Select(Show).Should().Equal("BL0001 2:5", "BL3001 3:18", "BL3002 3:18 suppressed at 5: y");
        findings[0].PlainMessage.Should().Be("The ignore entry for BL3001 for backend 'whisper' accepts no finding; remove it from '.backendlint.yml'.");
        findings[0].Span.File.Should().Be(".backendlint.yml");
    }

    [Test]
    public void A_level_set_in_the_configuration_applies_to_the_suppression_rules_too()
    {
        var config = ConfigurationReader.Read(new Text.SourceText(".backendlint.yml", "rules:\n  BL0001: error\n  BL0002: off\n"), CheckCatalog.Rules.Select(r => r.Id).ToList());
        var makefile = "# backendlint: ignore-file[BL1003] x\n# backendlint: nonsense\n" + Makefile;
        var findings = Triaged(makefile, config);
        findings.Select(f => (f.Rule.Id, f.Level)).Should().Equal(("BL0001", Severity.Error), ("BL3001", Severity.Error), ("BL3002", Severity.Warning));
    }

    [Test]
    public void The_repository_reader_keeps_every_comment_a_suppression_needs()
    {
        var model = RepositoryReader.FromTexts(null, Lint.Source(Lint.MatrixFile, "include: [] # backendlint: ignore-file[BL2001] x\n"), Lint.Source(Lint.IndexFile, "[]\n"), Lint.Source(Lint.MakefileFile, "")).Model;
        InlineSuppressions.Read(model.Sources.First(), CheckCatalog.Rules.Select(r => r.Id).ToList()).Suppressions.Should().ContainSingle().Which.WholeFile.Should().BeTrue();
    }
}
