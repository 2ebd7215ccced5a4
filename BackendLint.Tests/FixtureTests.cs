using System.Text.RegularExpressions;
using BackendLint.Cli;
using BackendLint.Tests.Support;

namespace BackendLint.Tests;

/// <summary>
/// One case per fixture, materialized from the base and its overlay: the text report must equal its
/// <c>expected.txt</c>. On a mismatch <c>expected.actual.txt</c> is written beside it, to diff and promote.
/// </summary>
public partial class FixtureTests
{
    // An overlay plants one problem; more files than this means it is turning into a copy of the
    // base. The adoption fixtures add a configuration and a baseline beside their problems.
    private const int MaxFilesPerOverlay = 4;

    [TestCaseSource(typeof(Fixture), nameof(Fixture.Names))]
    public void Report_matches_expected(string fixture)
    {
        var directory = Fixture.SourceDirectory(fixture);
        var expected = File.ReadAllText(Path.Combine(directory, "expected.txt"));
        using var repository = Fixture.Materialize(fixture);
        var (exit, output, error) = Run.InProcess("check", repository.Path, "--no-color");

        var actualPath = Path.Combine(directory, "expected.actual.txt");
        if (output != expected)
            File.WriteAllText(actualPath, output);
        else if (File.Exists(actualPath))
            File.Delete(actualPath);

        error.Should().BeEmpty();
        output.Should().Be(expected, $"'{fixture}' should report exactly expected.txt (see expected.actual.txt)");
        exit.Should().Be(expected.Contains(": error: ", StringComparison.Ordinal) ? ExitCode.Findings : ExitCode.Success);
    }

    // Suppressed and baselined problems are marked too: --show-suppressed lists them.
    [TestCaseSource(typeof(Fixture), nameof(Fixture.Names))]
    public void Every_marker_comment_names_a_reported_rule(string fixture)
    {
        using var repository = Fixture.Materialize(fixture);
        var (_, reported, _) = Run.InProcess("check", repository.Path, "--no-color", "--show-suppressed");
        var markers = Directory.EnumerateFiles(repository.Path, "*", SearchOption.AllDirectories)
            .SelectMany(f => Marker().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct();
        foreach (var id in markers)
            reported.Should().Contain($"[{id}]", $"a '# {id}:' comment marks a problem in '{fixture}'");
    }

    [TestCaseSource(typeof(Fixture), nameof(Fixture.Overlays))]
    public void Overlay_applies_to_the_base_and_stays_small(string fixture)
    {
        var directory = Fixture.SourceDirectory(fixture);
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f))
            .Should().AllSatisfy(f => f.Should().MatchRegex(@"^(overlay\.patch|expected\.[a-z.-]+)$"), "an overlay directory holds its patch and expected output, the repository comes from the base");
        var patched = File.ReadLines(Path.Combine(directory, "overlay.patch")).Count(l => l.StartsWith("diff --git a/", StringComparison.Ordinal));
        patched.Should().BeInRange(1, MaxFilesPerOverlay, $"'{fixture}' should plant its problem in a few files");

        using var repository = Fixture.Materialize(fixture);
        Directory.EnumerateFiles(repository.Path, "expected.*").Should().BeEmpty();
    }

    [Test]
    public void Materializing_an_unknown_fixture_fails_with_its_name()
    {
        var act = () => Fixture.Materialize("no-such-fixture");
        act.Should().Throw<InvalidOperationException>().WithMessage("*no fixture 'no-such-fixture'*");
    }

    [GeneratedRegex(@"#\s*(BL\d{4}):")]
    private static partial Regex Marker();
}
