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
}
