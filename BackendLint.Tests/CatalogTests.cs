using System.Reflection;
using BackendLint.Checks;
using BackendLint.Findings;
using BackendLint.Reporting;
using BackendLint.Tests.Support;

namespace BackendLint.Tests;

/// <summary>The catalog's promises to users: stable unique ids in order, a doc page, a fixture and the README table per rule.</summary>
public class CatalogTests
{
    private static IReadOnlyList<Rule> Descriptors => CheckCatalog.Rules;

    [Test]
    public void Ids_are_unique_and_listed_in_order()
    {
        var ids = Descriptors.Select(d => d.Id).ToList();
        ids.Should().OnlyHaveUniqueItems().And.BeInAscendingOrder(StringComparer.Ordinal);
        ids.Should().AllSatisfy(id => id.Should().MatchRegex(@"^BL[01234]\d{3}$"));
    }

    [Test]
    public void Every_check_class_is_registered_and_named_after_its_descriptor()
    {
        var classes = typeof(ICheck).Assembly.GetTypes().Where(t => typeof(ICheck).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        classes.Should().HaveCount(CheckCatalog.All.Count, "every check class must be in CheckCatalog.All");
        foreach (var check in CheckCatalog.All)
            check.GetType().Name.Should().Be(check.Rule.Name);
    }

    [Test]
    public void The_catalog_is_the_suppression_rules_and_the_checks()
    {
        Descriptors.Select(d => d.Id).Should().Equal(new[] { "BL0001", "BL0002" }.Concat(CheckCatalog.All.Select(c => c.Rule.Id)));
        Descriptors.Take(2).Should().AllSatisfy(d => d.Area.Should().Be("suppression"));
    }

    [Test]
    public void Every_check_file_is_named_after_its_id_and_name()
    {
        var root = Path.Combine(Lint.RepositoryRoot, "BackendLint", "Checks");
        foreach (var d in CheckCatalog.All.Select(c => c.Rule))
            Directory.GetFiles(root, $"{d.Id}.{d.Name}.cs", SearchOption.AllDirectories).Should().ContainSingle($"{d.Id} lives in Checks/<area>/{d.Id}.{d.Name}.cs");
    }

    [Test]
    public void Every_rule_has_a_doc_page_that_starts_with_its_id_and_name()
    {
        foreach (var d in Descriptors)
        {
            var page = Path.Combine(Lint.RepositoryRoot, "docs", "rules", $"{d.Id}.md");
            File.Exists(page).Should().BeTrue($"{d.Id} needs docs/rules/{d.Id}.md");
            File.ReadLines(page).First().Should().Be($"# {d.Id} {d.Name}");
            File.ReadAllText(page).Should().Contain("## Where it points").And.Contain($"[{d.Id}]");
        }
    }

    [Test]
    public void Every_rule_has_a_fixture_that_reports_it()
    {
        foreach (var d in Descriptors)
        {
            var fixture = Directory.GetDirectories(Lint.FixturesDirectory, d.Id + "-*").Should().ContainSingle().Subject;
            File.ReadAllText(Path.Combine(fixture, "expected.txt")).Should().Contain($"[{d.Id}]");
        }
    }

    [Test]
    public void Readme_rule_table_is_the_catalog()
    {
        var readme = File.ReadAllText(Path.Combine(Lint.RepositoryRoot, "README.md"));
        readme.Should().Contain(RulesReporter.Markdown(CheckCatalog.Rules), "regenerate the table with 'backendlint rules --format markdown'");
    }

    // Code scanning filters alerts by these tags: every check is about files agreeing, the two
    // suppression rules about keeping suppressions honest.
    [Test]
    public void Every_rule_is_tagged_by_what_it_keeps()
    {
        CheckCatalog.All.Should().AllSatisfy(c => c.Rule.Tag.Should().Be("consistency"));
        Descriptors.Where(d => d.Id.StartsWith("BL0", StringComparison.Ordinal)).Should().AllSatisfy(d => d.Tag.Should().Be("maintainability"));
    }

    [Test]
    public void Descriptions_are_sentences()
    {
        foreach (var d in Descriptors)
        {
            d.ShortDescription.Should().EndWith(".");
            d.FullDescription.Should().EndWith(".");
        }
    }
}
