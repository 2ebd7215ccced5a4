using BackendLint.Checks;
using BackendLint.Findings;
using BackendLint.Tests.Support;
using BackendLint.Text;

namespace BackendLint.Tests.Checks;

/// <summary>The 4xxx rules: the backend source tree agrees with the Makefile and the build matrix.</summary>
public class SourceChecksTests
{
    private const string Definitions = """
        BACKEND_LLAMA_CPP = llama-cpp|llama-cpp|.|false|false
        BACKEND_WHISPER = whisper|golang|.|false|true
        BACKEND_VLLM = vllm|python|.|false|true
        BACKEND_KOKOROS = kokoros|rust|.|false|true

        """;

    internal static readonly string[] Tree =
    [
        "backend/Dockerfile.golang",
        "backend/Dockerfile.python",
        "backend/Dockerfile.llama-cpp",
        "backend/Dockerfile.rust",
        "backend/cpp/llama-cpp/Makefile",
        "backend/go/whisper/Makefile",
        "backend/python/vllm/Makefile",
        "backend/python/vllm/install.sh",
        "backend/python/vllm/run.sh",
        "backend/python/vllm/test.sh",
        "backend/python/vllm/backend.py",
        "backend/python/vllm/requirements.txt",
        "backend/rust/kokoros/Makefile",
    ];

    internal static string Entry(string backend, string dockerfile, string suffix = "-cpu-x") => $"""
          - build-type: ''
            platforms: 'linux/amd64'
            tag-suffix: '{suffix}'
            backend: "{backend}"
            dockerfile: "{dockerfile}"
            context: "./"

        """;

    [Test]
    public void Reports_a_definition_whose_directory_is_missing_at_its_name_with_the_matrix_entries_related()
    {
        var matrix = "include:\n" + Entry("whisper", "./backend/Dockerfile.golang");
        var tree = Tree.Where(f => !f.StartsWith("backend/go/whisper/", StringComparison.Ordinal));

        var finding = Lint.Snippets(matrix: matrix, makefile: Definitions, tree: tree, only: CheckIds.BackendDirectoryExists).Should().ContainSingle().Subject;

        finding.Rule.Id.Should().Be("BL4001");
        finding.Level.Should().Be(Severity.Error);
        finding.Span.Should().Be(Lint.SpanOf(Lint.MakefileFile, Definitions, 2, "whisper"));
        finding.PlainMessage.Should().Be("Backend 'whisper' is built from 'backend/go/whisper/', as its definition's dockerfile type is 'golang', but that directory does not exist: restore it, or remove the backend.");
        finding.Related.Should().ContainSingle().Which.Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, matrix, 5, "whisper"));
        finding.Backend.Should().Be("whisper");
    }

    [Test]
    public void Reports_a_matrix_backend_without_a_definition_whose_directory_is_missing_at_its_first_entry()
    {
        var matrix = "include:\n" + Entry("bark", "./backend/Dockerfile.go", "-bark-cpp") + Entry("bark", "./backend/Dockerfile.go", "-cuda-bark-cpp");

        var finding = Lint.Snippets(matrix: matrix, makefile: Definitions, tree: [.. Tree, "backend/Dockerfile.go", "backend/go/bark-cpp/Makefile"], only: CheckIds.BackendDirectoryExists).Should().ContainSingle().Subject;

        finding.Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, matrix, 5, "bark"));
        finding.PlainMessage.Should().Be("Backend 'bark' is built from 'backend/go/bark/', as it is built with './backend/Dockerfile.go', but that directory does not exist: restore it, or remove the backend.");
        finding.Related.Should().ContainSingle().Which.Span.StartLine.Should().Be(11);
    }

    [Test]
    public void Reports_a_python_backend_whose_directory_is_under_another_language()
    {
        var matrix = "include:\n" + Entry("vllm", "./backend/Dockerfile.golang");

        var finding = Lint.Snippets(matrix: matrix, makefile: Definitions, tree: Tree, only: CheckIds.BackendDirectoryExists).Should().ContainSingle().Subject;

        finding.PlainMessage.Should().StartWith("Backend 'vllm' is built from 'backend/go/vllm/'");
    }

    [Test]
    public void Accepts_every_dockerfile_in_its_language_directory_and_special_dockerfiles_in_cpp()
    {
        var matrix = "include:\n" + Entry("llama-cpp", "./backend/Dockerfile.llama-cpp") + Entry("whisper", "./backend/Dockerfile.golang")
            + Entry("vllm", "./backend/Dockerfile.python") + Entry("kokoros", "./backend/Dockerfile.rust") + Entry("whisper", "backend/Dockerfile.go");

        Lint.Snippets(matrix: matrix, makefile: Definitions, tree: Tree, only: CheckIds.BackendDirectoryExists).Should().BeEmpty();
    }

    [Test]
    public void Accepts_darwin_builds_and_dockerfiles_written_as_expressions()
    {
        var matrix = "include:\n" + Entry("whisper", "${{ matrix.dockerfile }}") + "includeDarwin:\n  - backend: \"mlx\"\n    tag-suffix: \"-metal-darwin-arm64-mlx\"\n    build-type: \"mps\"\n    lang: \"python\"\n";

        Lint.Snippets(matrix: matrix, makefile: "", tree: [], only: CheckIds.BackendDirectoryExists).Should().BeEmpty();
    }

    [Test]
    public void Accepts_a_backend_built_with_a_dockerfile_that_does_not_exist()
    {
        // Which directory Dockerfile.golnag builds from is not known; BL2007 reports the Dockerfile.
        var matrix = "include:\n" + Entry("whisper", "./backend/Dockerfile.golnag");

        Lint.Snippets(matrix: matrix, makefile: "BACKEND_X = x|golnag|.|false|true\n", tree: Tree, only: CheckIds.BackendDirectoryExists).Should().BeEmpty();
    }

    [Test]
    public void Does_not_run_without_the_tree()
    {
        var (findings, notRun, _) = LintEngine.Run(Lint.Model(makefile: Definitions), CheckCatalog.All.Where(c => c.Rule.Id == CheckIds.BackendDirectoryExists));

        findings.Should().BeEmpty();
        notRun.Should().ContainSingle().Which.Reason.Should().Be("the backend source tree could not be read");
    }

    [Test]
    public void Reports_a_python_backend_without_its_standard_files_at_its_definition()
    {
        var tree = Tree.Where(f => f is not ("backend/python/vllm/test.sh" or "backend/python/vllm/requirements.txt"));

        var finding = Lint.Snippets(makefile: Definitions, tree: tree, only: CheckIds.PythonBackendHasStandardFiles).Should().ContainSingle().Subject;

        finding.Rule.Id.Should().Be("BL4002");
        finding.Level.Should().Be(Severity.Error);
        finding.Span.Should().Be(Lint.SpanOf(Lint.MakefileFile, Definitions, 3, "vllm"));
        finding.PlainMessage.Should().Be("Python backend 'vllm' has no 'test.sh', 'requirements*.txt' in 'backend/python/vllm/': add them as the other Python backends have them.");
    }

    [Test]
    public void Reports_a_python_backend_of_the_matrix_only_at_its_first_entry()
    {
        var matrix = "include:\n" + Entry("vllm", "./backend/Dockerfile.python");
        var tree = Tree.Where(f => f != "backend/python/vllm/backend.py");

        var finding = Lint.Snippets(matrix: matrix, tree: tree, only: CheckIds.PythonBackendHasStandardFiles).Should().ContainSingle().Subject;

        finding.Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, matrix, 5, "vllm"));
        finding.PlainMessage.Should().Be("Python backend 'vllm' has no 'backend.py' in 'backend/python/vllm/': add it as the other Python backends have them.");
    }

    [Test]
    public void Accepts_a_complete_backend_any_requirements_file_and_the_shared_common_directory()
    {
        var tree = Tree.Select(f => f == "backend/python/vllm/requirements.txt" ? "backend/python/vllm/requirements-cpu.txt" : f)
            .Append("backend/python/common/libbackend.sh");

        Lint.Snippets(makefile: Definitions, tree: tree, only: CheckIds.PythonBackendHasStandardFiles).Should().BeEmpty();
    }
}
