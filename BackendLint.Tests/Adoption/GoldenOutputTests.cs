using BackendLint.Tests.Support;

namespace BackendLint.Tests.Adoption;

/// <summary>
/// Suppressed, baselined and unused-suppression findings in every output format, byte for byte
/// against the fixture's <c>expected.*</c> files (text is covered by <see cref="FixtureTests"/>).
/// On a mismatch <c>expected.actual.*</c> is written beside the golden file, to diff and promote.
/// Every SARIF log also passes the SARIF 2.1.0 schema.
/// </summary>
public class GoldenOutputTests
{
    private static readonly string[] Fixtures = ["BL0001-suppression-unused", "BL0002-suppression-invalid", "adoption-baseline", "adoption-config", "adoption-inline"];

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var fixture in Fixtures)
        {
            yield return new TestCaseData(fixture, "expected.json", new[] { "--format", "json" }).SetArgDisplayNames(fixture, "json");
            yield return new TestCaseData(fixture, "expected.sarif", new[] { "--format", "sarif" }).SetArgDisplayNames(fixture, "sarif");
            yield return new TestCaseData(fixture, "expected.github", new[] { "--format", "github" }).SetArgDisplayNames(fixture, "github");
        }

        yield return new TestCaseData("adoption-inline", "expected.show-suppressed.txt", new[] { "--show-suppressed", "--no-color" }).SetArgDisplayNames("adoption-inline", "show-suppressed");
        yield return new TestCaseData("adoption-config", "expected.show-suppressed.txt", new[] { "--show-suppressed", "--no-color" }).SetArgDisplayNames("adoption-config", "show-suppressed");
        yield return new TestCaseData("adoption-baseline", "expected.show-suppressed.txt", new[] { "--show-suppressed", "--no-color" }).SetArgDisplayNames("adoption-baseline", "show-suppressed");
        yield return new TestCaseData("adoption-inline", "expected.include-suppressed.sarif", new[] { "--format", "sarif", "--include-suppressed" }).SetArgDisplayNames("adoption-inline", "include-suppressed");
        yield return new TestCaseData("adoption-config", "expected.include-suppressed.sarif", new[] { "--format", "sarif", "--include-suppressed" }).SetArgDisplayNames("adoption-config", "include-suppressed");
    }

    [TestCaseSource(nameof(Cases))]
    public void Output_equals_the_golden_file(string fixture, string golden, string[] options)
    {
        var goldenPath = Path.Combine(Fixture.SourceDirectory(fixture), golden);
        var actualPath = Path.Combine(Fixture.SourceDirectory(fixture), golden.Replace("expected.", "expected.actual.", StringComparison.Ordinal));
        using var repository = Fixture.Materialize(fixture);
        var (_, output, _) = Run.InProcess(["check", repository.Path, .. options]);

        var expected = File.Exists(goldenPath) ? File.ReadAllText(goldenPath) : "";
        if (output != expected)
            File.WriteAllText(actualPath, output);
        else if (File.Exists(actualPath))
            File.Delete(actualPath);
        output.Should().Be(expected, $"'{fixture}' {string.Join(' ', options)} should write exactly {golden} (see {Path.GetFileName(actualPath)})");
        if (golden.EndsWith(".sarif", StringComparison.Ordinal))
            SarifSchema.Errors(output).Should().BeEmpty();
    }

    [Test]
    public void Sarif_leaves_suppressed_results_out_and_marks_known_ones_unchanged()
    {
        using var inline = Fixture.Materialize("adoption-inline");
        var sarif = Run.InProcess("check", inline.Path, "--format", "sarif").Out;
        sarif.Should().Contain("\"results\": []");

        var all = Run.InProcess("check", inline.Path, "--format", "sarif", "--include-suppressed").Out;
        all.Split("\"kind\": \"inSource\"").Should().HaveCount(5, "four suppressed results, each with its in-source suppression");

        using var baseline = Fixture.Materialize("adoption-baseline");
        var known = Run.InProcess("check", baseline.Path, "--format", "sarif").Out;
        known.Split("\"baselineState\": \"unchanged\"").Should().HaveCount(5);
        known.Split("\"baselineState\": \"new\"").Should().HaveCount(2);
    }
}
