using BackendLint.Checks;
using BackendLint.Findings;
using BackendLint.Parsing;
using BackendLint.Text;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Checks;

public class LintEngineTests
{
    [Test]
    public void Rules_whose_inputs_were_not_read_are_listed_with_what_was_missing()
    {
        var (model, errors) = RepositoryReader.FromTexts(null, null, null, Lint.Source("Makefile", ""), tree: []);
        errors.Should().HaveCount(2);
        var result = LintEngine.Run(model, CheckCatalog.All);
        result.NotRun.Select(n => (n.Rule.Id, n.Reason)).Should().Equal(
            ("BL1001", "the build matrix and the gallery index could not be read"),
            ("BL1002", "the gallery index could not be read"),
            ("BL1003", "the gallery index could not be read"),
            ("BL1004", "the gallery index could not be read"),
            ("BL1005", "the gallery index could not be read"),
            ("BL1006", "the gallery index could not be read"),
            ("BL1007", "the gallery index could not be read"),
            ("BL1008", "the gallery index could not be read"),
            ("BL1009", "the gallery index could not be read"),
            ("BL2001", "the build matrix and the gallery index could not be read"),
            ("BL2002", "the build matrix could not be read"),
            ("BL2003", "the build matrix could not be read"),
            ("BL2004", "the build matrix could not be read"),
            ("BL2005", "the build matrix could not be read"),
            ("BL2006", "the build matrix and the change filter could not be read"),
            ("BL2007", "the build matrix could not be read"),
            ("BL4001", "the build matrix could not be read"),
            ("BL4002", "the build matrix could not be read"));
    }

    [Test]
    public void A_rule_needing_only_the_makefile_is_not_run_without_it()
    {
        var (model, _) = RepositoryReader.FromTexts(null, Lint.Source(Lint.MatrixFile, "include: []\n"), Lint.Source(Lint.IndexFile, "[]\n"), null, tree: []);
        LintEngine.Run(model, CheckCatalog.All).NotRun.Select(n => n.Rule.Id).Should().Equal("BL2002", "BL2005", "BL2006", "BL3001", "BL3002", "BL3003", "BL3004", "BL4001", "BL4002");
        LintEngine.Run(model, CheckCatalog.All).NotRun[^1].Reason.Should().Be("the Makefile could not be read");
        LintEngine.Run(model, CheckCatalog.All).NotRun[2].Reason.Should().Be("the change filter could not be read");
    }

    [Test]
    public void Findings_at_the_same_place_of_the_same_rule_are_ordered_by_message()
    {
        var rule = CheckCatalog.All[0].Rule;
        var span = new SourceSpan("a", 1, 1, 1, 2);
        var b = rule.At(span, "b.", null, "b");
        var a = rule.At(span, "a.", null, "a");
        LintEngine.Compare(a, b).Should().BeNegative();
        LintEngine.Compare(b, a).Should().BePositive();
        LintEngine.Compare(a, a).Should().Be(0);
    }
}
