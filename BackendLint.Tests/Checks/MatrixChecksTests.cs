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

public class MatrixFieldsMatchTagPlatformTests
{
    private static string Entry(string suffix, string platforms = "linux/arm64", string buildType = "l4t", string dockerfile = "./backend/Dockerfile.python", string cuda = "12", string baseImage = "nvcr.io/nvidia/l4t-jetpack:r36.4.0", string? platformTag = null) =>
        $"  - build-type: '{buildType}'\n    cuda-major-version: \"{cuda}\"\n    platforms: '{platforms}'\n"
        + (platformTag is null ? "" : $"    platform-tag: '{platformTag}'\n")
        + $"    tag-suffix: '{suffix}'\n    base-image: \"{baseImage}\"\n    backend: \"diffusers\"\n    dockerfile: \"{dockerfile}\"\n";

    [Test]
    public void Reports_an_l4t_suffix_built_for_amd64_at_its_platforms()
    {
        var matrix = "include:\n" + Entry("-gpu-nvidia-l4t-diffusers", platforms: "linux/amd64");
        var finding = Lint.Snippets(matrix: matrix, only: CheckIds.MatrixFieldsMatchTagPlatform).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, matrix, 4, "linux/amd64"));
        finding.PlainMessage.Should().Be("Tag suffix '-gpu-nvidia-l4t-diffusers' names an arm64 build ('l4t'), but its platforms are 'linux/amd64': change them to 'linux/arm64'.");
        finding.Related.Single().Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, matrix, 5, "-gpu-nvidia-l4t-diffusers"));
        finding.Identity.Should().Be("suffix=-gpu-nvidia-l4t-diffusers;field=platforms");
    }

    [Test]
    public void Reports_an_arm64_suffix_built_for_both_platforms()
    {
        var matrix = "include:\n" + Entry("-gpu-nvidia-cuda-13-arm64-whisper", platforms: "linux/amd64,linux/arm64", buildType: "cublas", dockerfile: "./backend/Dockerfile.golang", cuda: "13", baseImage: "ubuntu:24.04");
        Lint.Snippets(matrix: matrix, only: CheckIds.MatrixFieldsMatchTagPlatform).Should().ContainSingle()
            .Which.PlainMessage.Should().Be("Tag suffix '-gpu-nvidia-cuda-13-arm64-whisper' names an arm64 build ('arm64'), but its platforms are 'linux/amd64,linux/arm64': change them to 'linux/arm64'.");
    }

    [Test]
    public void Reports_an_l4t_python_build_without_the_l4t_build_type()
    {
        var matrix = "include:\n" + Entry("-nvidia-l4t-arm64-chatterbox", buildType: "cublas");
        var finding = Lint.Snippets(matrix: matrix, only: CheckIds.MatrixFieldsMatchTagPlatform).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, matrix, 2, "cublas"));
        finding.PlainMessage.Should().Be("Tag suffix '-nvidia-l4t-arm64-chatterbox' names an L4T build of Dockerfile.python, but its build-type is 'cublas': change it to 'l4t', which installs the Jetson wheels.");
        finding.Identity.Should().Be("suffix=-nvidia-l4t-arm64-chatterbox;field=build-type");
    }

    [Test]
    public void Reports_a_cuda_13_build_on_a_jetpack_r36_base_image()
    {
        var matrix = "include:\n" + Entry("-gpu-nvidia-l4t-diffusers", cuda: "13");
        var finding = Lint.Snippets(matrix: matrix, only: CheckIds.MatrixFieldsMatchTagPlatform).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, matrix, 6, "nvcr.io/nvidia/l4t-jetpack:r36.4.0"));
        finding.PlainMessage.Should().Be("Base image 'nvcr.io/nvidia/l4t-jetpack:r36.4.0' is JetPack r36, which ships CUDA 12, but its cuda-major-version is '13': use a CUDA 13 base image such as 'ubuntu:24.04'.");
        finding.Identity.Should().Be("suffix=-gpu-nvidia-l4t-diffusers;field=base-image");
    }

    [Test]
    public void Reports_a_cuda_13_suffix_on_a_jetpack_r36_base_image_whatever_its_cuda_version_field()
    {
        var matrix = "include:\n" + Entry("-nvidia-l4t-cuda-13-arm64-diffusers", cuda: "12");
        Lint.Snippets(matrix: matrix, only: CheckIds.MatrixFieldsMatchTagPlatform).Should().ContainSingle()
            .Which.PlainMessage.Should().Be("Base image 'nvcr.io/nvidia/l4t-jetpack:r36.4.0' is JetPack r36, which ships CUDA 12, but tag suffix '-nvidia-l4t-cuda-13-arm64-diffusers' names 'cuda-13': use a CUDA 13 base image such as 'ubuntu:24.04'.");
    }

    [Test]
    public void Reports_a_suffix_naming_no_arm64_platform_that_only_arm64_builds()
    {
        var matrix = "include:\n" + Entry("-cpu-diffusers", buildType: "", platformTag: "arm64", baseImage: "ubuntu:24.04");
        var finding = Lint.Snippets(matrix: matrix, only: CheckIds.MatrixFieldsMatchTagPlatform).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, matrix, 4, "linux/arm64"));
        finding.PlainMessage.Should().Be("Tag suffix '-cpu-diffusers' names no arm64 platform, but its only build is 'linux/arm64': add 'arm64' to the suffix, or build 'linux/amd64' too.");
        finding.Related.Single().Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, matrix, 6, "-cpu-diffusers"));
    }

    [Test]
    public void Accepts_the_arm64_leg_of_a_multiarch_pair_whose_suffix_names_no_platform()
    {
        var matrix = "include:\n"
            + Entry("-cpu-diffusers", platforms: "linux/amd64", buildType: "", platformTag: "amd64", baseImage: "ubuntu:24.04")
            + Entry("-cpu-diffusers", buildType: "", platformTag: "arm64", baseImage: "ubuntu:24.04");
        Lint.Snippets(matrix: matrix, only: CheckIds.MatrixFieldsMatchTagPlatform).Should().BeEmpty();
    }

    [Test]
    public void Accepts_an_l4t_build_of_another_dockerfile_with_the_cublas_build_type()
    {
        // LocalAI's Go and C++ Jetson images build with 'cublas' on the JetPack base image.
        var matrix = "include:\n" + Entry("-nvidia-l4t-arm64-llama-cpp", buildType: "cublas", dockerfile: "./backend/Dockerfile.llama-cpp");
        Lint.Snippets(matrix: matrix, only: CheckIds.MatrixFieldsMatchTagPlatform).Should().BeEmpty();
    }

    [Test]
    public void Accepts_a_cuda_13_arm64_build_on_ubuntu_and_a_cuda_12_one_on_jetpack()
    {
        var matrix = "include:\n"
            + Entry("-nvidia-l4t-cuda-13-arm64-diffusers", cuda: "13", baseImage: "ubuntu:24.04")
            + Entry("-nvidia-l4t-diffusers");
        Lint.Snippets(matrix: matrix, only: CheckIds.MatrixFieldsMatchTagPlatform).Should().BeEmpty();
    }

    [Test]
    public void Accepts_darwin_builds_and_expressions()
    {
        // The darwin workflow builds natively and never reads 'platforms'.
        const string matrix = "include:\n  - tag-suffix: '-nvidia-l4t-x'\n    platforms: ${{ inputs.platforms }}\n    backend: x\nincludeDarwin:\n  - backend: x\n    tag-suffix: '-metal-darwin-arm64-x'\n    platforms: 'linux/amd64'\n";
        Lint.Snippets(matrix: matrix, only: CheckIds.MatrixFieldsMatchTagPlatform).Should().BeEmpty();
    }
}

public class TagSuffixBuiltOnceTests
{
    [Test]
    public void Reports_the_second_entry_of_a_suffix_at_its_tag_suffix()
    {
        const string matrix = "include:\n  - backend: diffusers\n    cuda-major-version: \"12\"\n    tag-suffix: '-gpu-nvidia-l4t-diffusers'\n  - backend: diffusers\n    cuda-major-version: \"13\"\n    tag-suffix: '-gpu-nvidia-l4t-diffusers'\n";
        var finding = Lint.Snippets(matrix: matrix, only: CheckIds.TagSuffixBuiltOnce).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, matrix, 7, "-gpu-nvidia-l4t-diffusers"));
        finding.PlainMessage.Should().Be("Tag suffix '-gpu-nvidia-l4t-diffusers' is already built by an earlier build, so the two builds push the same tag and the last one wins: give this build its own suffix, or make both legs of one multi-architecture image (each with a 'platform-tag' and distinct 'platforms').");
        finding.Related.Single().Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, matrix, 4, "-gpu-nvidia-l4t-diffusers"));
        finding.Identity.Should().Be("suffix=-gpu-nvidia-l4t-diffusers;build=2");
        finding.Backend.Should().Be("diffusers");
    }

    [Test]
    public void Reports_two_legs_on_one_platform()
    {
        const string matrix = "include:\n  - platforms: 'linux/amd64'\n    platform-tag: 'amd64'\n    tag-suffix: '-cpu-x'\n  - platforms: 'linux/amd64'\n    platform-tag: 'arm64'\n    tag-suffix: '-cpu-x'\n";
        Lint.Snippets(matrix: matrix, only: CheckIds.TagSuffixBuiltOnce).Should().ContainSingle()
            .Which.Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, matrix, 7, "-cpu-x"));
    }

    [Test]
    public void Reports_legs_without_a_platform_tag()
    {
        const string matrix = "include:\n  - platforms: 'linux/amd64'\n    tag-suffix: '-cpu-x'\n  - platforms: 'linux/arm64'\n    tag-suffix: '-cpu-x'\n";
        Lint.Snippets(matrix: matrix, only: CheckIds.TagSuffixBuiltOnce).Should().ContainSingle();
    }

    [Test]
    public void Reports_a_suffix_built_by_two_inline_jobs()
    {
        const string workflow = "jobs:\n  backend-jobs:\n    strategy:\n      matrix:\n        include:\n          - backend: x\n            tag-suffix: '-metal-darwin-arm64-x'\n  x-darwin:\n    uses: ./.github/workflows/backend_build_darwin.yml\n    with:\n      tag-suffix: '-metal-darwin-arm64-x'\n";
        var finding = Lint.Snippets(workflow: workflow, only: CheckIds.TagSuffixBuiltOnce).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf(Lint.WorkflowFile, workflow, 11, "-metal-darwin-arm64-x"));
        finding.Related.Single().Span.Should().Be(Lint.SpanOf(Lint.WorkflowFile, workflow, 7, "-metal-darwin-arm64-x"));
    }

    [Test]
    public void Accepts_the_legs_of_a_multiarch_image()
    {
        const string matrix = "include:\n  - platforms: 'linux/amd64'\n    platform-tag: 'amd64'\n    tag-suffix: '-cpu-x'\n  - platforms: 'linux/arm64'\n    platform-tag: 'arm64'\n    tag-suffix: '-cpu-x'\n";
        Lint.Snippets(matrix: matrix, only: CheckIds.TagSuffixBuiltOnce).Should().BeEmpty();
    }

    [Test]
    public void Accepts_one_job_naming_its_suffix_in_with_and_in_its_metadata_step()
    {
        const string workflow = "jobs:\n  x-darwin:\n    uses: ./.github/workflows/backend_build_darwin.yml\n    with:\n      tag-suffix: '-metal-darwin-arm64-x'\n    steps:\n      - uses: docker/metadata-action@v5\n        with:\n          flavor: |\n            suffix=-metal-darwin-arm64-x,onlatest=true\n";
        Lint.Snippets(workflow: workflow, only: CheckIds.TagSuffixBuiltOnce).Should().BeEmpty();
    }
}

public class MatrixAndMakefileRegisterSameBackendsTests
{
    private const string Index = "- name: kokoros\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-kokoros\n";

    [Test]
    public void Reports_a_linux_matrix_backend_without_a_definition_at_its_backend()
    {
        const string matrix = "include:\n  - backend: \"mlx-audio\"\n    tag-suffix: '-cpu-mlx-audio'\n    dockerfile: \"./backend/Dockerfile.python\"\n    context: \"./\"\n  - backend: vllm\n    tag-suffix: '-cpu-vllm'\n";
        const string makefile = "BACKEND_VLLM = vllm|python|.|false|true\n";
        var finding = Lint.Snippets(matrix: matrix, makefile: makefile, only: CheckIds.MatrixAndMakefileRegisterSameBackends).Should().ContainSingle().Subject;
        finding.Level.Should().Be(BackendLint.Findings.Severity.Warning);
        finding.Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, matrix, 2, "mlx-audio"));
        finding.PlainMessage.Should().Be("Backend 'mlx-audio' is built by the build matrix, but the Makefile has no definition of it: add 'BACKEND_MLX_AUDIO = mlx-audio|python|./|false|true' next to the other definitions, with its eval line.");
        finding.Related.Single().Span.Should().Be(Lint.SpanOf("Makefile", makefile, 1, "BACKEND_VLLM"));
        finding.Identity.Should().Be("backend=mlx-audio;definition=absent");
    }

    [Test]
    public void Reports_a_definition_without_a_linux_build_that_the_gallery_names()
    {
        const string matrix = "include:\n  - backend: vllm\n    tag-suffix: '-cpu-vllm'\nincludeDarwin:\n  - backend: kokoros\n    tag-suffix: '-metal-darwin-arm64-kokoros'\n";
        const string makefile = "BACKEND_VLLM = vllm|python|.|false|true\nBACKEND_KOKOROS = kokoros|rust|.|false|true\n";
        var finding = Lint.Snippets(matrix: matrix, index: Index, makefile: makefile, only: CheckIds.MatrixAndMakefileRegisterSameBackends).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("Makefile", makefile, 2, "kokoros"));
        finding.PlainMessage.Should().Be("Backend 'kokoros' is defined in the Makefile, but no Linux build-matrix entry builds it: add an 'include:' entry with 'backend: kokoros', or delete 'BACKEND_KOKOROS' if CI is not meant to build it.");
        finding.Identity.Should().Be("backend=kokoros;matrix=absent");
    }

    [Test]
    public void Reports_a_leftover_definition_and_says_to_delete_it()
    {
        const string matrix = "include:\n  - backend: vllm\n    tag-suffix: '-cpu-vllm'\n";
        const string makefile = "BACKEND_VLLM = vllm|python|.|false|true\nBACKEND_HUGGINGFACE = huggingface|golang|.|false|true\n";
        var finding = Lint.Snippets(matrix: matrix, index: Index, makefile: makefile, tree: ["backend/python/vllm/backend.py"], only: CheckIds.MatrixAndMakefileRegisterSameBackends).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("Makefile", makefile, 2, "huggingface"));
        finding.PlainMessage.Should().Be("Backend 'huggingface' is defined in the Makefile, but no build-matrix entry builds it, no gallery entry names it and no backend directory holds it: delete 'BACKEND_HUGGINGFACE', its eval line and its 'docker-build-huggingface' and 'backends/huggingface' list items.");
        finding.Identity.Should().Be("backend=huggingface;leftover");
    }

    [Test]
    public void Reports_a_definition_whose_source_is_there_as_missing_its_build_not_as_leftover()
    {
        // LocalAI's cloud-proxy: source and definition from 6a80e2373 (2026-05-25), builds from b9d6d49e3 (2026-07-16).
        const string matrix = "include:\n  - backend: vllm\n    tag-suffix: '-cpu-vllm'\n";
        const string makefile = "BACKEND_VLLM = vllm|python|.|false|true\nBACKEND_CLOUD_PROXY = cloud-proxy|golang|.|false|true\n";
        string[] tree = ["backend/python/vllm/backend.py", "backend/go/cloud-proxy/main.go"];
        Lint.Snippets(matrix: matrix, index: Index, makefile: makefile, tree: tree, only: CheckIds.MatrixAndMakefileRegisterSameBackends)
            .Should().ContainSingle().Which.Identity.Should().Be("backend=cloud-proxy;matrix=absent");
        Lint.Snippets(matrix: matrix, index: Index, makefile: makefile, only: CheckIds.MatrixAndMakefileRegisterSameBackends)
            .Should().ContainSingle("without the source tree nothing says the backend is gone").Which.Identity.Should().Be("backend=cloud-proxy;matrix=absent");
    }

    [Test]
    public void Accepts_a_darwin_only_backend_without_a_definition()
    {
        const string matrix = "include:\n  - backend: vllm\n    tag-suffix: '-cpu-vllm'\nincludeDarwin:\n  - backend: mlx\n    tag-suffix: '-metal-darwin-arm64-mlx'\n";
        Lint.Snippets(matrix: matrix, makefile: "BACKEND_VLLM = vllm|python|.|false|true\n", only: CheckIds.MatrixAndMakefileRegisterSameBackends).Should().BeEmpty();
    }

    [Test]
    public void Accepts_a_makefile_without_definitions()
    {
        // LocalAI's Makefile before 2026 built each backend with its own hand-written target.
        const string matrix = "include:\n  - backend: vllm\n    tag-suffix: '-cpu-vllm'\n";
        Lint.Snippets(matrix: matrix, makefile: "backends/vllm:\n\tdocker build .\n", only: CheckIds.MatrixAndMakefileRegisterSameBackends).Should().BeEmpty();
    }

    [Test]
    public void Accepts_a_matrix_without_linux_builds()
    {
        const string matrix = "include: []\nincludeDarwin:\n  - backend: mlx\n    tag-suffix: '-metal-darwin-arm64-mlx'\n";
        Lint.Snippets(matrix: matrix, makefile: "BACKEND_VLLM = vllm|python|.|false|true\n", only: CheckIds.MatrixAndMakefileRegisterSameBackends).Should().BeEmpty();
    }
}
