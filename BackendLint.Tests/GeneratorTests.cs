using BackendLint.Bench;
using BackendLint.Checks;
using BackendLint.Parsing;

namespace BackendLint.Tests;

/// <summary>The benchmark's repositories are only worth timing if they are LocalAI-shaped and consistent.</summary>
public class GeneratorTests
{
    [TestCase(1, 0)]
    [TestCase(1, 8)]
    [TestCase(3, 5)]
    public void A_generated_repository_reports_exactly_its_planted_findings(int scale, int planted)
    {
        var root = Directory.CreateTempSubdirectory("backendlint-gen-").FullName;
        try
        {
            RepositoryGenerator.Write(root, scale, planted);
            var (model, errors) = RepositoryReader.Read(root, new SourcePaths());
            errors.Should().BeEmpty();
            model.Makefile.Definitions.Should().HaveCount(RepositoryGenerator.BackendsPerScale * scale);
            model.Gallery.Entries.Count.Should().BeInRange(950 * scale, 1100 * scale);
            model.Matrix.Entries.Count.Should().BeInRange(450 * scale, 550 * scale);

            var findings = LintEngine.Run(model, CheckCatalog.All).Findings;
            findings.Should().HaveCount(planted);
            findings.Select(f => f.Backend).Should().OnlyHaveUniqueItems();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
