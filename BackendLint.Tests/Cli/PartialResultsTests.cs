using BackendLint.Cli;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Cli;

/// <summary>A source that cannot be read stops only the rules that need it; the others still report, and the exit code is 3.</summary>
public class PartialResultsTests
{
    private const string NotRun = "backendlint: note: not run, as a source they need could not be read: ";

    // A definition without eval, .NOTPARALLEL or docker-build-backends entry: three Makefile-only findings.
    private const string NewDefinition = "\nBACKEND_NEWONE = newone|python|.|false|true\n";

    // An image with only a 'latest' tag and a capability naming nothing: two gallery-only findings.
    private const string LoneImage = "\n- name: \"lone\"\n  uri: \"quay.io/go-skynet/local-ai-backends:latest-cpu-lone\"\n  capabilities:\n    default: \"nobody\"\n";

    [Test]
    public void With_the_matrix_missing_gallery_and_makefile_rules_still_report()
    {
        using var repo = Broken(index: LoneImage, makefile: NewDefinition);
        File.Delete(Path.Combine(repo.Path, ".github/backend-matrix.yml"));
        File.Delete(Path.Combine(repo.Path, ".github/workflows/backend.yml"));

        var (exit, output, error) = Run.InProcess("check", repo.Path, "--no-color");

        exit.Should().Be(ExitCode.InputError);
        RulesIn(output).Should().Equal("BL1002", "BL1003", "BL3001", "BL3002", "BL3003");
        error.Should().Be($".github/backend-matrix.yml:1:1: error: no build matrix: neither '.github/backend-matrix.yml' nor '.github/workflows/backend.yml' exists in '{repo.Path}'\n"
            + NotRun + "BL1001, BL2001, BL2002, BL2003, BL2004, BL2005, BL2006, BL2007, BL4001, BL4002\n");
    }

    [Test]
    public void With_the_gallery_unparseable_makefile_rules_still_report_and_exit_is_3()
    {
        using var repo = Broken(index: "\n- name: [unclosed\n", makefile: NewDefinition);

        var (exit, output, error) = Run.InProcess("check", repo.Path, "--no-color");

        exit.Should().Be(ExitCode.InputError);
        RulesIn(output).Should().Equal("BL2005", "BL3001", "BL3002", "BL3003", "BL4001");
        var lines = error.TrimEnd('\n').Split('\n');
        lines.Should().HaveCount(2);
        lines[0].Should().MatchRegex(@"^backend/index\.yaml:\d+:\d+: error: ");
        lines[1].Should().Be(NotRun + "BL1001, BL1002, BL1003, BL1004, BL1005, BL1006, BL1007, BL1008, BL1009, BL2001");
    }

    [Test]
    public void A_broken_source_with_findings_elsewhere_still_exits_3_whatever_the_fail_level()
    {
        using var repo = Broken(index: "\n- name: [unclosed\n", makefile: NewDefinition);
        Run.InProcess("check", repo.Path, "--fail-level", "none").Exit.Should().Be(ExitCode.InputError);
    }

    private static List<string> RulesIn(string output) =>
        output.Split('\n').Where(l => l.EndsWith(']')).Select(l => l[(l.LastIndexOf('[') + 1)..^1]).Distinct().Order(StringComparer.Ordinal).ToList();

    // The clean fixture with text appended to its gallery and Makefile.
    private static Fixture Broken(string index, string makefile)
    {
        var repo = Fixture.Materialize(Fixture.Base);
        File.AppendAllText(Path.Combine(repo.Path, "backend/index.yaml"), index);
        File.AppendAllText(Path.Combine(repo.Path, "Makefile"), makefile);
        return repo;
    }
}
