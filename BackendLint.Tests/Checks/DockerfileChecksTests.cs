using BackendLint.Checks;
using BackendLint.Findings;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Checks;

/// <summary>BL2006 and BL2007: each build-matrix Dockerfile exists, and the CI change filter has its branch.</summary>
public class DockerfileChecksTests
{
    private static string Entry(string backend, string dockerfile, string suffix = "-cpu-x") => SourceChecksTests.Entry(backend, dockerfile, suffix);

    private static readonly string[] Tree = SourceChecksTests.Tree;

    [Test]
    public void Reports_a_dockerfile_that_does_not_exist_once_at_its_first_entry()
    {
        var matrix = "include:\n" + Entry("whisper", "./backend/Dockerfile.golnag") + Entry("whisper", "./backend/Dockerfile.golnag", "-gpu-x");

        var finding = Lint.Snippets(matrix: matrix, tree: Tree, only: CheckIds.DockerfileExists).Should().ContainSingle().Subject;

        finding.Rule.Id.Should().Be("BL2007");
        finding.Level.Should().Be(Severity.Error);
        finding.Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, matrix, 6, "./backend/Dockerfile.golnag"));
        finding.PlainMessage.Should().Be("Dockerfile './backend/Dockerfile.golnag' does not exist, so 2 build-matrix entries cannot build: add 'backend/Dockerfile.golnag', or correct the path (did you mean 'backend/Dockerfile.golang'?).");
        finding.Related.Should().ContainSingle().Which.Span.StartLine.Should().Be(12);
        finding.Backend.Should().Be("whisper");
    }

    [Test]
    public void Reports_a_new_dockerfile_that_was_not_added_without_a_suggestion()
    {
        var matrix = "include:\n" + Entry("bonsai", "./backend/Dockerfile.bonsai");

        Lint.Snippets(matrix: matrix, tree: Tree, only: CheckIds.DockerfileExists).Should().ContainSingle()
            .Which.PlainMessage.Should().Be("Dockerfile './backend/Dockerfile.bonsai' does not exist, so a build-matrix entry cannot build: add 'backend/Dockerfile.bonsai', or correct the path.");
    }

    [Test]
    public void Accepts_existing_dockerfiles_with_or_without_the_leading_dot()
    {
        var matrix = "include:\n" + Entry("whisper", "./backend/Dockerfile.golang") + Entry("vllm", "backend/Dockerfile.python");

        Lint.Snippets(matrix: matrix, tree: Tree, only: CheckIds.DockerfileExists).Should().BeEmpty();
    }

    [Test]
    public void Accepts_expressions_and_paths_outside_the_listed_tree()
    {
        var matrix = "include:\n" + Entry("whisper", "${{ matrix.dockerfile }}") + Entry("vllm", "./Dockerfile") + Entry("x", "./docker/Dockerfile.x");

        Lint.Snippets(matrix: matrix, tree: Tree, only: CheckIds.DockerfileExists).Should().BeEmpty();
    }

    private const string Filter = """
        // if (item.dockerfile.endsWith("commented")) {
        function inferBackendPath(item) {
          if (item.dockerfile.endsWith("python")) return `backend/python/${item.backend}/`;
          if (item.dockerfile.endsWith("golang")) return `backend/go/${item.backend}/`;
          if (item.dockerfile.endsWith("Dockerfile.rust")) return `backend/rust/${item.backend}/`;
          return null;
        }
        """;

    [Test]
    public void Reports_a_dockerfile_without_a_branch_once_at_its_first_entry_with_the_filter_related()
    {
        var matrix = "include:\n" + Entry("llama-cpp", "./backend/Dockerfile.llama-cpp") + Entry("llama-cpp", "./backend/Dockerfile.llama-cpp", "-gpu-x");

        var finding = Lint.Snippets(matrix: matrix, tree: Tree, changeFilter: Filter, only: CheckIds.ChangeFilterKnowsDockerfile).Should().ContainSingle().Subject;

        finding.Rule.Id.Should().Be("BL2006");
        finding.Level.Should().Be(Severity.Error);
        finding.Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, matrix, 6, "./backend/Dockerfile.llama-cpp"));
        finding.PlainMessage.Should().Be("The change filter has no branch for './backend/Dockerfile.llama-cpp', so a pull request changing the backends built with it rebuilds none of its 2 build-matrix entries: add an 'endsWith(\"llama-cpp\")' branch to scripts/changed-backends.js.");
        finding.Related.Select(r => r.Span.File).Should().Equal(Lint.ChangeFilterFile, Lint.MatrixFile);
    }

    [Test]
    public void Reports_a_branch_that_is_only_in_a_comment()
    {
        var matrix = "include:\n" + Entry("x", "./backend/Dockerfile.commented");

        Lint.Snippets(matrix: matrix, tree: [.. Tree, "backend/Dockerfile.commented"], changeFilter: Filter, only: CheckIds.ChangeFilterKnowsDockerfile).Should().ContainSingle();
    }

    [Test]
    public void Accepts_a_branch_by_suffix_by_file_name_or_in_an_imported_module()
    {
        var matrix = "include:\n" + Entry("vllm", "./backend/Dockerfile.python") + Entry("whisper", "backend/Dockerfile.golang")
            + Entry("kokoros", "./backend/Dockerfile.rust") + Entry("ds4", "./backend/Dockerfile.ds4");
        var script = "import { inferBackendPath } from \"./lib/backend-filter.mjs\";\n" + Filter;
        var module = Lint.Source("scripts/lib/backend-filter.mjs", "export const ds4 = item => item.dockerfile.endsWith(\"ds4\");\n");

        var model = Lint.Model(matrix: matrix, tree: [.. Tree, "backend/Dockerfile.ds4"], changeFilter: script, filterModules: [module]);

        LintEngine.Run(model, CheckCatalog.All.Where(c => c.Rule.Id == CheckIds.ChangeFilterKnowsDockerfile)).Findings.Should().BeEmpty();
    }

    [Test]
    public void Accepts_a_dockerfile_that_does_not_exist_which_is_BL2007s()
    {
        var matrix = "include:\n" + Entry("x", "./backend/Dockerfile.golnag");

        Lint.Snippets(matrix: matrix, tree: Tree, changeFilter: Filter, only: CheckIds.ChangeFilterKnowsDockerfile).Should().BeEmpty();
    }

    [Test]
    public void Accepts_darwin_entries_and_expressions()
    {
        var matrix = "include:\n" + Entry("x", "${{ matrix.dockerfile }}") + "includeDarwin:\n  - backend: \"mlx\"\n    tag-suffix: \"-metal-mlx\"\n    lang: \"python\"\n";

        Lint.Snippets(matrix: matrix, tree: Tree, changeFilter: Filter, only: CheckIds.ChangeFilterKnowsDockerfile).Should().BeEmpty();
    }
}
