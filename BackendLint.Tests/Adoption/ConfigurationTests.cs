using BackendLint.Adoption;
using BackendLint.Checks;
using BackendLint.Cli;
using BackendLint.Findings;
using BackendLint.Tests.Support;
using BackendLint.Text;

namespace BackendLint.Tests.Adoption;

/// <summary><c>.backendlint.yml</c>: what it accepts, and every mistake at its line and column.</summary>
public class ConfigurationTests
{
    private static readonly List<string> Ids = CheckCatalog.Rules.Select(r => r.Id).ToList();

    private static Configuration Read(string yaml) => ConfigurationReader.Read(new SourceText(".backendlint.yml", yaml), Ids);

    [Test]
    public void Reads_levels_entries_and_paths()
    {
        var config = Read("""
            rules:
              BL3002: off
              BL3004: note
              BL1001: warning
              BL0001: error
            ignore:
              - rule: BL3001
                reason: built by hand
              - rule: [BL1001, BL1002]
                backend: [vllm*, kokoro]
                path: backend/*.yaml
                reason: "tracked in #12"
            index: gallery/index.yaml
            makefile: build/Makefile
            matrix: ci/matrix.yml
            workflow: ci/backend.yml
            change-filter: ci/changed-backends.js
            baseline: known.json
            """);
        config.IsOff("BL3002").Should().BeTrue();
        config.IsOff("BL3004").Should().BeFalse();
        config.LevelOf(Rule("BL3004")).Should().Be(Severity.Note);
        config.LevelOf(Rule("BL1001")).Should().Be(Severity.Warning);
        config.LevelOf(Rule("BL0001")).Should().Be(Severity.Error);
        config.LevelOf(Rule("BL1003")).Should().Be(Severity.Error, "an unlisted rule keeps its default");
        config.Ignores.Should().HaveCount(2);
        config.Ignores[1].Rules.Should().Equal("BL1001", "BL1002");
        config.Ignores[1].Backends.Should().Equal("vllm*", "kokoro");
        config.Ignores[1].Paths.Should().Equal("backend/*.yaml");
        config.Ignores[1].Reason.Should().Be("tracked in #12");
        config.Ignores[1].Span.StartLine.Should().Be(9);
        ConfigurationReader.PathKeys.Select(config.PathOf).Should().Equal("ci/matrix.yml", "ci/backend.yml", "gallery/index.yaml", "build/Makefile", "ci/changed-backends.js", "known.json");
    }

    [TestCase("", TestName = "An empty file")]
    [TestCase("# only a comment\n", TestName = "A file of comments")]
    [TestCase("ignore:\n", TestName = "An empty ignore list")]
    public void A_configuration_without_settings_is_valid(string yaml)
    {
        var config = Read(yaml);
        config.Ignores.Should().BeEmpty();
        config.Levels.Should().BeEmpty();
    }

    [TestCase("rulez: {}\n", 1, 1, "unknown key 'rulez' in the configuration; expected rules, ignore, matrix, workflow, index, makefile, change-filter, baseline (did you mean 'rules'?)")]
    [TestCase("- rules\n", 1, 1, "the configuration must be a mapping")]
    [TestCase("rules: [BL3001]\n", 1, 8, "'rules' must be a mapping")]
    [TestCase("rules:\n  BL9999: off\n", 2, 3, "'BL9999' is not a rule id; 'backendlint rules' lists them")]
    [TestCase("rules:\n  bl3001: off\n", 2, 3, "'bl3001' is not a rule id; did you mean 'BL3001'?")]
    [TestCase("rules:\n  BL3001: of\n", 2, 11, "'of' is not a level: use one of off, note, warning, error")]
    [TestCase("rules:\n  BL3001: [off]\n", 2, 11, "the level of BL3001 must be a string")]
    [TestCase("ignore: BL3001\n", 1, 9, "'ignore' must be a list of entries, each with 'rule' and 'reason'")]
    [TestCase("ignore:\n  - BL3001\n", 2, 5, "an 'ignore' entry must be a mapping")]
    [TestCase("ignore:\n  - rule: BL3001\n", 2, 5, "this 'ignore' entry has no 'reason': say why these findings are accepted")]
    [TestCase("ignore:\n  - reason: x\n", 2, 5, "this 'ignore' entry has no 'rule': name the rule ids it accepts")]
    [TestCase("ignore:\n  - rule: BL3001\n    reason: ''\n", 3, 13, "'reason' is empty: say why these findings are accepted")]
    [TestCase("ignore:\n  - rule: BL3001\n    reason:\n", 3, 12, "'reason' has no value")]
    [TestCase("ignore:\n  - rule: []\n    reason: x\n", 2, 11, "'rule' is empty: name the rule ids this entry accepts")]
    [TestCase("ignore:\n  - rule: BL3001\n    backend: ''\n    reason: x\n", 3, 14, "'backend' has an empty pattern")]
    [TestCase("ignore:\n  - rule: BL3001\n    reasons: x\n", 3, 5, "unknown key 'reasons' in an 'ignore' entry; expected rule, backend, path, reason (did you mean 'reason'?)")]
    [TestCase("ignore:\n  - rule: BL3001\n    reason: {a: b}\n", 3, 13, "'reason' must be a string")]
    [TestCase("index: ''\n", 1, 8, "'index' is empty: give a path relative to the repository root")]
    [TestCase("rules: {}\nrules: {}\n", 2, 1, null)]
    public void A_mistake_is_an_input_error_at_its_position(string yaml, int line, int column, string? message)
    {
        var act = () => Read(yaml);
        var error = act.Should().Throw<InputError>().Which;
        (error.Span.StartLine, error.Span.StartColumn).Should().Be((line, column));
        if (message is not null)
            error.Problem.Should().Be(message);
    }

    [Test]
    public void An_ignore_entry_matches_rule_backend_glob_and_path_glob()
    {
        var entry = Read("ignore:\n  - rule: [BL3001]\n    backend: vllm*\n    path: '**/Makefile'\n    reason: x\n").Ignores[0];
        var rule = Rule("BL3001");
        var at = new SourceSpan("Makefile", 1, 1, 1, 2);
        entry.Matches(rule.At(at, "m", "vllm-development", "i")).Should().BeTrue();
        entry.Matches(rule.At(at, "m", "VLLM", "i")).Should().BeFalse("globs are case-sensitive, as backend names are");
        entry.Matches(rule.At(at, "m", "kokoro", "i")).Should().BeFalse();
        entry.Matches(rule.At(at, "m", null, "i")).Should().BeFalse("a finding without a backend never matches a backend glob");
        entry.Matches(rule.At(at with { File = "backend/index.yaml" }, "m", "vllm", "i")).Should().BeFalse();
        entry.Matches(Rule("BL3002").At(at, "m", "vllm", "i")).Should().BeFalse();
        Read("ignore:\n  - rule: BL3001\n    reason: x\n").Ignores[0].Matches(rule.At(at, "m", null, "i")).Should().BeTrue("no glob: every finding of the rule");
    }

    [Test]
    public void The_configuration_is_found_at_the_root_and_its_source_paths_are_used()
    {
        using var repository = Fixture.Materialize("localai-default");
        File.Move(Path.Combine(repository.Path, "Makefile"), Path.Combine(repository.Path, "build.mk"));
        Run.InProcess("check", repository.Path).Exit.Should().Be(ExitCode.InputError);

        File.WriteAllText(Path.Combine(repository.Path, ".backendlint.yml"), "makefile: build.mk\n");
        Run.InProcess("check", repository.Path).Should().Be((ExitCode.Success, "0 errors, 0 warnings in 0 of 6 backends\n", ""));

        // A flag wins over the configuration.
        var (exit, _, error) = Run.InProcess("check", repository.Path, "--makefile", "Makefile");
        exit.Should().Be(ExitCode.InputError);
        error.Should().StartWith("Makefile:1:1: error: the file does not exist");
    }

    [Test]
    public void A_broken_configuration_stops_the_run_with_one_line_and_still_writes_the_sarif_notification()
    {
        using var repository = Fixture.Materialize("localai-default");
        File.WriteAllText(Path.Combine(repository.Path, ".backendlint.yml"), "rules:\n  BL3001: sometimes\n");
        var sarif = Path.Combine(repository.Path, "out.sarif");
        var (exit, output, error) = Run.InProcess("check", repository.Path, "--sarif", sarif);
        exit.Should().Be(ExitCode.InputError);
        output.Should().BeEmpty();
        error.Should().Be(".backendlint.yml:2:11: error: 'sometimes' is not a level: use one of off, note, warning, error\n");
        File.ReadAllText(sarif).Should().Contain("'sometimes' is not a level");
    }

    [Test]
    public void A_configuration_outside_the_repository_through_a_link_is_refused()
    {
        using var repository = Fixture.Materialize("localai-default");
        var outside = Path.GetTempFileName();
        try
        {
            File.WriteAllText(outside, "rules: {}\n");
            File.CreateSymbolicLink(Path.Combine(repository.Path, ".backendlint.yml"), outside);
            var (exit, _, error) = Run.InProcess("check", repository.Path);
            exit.Should().Be(ExitCode.InputError);
            error.Should().StartWith(".backendlint.yml:1:1: error: the file is a symbolic link to").And.Contain("outside the repository");
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Test]
    public void A_rule_that_is_off_does_not_run_and_a_level_changes_every_format()
    {
        using var repository = Fixture.Materialize("BL3001-not-notparallel");
        File.WriteAllText(Path.Combine(repository.Path, ".backendlint.yml"), "rules:\n  BL3001: off\n");
        Run.InProcess("check", repository.Path).Should().Be((ExitCode.Success, "0 errors, 0 warnings in 0 of 6 backends\n", ""));

        File.WriteAllText(Path.Combine(repository.Path, ".backendlint.yml"), "rules:\n  BL3001: warning\n");
        Run.InProcess("check", repository.Path, "--no-color").Out.Should().Contain(": warning: Target 'backends/kokoro'");
        Run.InProcess("check", repository.Path, "--format", "sarif").Out.Should().Contain("\"level\": \"warning\",\n          \"message\"");
        Run.InProcess("check", repository.Path, "--fail-level", "warning").Exit.Should().Be(ExitCode.Findings);
        Run.InProcess("check", repository.Path).Exit.Should().Be(ExitCode.Success);
    }

    private static Rule Rule(string id) => CheckCatalog.Rules.Single(r => r.Id == id);
}

/// <summary>docs/backendlint.schema.json, which editors use to check .backendlint.yml as it is typed, says what the reader accepts.</summary>
public class ConfigurationSchemaTests
{
    private static readonly Json.Schema.JsonSchema Schema =
        Json.Schema.JsonSchema.FromFile(Path.Combine(Lint.RepositoryRoot, "docs", "backendlint.schema.json"));

    private static bool Valid(string json) => Schema.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement).IsValid;

    [Test]
    public void The_schema_lists_every_rule_id_and_every_key_the_reader_knows()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Lint.RepositoryRoot, "docs", "backendlint.schema.json")));
        var properties = schema.RootElement.GetProperty("properties");
        properties.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(new[] { "rules", "ignore" }.Concat(ConfigurationReader.PathKeys));
        properties.GetProperty("rules").GetProperty("propertyNames").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .Should().Equal(CheckCatalog.Rules.Select(r => r.Id));
    }

    [TestCase("""{"rules": {"BL3002": "off"}, "ignore": [{"rule": ["BL3001", "BL1003"], "backend": "whisper", "reason": "tracked"}], "baseline": "known.json"}""", true)]
    [TestCase("""{"ignore": [{"rule": "BL3001", "path": ["Makefile"], "reason": "x"}], "index": "gallery.yaml"}""", true)]
    [TestCase("null", true)]
    [TestCase("""{"rulez": {}}""", false)]
    [TestCase("""{"rules": {"BL9999": "off"}}""", false)]
    [TestCase("""{"rules": {"BL3001": "sometimes"}}""", false)]
    [TestCase("""{"ignore": [{"rule": "BL3001"}]}""", false)]
    [TestCase("""{"ignore": [{"rule": "BL3001", "reason": " "}]}""", false)]
    [TestCase("""{"ignore": [{"rule": [], "reason": "x"}]}""", false)]
    [TestCase("""{"index": ""}""", false)]
    public void The_schema_accepts_what_the_reader_accepts(string json, bool valid)
    {
        Valid(json).Should().Be(valid);
    }
}
