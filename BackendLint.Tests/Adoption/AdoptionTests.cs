using System.Text.Json;
using BackendLint.Cli;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Adoption;

/// <summary>
/// The three ways a repository with known problems turns the gate on, as a maintainer would try
/// them: a baseline, a configuration, inline comments. Each starts from <c>adoption-debt</c> (four
/// findings: BL3001, BL3004 and BL1003 of whisper, BL3002 of vllm), passes, and then fails on
/// exactly one new problem.
/// </summary>
public class AdoptionTests
{
    private const string NewProblem = "Makefile:42:19: error: Target 'backends/kokoro' is missing from the '.NOTPARALLEL' list. (fixable) [BL3001]";

    [Test]
    public void A_baseline_accepts_todays_findings_and_the_next_problem_is_the_only_one()
    {
        using var repository = Fixture.Materialize("adoption-debt");
        var (exit, _, err) = Run.InProcess("baseline", repository.Path);
        exit.Should().Be(ExitCode.Success);
        err.Should().Be($"backendlint: 4 findings recorded in '{Path.Combine(repository.Path, ".backendlint-baseline.json")}'\n");

        var baseline = Path.Combine(repository.Path, ".backendlint-baseline.json");
        Run.InProcess("check", repository.Path, "--baseline", baseline).Should().Be((ExitCode.Success, "0 errors, 0 warnings in 0 of 6 backends (4 in the baseline)\n", ""));

        RemoveKokoroFromNotParallel(repository.Path);
        var (failed, output, error) = Run.InProcess("check", repository.Path, "--baseline", baseline, "--no-color");
        failed.Should().Be(ExitCode.Findings);
        error.Should().BeEmpty();
        OnlyFinding(output).Should().Be(NewProblem);
        output.Should().EndWith("1 error, 0 warnings in 1 of 6 backends (4 in the baseline)\n");
    }

    [Test]
    public void A_configuration_that_ignores_by_backend_and_rule_passes_and_the_next_problem_is_the_only_one()
    {
        using var repository = Fixture.Materialize("adoption-config");
        Run.InProcess("check", repository.Path).Exit.Should().Be(ExitCode.Success);

        RemoveKokoroFromNotParallel(repository.Path);
        var (exit, output, _) = Run.InProcess("check", repository.Path, "--no-color");
        exit.Should().Be(ExitCode.Findings);
        OnlyFinding(output, ignoreNotes: true).Should().Be(NewProblem);
    }

    [Test]
    public void Inline_comments_pass_and_the_next_problem_is_the_only_one()
    {
        using var repository = Fixture.Materialize("adoption-inline");
        Run.InProcess("check", repository.Path).Should().Be((ExitCode.Success, "0 errors, 0 warnings in 0 of 6 backends (4 suppressed)\n", ""));

        RemoveKokoroFromNotParallel(repository.Path);
        var (exit, output, _) = Run.InProcess("check", repository.Path, "--no-color");
        exit.Should().Be(ExitCode.Findings);
        OnlyFinding(output).Should().Be(NewProblem.Replace(":42:", ":44:", StringComparison.Ordinal));
    }

    [Test]
    public void No_config_reports_what_the_configuration_accepts()
    {
        using var repository = Fixture.Materialize("adoption-config");
        var (exit, output, _) = Run.InProcess("check", repository.Path, "--no-config", "--no-color");
        exit.Should().Be(ExitCode.Findings);
        output.Should().EndWith("2 errors, 2 warnings in 2 of 6 backends\n");
        Run.InProcess("check", repository.Path, "--no-config", "--config", "x.yml").Exit.Should().Be(ExitCode.InputError);
    }

    [Test]
    public void A_fixed_finding_leaves_its_baseline_entry_listed_in_one_line()
    {
        using var repository = Fixture.Materialize("adoption-debt");
        Run.InProcess("baseline", repository.Path, "-o", Path.Combine(repository.Path, "known.json")).Exit.Should().Be(ExitCode.Success);
        var makefile = Path.Combine(repository.Path, "Makefile");
        File.WriteAllText(makefile, File.ReadAllText(makefile).Replace(".NOTPARALLEL: backends/llama-cpp \\", ".NOTPARALLEL: backends/llama-cpp backends/whisper \\", StringComparison.Ordinal));

        var (exit, output, error) = Run.InProcess("check", repository.Path, "--baseline", Path.Combine(repository.Path, "known.json"));
        exit.Should().Be(ExitCode.Success);
        output.Should().Be("0 errors, 0 warnings in 0 of 6 backends (3 in the baseline)\n");
        error.Should().Be("backendlint: note: 1 baseline entry no longer occurs and can go ('backendlint baseline' writes it again): BL3001 whisper\n");
    }

    [Test]
    public void The_baseline_file_is_sorted_and_does_not_change_when_lines_move()
    {
        using var repository = Fixture.Materialize("adoption-debt");
        var baseline = Path.Combine(repository.Path, ".backendlint-baseline.json");
        Run.InProcess("baseline", repository.Path);
        var first = File.ReadAllText(baseline);

        Prepend(Path.Combine(repository.Path, "Makefile"), "# moved\n# down\n\n");
        Prepend(Path.Combine(repository.Path, "backend/index.yaml"), "# moved down\n");
        Run.InProcess("baseline", repository.Path);
        File.ReadAllText(baseline).Should().Be(first);

        using var json = JsonDocument.Parse(first);
        var rules = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToList();
        rules.Should().Equal("BL1003", "BL3001", "BL3002", "BL3004");
        first.Should().NotContain("\"line\"").And.NotContain(repository.Path);
    }

    [Test]
    public void A_baseline_is_not_written_from_a_partial_read()
    {
        using var repository = Fixture.Materialize("adoption-debt");
        File.WriteAllText(Path.Combine(repository.Path, "backend/index.yaml"), "- [unclosed\n");
        var (exit, _, error) = Run.InProcess("baseline", repository.Path);
        exit.Should().Be(ExitCode.InputError);
        error.Should().EndWith("backendlint: no baseline written, as a source could not be read\n");
        File.Exists(Path.Combine(repository.Path, ".backendlint-baseline.json")).Should().BeFalse();
    }

    [Test]
    public void A_missing_or_broken_baseline_is_an_input_error_at_its_position()
    {
        using var repository = Fixture.Materialize("adoption-debt");
        var missing = Path.Combine(repository.Path, "none.json");
        Run.InProcess("check", repository.Path, "--baseline", missing).Should().Be((ExitCode.InputError, "",
            $"{missing}:1:1: error: the baseline file does not exist; write it with 'backendlint baseline'\n"));

        var broken = Path.Combine(repository.Path, "broken.json");
        File.WriteAllText(broken, "{\n  \"version\": 1,\n  \"findings\": [ { \"fingerprint\": \"abc\" ]\n}\n");
        var (exit, _, error) = Run.InProcess("check", repository.Path, "--baseline", broken);
        exit.Should().Be(ExitCode.InputError);
        error.Should().StartWith($"{broken}:3:").And.Contain("error: not a BackendLint baseline");

        File.WriteAllText(broken, "{\"version\": 1, \"findings\": [{\"fingerprint\": \"ABC\"}]}");
        Run.InProcess("check", repository.Path, "--baseline", broken).Err.Should()
            .Be($"{broken}:1:1: error: finding 1 of the baseline has no valid 'fingerprint' (32 lowercase hex digits)\n");

        File.WriteAllText(broken, "{\"version\": 2, \"findings\": []}");
        Run.InProcess("check", repository.Path, "--baseline", broken).Err.Should().Contain("baseline version 2 is not supported");
    }

    [Test]
    public void The_baseline_named_in_the_configuration_is_used_unless_new_since_is_given()
    {
        using var repository = Fixture.Materialize("adoption-baseline");
        Run.InProcess("check", repository.Path, "--no-color").Out.Should().EndWith("1 error, 0 warnings in 1 of 6 backends (4 in the baseline)\n");
        Run.InProcess("check", repository.Path, "--baseline", "x.json", "--new-since", "HEAD").Exit.Should().Be(ExitCode.Usage);
    }

    private static void RemoveKokoroFromNotParallel(string root)
    {
        var makefile = Path.Combine(root, "Makefile");
        var text = File.ReadAllText(makefile);
        var edited = text.Replace("\tbackends/vllm backends/kokoro \\\n", "\tbackends/vllm \\\n", StringComparison.Ordinal);
        edited.Should().NotBe(text);
        File.WriteAllText(makefile, edited);
    }

    private static void Prepend(string path, string text) => File.WriteAllText(path, text + File.ReadAllText(path));

    // The finding lines of a text report: not the indented related locations, not the summary.
    private static string OnlyFinding(string output, bool ignoreNotes = false)
    {
        var findings = output.Split('\n').Where(l => l.Length > 0 && !l.StartsWith(' ') && l.Contains(": ", StringComparison.Ordinal) && l.EndsWith(']'))
            .Where(l => !ignoreNotes || !l.Contains(": note: ", StringComparison.Ordinal)).ToList();
        findings.Should().ContainSingle();
        return findings[0];
    }
}
