using System.Text.RegularExpressions;
using BackendLint.Cli;
using BackendLint.Tests.Support;

namespace BackendLint.Tests;

/// <summary>
/// One case per fixture repository: the text report must equal its <c>expected.txt</c>. On a
/// mismatch <c>expected.actual.txt</c> is written beside it, to diff and promote.
/// </summary>
public partial class FixtureTests
{
    public static IEnumerable<string> Fixtures() =>
        Directory.GetDirectories(Lint.FixturesDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [TestCaseSource(nameof(Fixtures))]
    public void Report_matches_expected(string fixture)
    {
        var directory = Path.Combine(Lint.FixturesDirectory, fixture);
        var expected = File.ReadAllText(Path.Combine(directory, "expected.txt"));
        var (exit, output, error) = Run.InProcess("check", directory, "--no-color");

        var actualPath = Path.Combine(directory, "expected.actual.txt");
        if (output != expected)
            File.WriteAllText(actualPath, output);
        else if (File.Exists(actualPath))
            File.Delete(actualPath);

        error.Should().BeEmpty();
        output.Should().Be(expected, $"'{fixture}' should report exactly expected.txt (see expected.actual.txt)");
        exit.Should().Be(expected.Contains(": error: ", StringComparison.Ordinal) ? ExitCode.Findings : ExitCode.Success);
    }

    [TestCaseSource(nameof(Fixtures))]
    public void Every_marker_comment_names_a_reported_rule(string fixture)
    {
        var directory = Path.Combine(Lint.FixturesDirectory, fixture);
        var expected = File.ReadAllText(Path.Combine(directory, "expected.txt"));
        var markers = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".txt", StringComparison.Ordinal) && !f.EndsWith(".sarif", StringComparison.Ordinal))
            .SelectMany(f => Marker().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct();
        foreach (var id in markers)
            expected.Should().Contain($"[{id}]", $"a '# {id}:' comment marks a problem in '{fixture}'");
    }

    [GeneratedRegex(@"#\s*(BL\d{4}):")]
    private static partial Regex Marker();
}
