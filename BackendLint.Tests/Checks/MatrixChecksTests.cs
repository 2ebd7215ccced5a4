using BackendLint.Checks;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Checks;

public class BuiltImageMustBeInGalleryTests
{
    private const string Index = """
        - &whisper
          name: "whisper"
        - !!merge <<: *whisper
          name: "cpu-whisper"
          uri: "quay.io/go-skynet/local-ai-backends:latest-cpu-whisper"
          mirrors:
            - localai/localai-backends:latest-cpu-whisper
        """;

    [Test]
    public void Reports_a_built_suffix_no_image_uses_once_per_multiarch_pair()
    {
        const string matrix = """
            include:
              - backend: "whisper"
                platform-tag: 'amd64'
                tag-suffix: '-gpu-vulkan-whisper'
              - backend: "whisper"
                platform-tag: 'arm64'
                tag-suffix: '-gpu-vulkan-whisper'
              - backend: "whisper"
                tag-suffix: '-cpu-whisper'
            """;
        var finding = Lint.Snippets(matrix: matrix, index: Index, only: CheckIds.BuiltImageMustBeInGallery).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, matrix, 4, "-gpu-vulkan-whisper"));
        finding.PlainMessage.Should().Be("Tag suffix '-gpu-vulkan-whisper' of backend 'whisper' is built, but no gallery image uses it; add images tagged 'latest-gpu-vulkan-whisper' and 'master-gpu-vulkan-whisper' next to the meta entry.");
        finding.Related.Should().ContainSingle().Which.Span.Should().Be(Lint.SpanOf(Lint.IndexFile, Index, 2, "whisper"));
    }

    [Test]
    public void Reports_a_literal_workflow_suffix_no_image_uses()
    {
        const string workflow = "jobs:\n  darwin:\n    uses: ./.github/workflows/backend_build_darwin.yml\n    with:\n      tag-suffix: '-metal-darwin-arm64-x'\n";
        Lint.Snippets(index: Index, workflow: workflow, only: CheckIds.BuiltImageMustBeInGallery).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { PlainMessage = "Tag suffix '-metal-darwin-arm64-x' is built, but no gallery image uses it; add images tagged 'latest-metal-darwin-arm64-x' and 'master-metal-darwin-arm64-x' to the gallery, with a meta entry for the backend.", Identity = "suffix=-metal-darwin-arm64-x", Backend = (string?)null });
    }

    [Test]
    public void Accepts_a_suffix_used_only_by_a_mirror()
    {
        const string index = "- name: cpu-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n  mirrors:\n    - localai/localai-backends:latest-cpu-y\n";
        const string matrix = "include:\n  - backend: x\n    tag-suffix: '-cpu-y'\n  - backend: x\n    tag-suffix: '-cpu-x'\n";
        Lint.Snippets(matrix: matrix, index: index, only: CheckIds.BuiltImageMustBeInGallery).Should().BeEmpty();
    }
}

public class BuildContextMustMatchMakefileTests
{
    private const string Makefile = "BACKEND_VLLM = vllm|python|.|false|true\n";

    [Test]
    public void Reports_the_entry_that_disagrees_with_the_makefile_and_its_siblings()
    {
        const string matrix = "include:\n  - backend: vllm\n    tag-suffix: '-cpu-vllm'\n    context: \"./\"\n  - backend: vllm\n    tag-suffix: '-gpu-vllm'\n    context: \"./backend\"\n";
        var finding = Lint.Snippets(matrix: matrix, makefile: Makefile, only: CheckIds.BuildContextMustMatchMakefile).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, matrix, 7, "./backend"));
        finding.PlainMessage.Should().Be("Build context './backend' of backend 'vllm' is not the Makefile's context '.': change it to '.', or change the Makefile's if this one is right.");
        finding.Related.Single().Span.Should().Be(Lint.SpanOf("Makefile", Makefile, 1, "."));
    }

    [Test]
    public void Reports_the_makefile_once_when_every_build_disagrees_with_it()
    {
        const string makefile = "BACKEND_VLLM = vllm|python|./backend|false|true\n";
        const string matrix = "include:\n  - backend: vllm\n    context: \"./\"\n  - backend: vllm\n    context: \".\"\n";
        var finding = Lint.Snippets(matrix: matrix, makefile: makefile, only: CheckIds.BuildContextMustMatchMakefile).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("Makefile", makefile, 1, "./backend"));
        finding.PlainMessage.Should().Be("Build context './backend' of 'BACKEND_VLLM' is not the './' that all 2 build-matrix entries of 'vllm' use: change it to './'.");
    }

    [Test]
    public void Says_uses_when_the_one_build_disagrees_with_the_makefile()
    {
        const string makefile = "BACKEND_VLLM = vllm|python|./backend|false|true\n";
        const string matrix = "include:\n  - backend: vllm\n    context: \"./\"\n";
        Lint.Snippets(matrix: matrix, makefile: makefile, only: CheckIds.BuildContextMustMatchMakefile).Should().ContainSingle()
            .Which.PlainMessage.Should().Be("Build context './backend' of 'BACKEND_VLLM' is not the './' that the build-matrix entry of 'vllm' uses: change it to './'.");
    }

    [TestCase("", ".")]
    [TestCase("./", ".")]
    [TestCase("./backend/", "backend")]
    [TestCase("backend", "./backend")]
    public void Accepts_spellings_of_the_same_directory(string makefileContext, string matrixContext)
    {
        var makefile = $"BACKEND_VLLM = vllm|python|{makefileContext}|false|true\n";
        var matrix = $"include:\n  - backend: vllm\n    context: \"{matrixContext}\"\n";
        Lint.Snippets(matrix: matrix, makefile: makefile, only: CheckIds.BuildContextMustMatchMakefile).Should().BeEmpty();
    }

    [Test]
    public void Accepts_darwin_entries_that_have_no_context()
    {
        const string matrix = "includeDarwin:\n  - backend: vllm\n    tag-suffix: '-metal-darwin-arm64-vllm'\n";
        Lint.Snippets(matrix: matrix, makefile: Makefile, only: CheckIds.BuildContextMustMatchMakefile).Should().BeEmpty();
    }
}
