using BackendLint.Checks;
using BackendLint.Text;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Checks;

public class GalleryImageMustBeBuiltTests
{
    private const string Matrix = "include:\n  - backend: vllm\n    tag-suffix: '-cpu-vllm'\n";

    [Test]
    public void Reports_image_whose_tag_suffix_no_matrix_entry_builds()
    {
        const string index = """
            - &vllm
              name: vllm
            - !!merge <<: *vllm
              name: cuda12-vllm
              uri: quay.io/go-skynet/local-ai-backends:latest-gpu-nvidia-cuda-12-vllm
            """;
        var finding = Lint.Snippets(matrix: Matrix, index: index, only: CheckIds.GalleryImageMustBeBuilt).Should().ContainSingle().Subject;
        finding.Span.Should().Be(new SourceSpan("backend/index.yaml", 5, 50, 5, 74));
        finding.PlainMessage.Should().Be("Gallery image 'cuda12-vllm' uses tag suffix '-gpu-nvidia-cuda-12-vllm', which no build-matrix entry produces: add a build-matrix entry with tag-suffix '-gpu-nvidia-cuda-12-vllm' next to the builds of 'vllm', or correct the tag.");
        finding.Related.Should().ContainSingle().Which.Span.StartLine.Should().Be(2);
    }

    [Test]
    public void Reports_a_mirror_with_another_suffix_than_its_uri()
    {
        const string index = """
            - name: cpu-vllm
              uri: quay.io/go-skynet/local-ai-backends:latest-cpu-vllm
              mirrors:
                - localai/localai-backends:latest-cpu-vlm
            """;
        Lint.Snippets(matrix: Matrix, index: index, only: CheckIds.GalleryImageMustBeBuilt)
            .Should().ContainSingle().Which.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 4, "-cpu-vlm"));
    }

    [Test]
    public void Accepts_suffixes_published_outside_a_matrix()
    {
        const string workflow = """
            jobs:
              publish:
                steps:
                  - uses: docker/metadata-action@v6
                    with:
                      flavor: |
                        suffix=-metal-darwin-arm64-llama-cpp,onlatest=true
            """;
        const string index = "- name: metal-llama-cpp\n  uri: quay.io/go-skynet/local-ai-backends:latest-metal-darwin-arm64-llama-cpp\n";
        Lint.Snippets(index: index, workflow: workflow, only: CheckIds.GalleryImageMustBeBuilt).Should().BeEmpty();
    }

    [Test]
    public void Accepts_images_on_other_repositories_and_pinned_tags()
    {
        const string index = "- name: a\n  uri: quay.io/someone/else:latest-x\n- name: b\n  uri: quay.io/go-skynet/local-ai-backends:v3.0.0-cpu-x\n";
        Lint.Snippets(matrix: Matrix, index: index, only: CheckIds.GalleryImageMustBeBuilt).Should().BeEmpty();
    }

    [Test]
    public void Accepts_entry_names_that_differ_from_the_tag()
    {
        const string matrix = "include:\n  - backend: faster-whisper\n    tag-suffix: '-nvidia-l4t-faster-whisper'\n";
        const string index = "- name: nvidia-l4t-arm64-faster-whisper\n  uri: quay.io/go-skynet/local-ai-backends:latest-nvidia-l4t-faster-whisper\n";
        Lint.Snippets(matrix: matrix, index: index, only: CheckIds.GalleryImageMustBeBuilt).Should().BeEmpty();
    }
}

public class ImageChannelsMustPairTests
{
    [Test]
    public void Reports_a_suffix_with_only_a_latest_image()
    {
        const string index = "- name: cpu-x\n  uri: \"quay.io/go-skynet/local-ai-backends:latest-cpu-x\"\n";
        var finding = Lint.Snippets(index: index, only: CheckIds.ImageChannelsMustPair).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 2, "latest-cpu-x"));
        finding.PlainMessage.Should().Be("Gallery image 'cpu-x' is tagged 'latest-cpu-x', but no image uses 'master-cpu-x', so the development channel cannot install it: add an image 'cpu-x-development' with uri 'quay.io/go-skynet/local-ai-backends:master-cpu-x' next to it.");
    }

    [Test]
    public void Reports_a_suffix_with_only_a_master_image()
    {
        const string index = "- name: cpu-x-development\n  uri: quay.io/go-skynet/local-ai-backends:master-cpu-x\n";
        Lint.Snippets(index: index, only: CheckIds.ImageChannelsMustPair).Should().ContainSingle()
            .Which.PlainMessage.Should().EndWith("so the release channel cannot install it: add an image 'cpu-x' with uri 'quay.io/go-skynet/local-ai-backends:latest-cpu-x' next to it.");
    }

    [Test]
    public void Accepts_a_pair_across_the_two_registries()
    {
        const string index = "- name: cpu-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n- name: cpu-x-development\n  uri: localai/localai-backends:master-cpu-x\n";
        Lint.Snippets(index: index, only: CheckIds.ImageChannelsMustPair).Should().BeEmpty();
    }
}

public class CapabilityMustNameEntryTests
{
    [Test]
    public void Reports_a_capability_that_names_no_entry_once_at_the_meta()
    {
        const string index = """
            - &x
              name: x
              capabilities:
                default: cpu-x
                nvidia: cuda12-x
            - !!merge <<: *x
              name: cpu-x
              uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x
            """;
        var finding = Lint.Snippets(index: index, only: CheckIds.CapabilityMustNameEntry).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 5, "cuda12-x"));
        finding.PlainMessage.Should().Be("Capability 'nvidia' of 'x' names 'cuda12-x', but no gallery entry has that name: name an existing entry, or add an image entry with that name.");
        finding.Identity.Should().Be("entry=x;capability=nvidia");
    }

    [TestCase("cuda12-xx", "did you mean 'cuda12-x'?", TestName = "One entry one edit away is suggested")]
    [TestCase("cuda12-xyz", "did you mean 'cuda12-x'?", TestName = "One entry two edits and two characters away is suggested")]
    [TestCase("cuda12-wxyz", "name an existing entry, or add an image entry with that name.", TestName = "Three edits away is not")]
    [TestCase("cuda1-x", "name an existing entry, or add an image entry with that name.", TestName = "Two entries as close are not")]
    [TestCase("rocm-x-long", "name an existing entry, or add an image entry with that name.", TestName = "Nothing close is not")]
    public void A_misspelled_capability_suggests_the_one_close_entry(string value, string ending)
    {
        var index = $"""
            - &x
              name: x
              capabilities:
                nvidia: {value}
            - !!merge <<: *x
              name: cuda12-x
              uri: quay.io/go-skynet/local-ai-backends:latest-cuda12-x
            - !!merge <<: *x
              name: cuda13-x
              uri: quay.io/go-skynet/local-ai-backends:latest-cuda13-x
            """;
        Lint.Snippets(index: index, only: CheckIds.CapabilityMustNameEntry).Should().ContainSingle().Which.PlainMessage.Should().EndWith("has that name: " + ending);
    }

    [Test]
    public void Reports_a_capability_written_on_a_development_meta()
    {
        const string index = "- &x\n  name: x\n  capabilities: {default: x}\n- <<: *x\n  name: x-development\n  capabilities:\n    default: cpu-x-development\n";
        Lint.Snippets(index: index, only: CheckIds.CapabilityMustNameEntry).Should().ContainSingle().Which.Span.StartLine.Should().Be(7);
    }

    [Test]
    public void Accepts_names_that_differ_only_in_case_as_the_runtime_does()
    {
        const string index = "- name: x\n  capabilities:\n    default: CPU-X\n- name: cpu-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n";
        Lint.Snippets(index: index, only: CheckIds.CapabilityMustNameEntry).Should().BeEmpty();
    }
}

public class OneImagePerTagTests
{
    [Test]
    public void Reports_two_names_on_one_tag_at_the_second()
    {
        const string index = """
            - name: nvidia-l4t-arm64-x
              uri: "quay.io/go-skynet/local-ai-backends:latest-nvidia-l4t-arm64-x"
            - name: cuda13-nvidia-l4t-arm64-x
              uri: "quay.io/go-skynet/local-ai-backends:latest-nvidia-l4t-arm64-x"
            """;
        var finding = Lint.Snippets(index: index, only: CheckIds.OneImagePerTag).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 4, "latest-nvidia-l4t-arm64-x"));
        finding.PlainMessage.Should().Be("Gallery image 'cuda13-nvidia-l4t-arm64-x' uses tag 'latest-nvidia-l4t-arm64-x', which 'nvidia-l4t-arm64-x' already uses, so both install the same build: give 'cuda13-nvidia-l4t-arm64-x' the tag of its own build.");
        finding.Related.Should().ContainSingle().Which.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 2, "latest-nvidia-l4t-arm64-x"));
        finding.Level.Should().Be(BackendLint.Findings.Severity.Error);
        finding.Identity.Should().Be("image=quay.io/go-skynet/local-ai-backends:latest-nvidia-l4t-arm64-x;entry=cuda13-nvidia-l4t-arm64-x");
    }

    [Test]
    public void Reports_a_shared_tag_across_the_two_backends_repositories()
    {
        const string index = "- name: a\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n- name: b\n  uri: docker.io/localai/localai-backends:latest-cpu-x\n";
        Lint.Snippets(index: index, only: CheckIds.OneImagePerTag).Should().ContainSingle().Which.Span.StartLine.Should().Be(4);
    }

    [Test]
    public void Reports_every_later_name_against_the_first()
    {
        const string index = "- name: a\n  uri: quay.io/x/y:v1\n- name: b\n  uri: quay.io/x/y:v1\n- name: c\n  uri: quay.io/x/y:v1\n";
        Lint.Snippets(index: index, only: CheckIds.OneImagePerTag).Select(f => (f.Span.StartLine, f.Related[0].Span.StartLine)).Should().Equal((4, 2), (6, 2));
    }

    [Test]
    public void Accepts_the_same_tag_on_other_repositories()
    {
        const string index = "- name: a\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n- name: b\n  uri: quay.io/someone/else:latest-cpu-x\n";
        Lint.Snippets(index: index, only: CheckIds.OneImagePerTag).Should().BeEmpty();
    }

    [Test]
    public void Accepts_a_mirror_naming_the_tag_of_another_entry_s_uri()
    {
        // A mirror is the same image on another registry, not a second entry installing it.
        const string index = "- name: a\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n- name: b\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-y\n  mirrors:\n    - localai/localai-backends:latest-cpu-x\n";
        Lint.Snippets(index: index, only: CheckIds.OneImagePerTag).Should().BeEmpty();
    }

    [Test]
    public void Accepts_entries_of_the_same_name_which_are_BL1008_s()
    {
        const string index = "- name: a\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n- name: A\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n";
        Lint.Snippets(index: index, only: CheckIds.OneImagePerTag).Should().BeEmpty();
    }

    [Test]
    public void Accepts_images_without_a_tag()
    {
        const string index = "- name: a\n  uri: quay.io/x/y@sha256:0123\n- name: b\n  uri: quay.io/x/y@sha256:0123\n";
        Lint.Snippets(index: index, only: CheckIds.OneImagePerTag).Should().BeEmpty();
    }

    [Test]
    public void Accepts_a_uri_inherited_through_a_merge_but_reports_one_written_again()
    {
        // 'b' inherits a's uri (a merged entry with a uri is BL1006's finding); 'c' writes the tag again.
        const string index = """
            - &a
              name: a
              uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x
            - !!merge <<: *a
              name: b
            - !!merge <<: *a
              name: c
              uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x
            """;
        Lint.Snippets(index: index, only: CheckIds.OneImagePerTag).Should().ContainSingle()
            .Which.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 8, "latest-cpu-x"));
    }
}

public class EntryNamesUniqueTests
{
    [Test]
    public void Reports_a_second_entry_of_a_name_that_differs_as_an_error()
    {
        const string index = """
            - &llamacpp
              name: llama-cpp
              license: mit
            - &vllm
              name: vllm
              license: apache-2.0
            - !!merge <<: *llamacpp
              name: "intel-sycl-f16-vllm-development"
              uri: "quay.io/go-skynet/local-ai-backends:master-gpu-intel-sycl-f16-vllm"
            - !!merge <<: *vllm
              name: "intel-sycl-f16-vllm-development"
              uri: "quay.io/go-skynet/local-ai-backends:master-gpu-intel-sycl-f16-vllm"
            """;
        var finding = Lint.Snippets(index: index, only: CheckIds.EntryNamesUnique).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 11, "intel-sycl-f16-vllm-development"));
        finding.Level.Should().Be(BackendLint.Findings.Severity.Error);
        finding.PlainMessage.Should().Be("Gallery entry 'intel-sycl-f16-vllm-development' repeats the name of an entry above but differs from it, and LocalAI only ever installs the first entry of a name: rename one of the two, or remove the wrong one.");
        finding.Related.Should().ContainSingle().Which.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 8, "intel-sycl-f16-vllm-development"));
        finding.Identity.Should().Be("name=intel-sycl-f16-vllm-development;differs");
    }

    [Test]
    public void Reports_an_identical_copy_as_a_warning()
    {
        const string index = """
            - &whisper
              name: whisper
              capabilities:
                metal: metal-whisper
            - !!merge <<: *whisper
              name: "metal-whisper"
              uri: "quay.io/go-skynet/local-ai-backends:latest-metal-darwin-arm64-whisper"
            - !!merge <<: *whisper
              uri: quay.io/go-skynet/local-ai-backends:latest-metal-darwin-arm64-whisper
              name: metal-whisper
            """;
        var finding = Lint.Snippets(index: index, only: CheckIds.EntryNamesUnique).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 10, "metal-whisper"));
        finding.Level.Should().Be(BackendLint.Findings.Severity.Warning);
        finding.PlainMessage.Should().Be("Gallery entry 'metal-whisper' is an identical copy of the entry of that name above: remove one of the two.");
        finding.Related.Should().ContainSingle().Which.Span.StartLine.Should().Be(6);
    }

    [TestCase("  mirrors:\n    - localai/localai-backends:latest-cpu-x\n", "  mirrors:\n    - localai/localai-backends:latest-cpu-y\n", TestName = "A sequence item differs")]
    [TestCase("  tags: [a, b]\n", "  tags: [b, a]\n", TestName = "A sequence in another order differs")]
    [TestCase("  license: mit\n", "", TestName = "A key only one writes differs")]
    [TestCase("  urls: {a: x}\n", "  urls: {a: y}\n", TestName = "A nested value differs")]
    public void A_copy_that_differs_anywhere_is_an_error(string first, string second)
    {
        var index = $"- name: cpu-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n{first}- name: cpu-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n{second}";
        Lint.Snippets(index: index, only: CheckIds.EntryNamesUnique).Should().ContainSingle().Which.Level.Should().Be(BackendLint.Findings.Severity.Error);
    }

    [TestCase("  tags: [a, b]\n  license: mit\n", "  license: \"mit\"\n  tags:\n    - a\n    - b\n", TestName = "Keys in another order and other quoting")]
    [TestCase("  <<: *m\n", "  alias: m\n  <<: *m\n", TestName = "A key written that a merge gives too")]
    public void A_copy_that_says_the_same_is_a_warning(string first, string second)
    {
        var index = $"- &m\n  name: m\n  alias: m\n- name: cpu-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n{first}- name: cpu-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n{second}";
        Lint.Snippets(index: index, only: CheckIds.EntryNamesUnique).Should().ContainSingle().Which.Level.Should().Be(BackendLint.Findings.Severity.Warning);
    }

    [Test]
    public void Reports_names_that_differ_only_in_case_as_the_runtime_compares_them()
    {
        const string index = "- name: cpu-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n- name: CPU-X\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n";
        Lint.Snippets(index: index, only: CheckIds.EntryNamesUnique).Should().ContainSingle().Which.Span.StartLine.Should().Be(3);
    }

    [Test]
    public void Reports_every_later_copy_against_the_first()
    {
        const string index = "- name: a\n- name: a\n  alias: b\n- name: a\n";
        Lint.Snippets(index: index, only: CheckIds.EntryNamesUnique).Select(f => (f.Span.StartLine, f.Level, f.Related[0].Span.StartLine))
            .Should().Equal((2, BackendLint.Findings.Severity.Error, 1), (4, BackendLint.Findings.Severity.Warning, 1));
    }

    [Test]
    public void Reports_an_inherited_name_at_the_merge_that_brings_it()
    {
        const string index = "- &x\n  name: x\n  capabilities: {default: cpu-x}\n- <<: *x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n";
        var finding = Lint.Snippets(index: index, only: CheckIds.EntryNamesUnique).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 4, "*x"));
        finding.Related[0].Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 2, "x"));
    }

    [TestCase(null, "warning", "error", TestName = "Without a configured level each finding keeps its own")]
    [TestCase("error", "error", "error", TestName = "A configured level overrides the identical copy's")]
    [TestCase("note", "note", "note", TestName = "A configured level overrides both")]
    public void A_configured_level_overrides_the_level_of_each_finding(string? configured, string identical, string differing)
    {
        const string index = "- name: a\n- name: a\n- name: b\n- name: b\n  alias: c\n";
        var config = BackendLint.Adoption.ConfigurationReader.Read(
            new SourceText(".backendlint.yml", configured is null ? "" : $"rules:\n  BL1008: {configured}\n"), CheckCatalog.Rules.Select(r => r.Id).ToList());
        var model = Lint.Model(index: index);
        var (findings, notRun, _) = LintEngine.Run(model, CheckCatalog.All.Where(c => c.Rule.Id == CheckIds.EntryNamesUnique));
        BackendLint.Adoption.Triage.Apply(findings, model, config, notRun).Select(f => (f.Span.StartLine, BackendLint.Findings.SeverityNames.Name(f.Level)))
            .Should().Equal((2, identical), (4, differing));
    }

    [Test]
    public void Accepts_distinct_names_and_entries_without_one()
    {
        const string index = "- name: a\n- name: a-development\n- uri: quay.io/x/y:v1\n- uri: quay.io/x/y:v1\n";
        Lint.Snippets(index: index, only: CheckIds.EntryNamesUnique).Should().BeEmpty();
    }
}

public class CapabilityKeyMatchesPlatformTests
{
    private const string Images = """
        - !!merge <<: *x
          name: cpu-x
          uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x
        - !!merge <<: *x
          name: cuda12-x
          uri: quay.io/go-skynet/local-ai-backends:latest-gpu-nvidia-cuda-12-x
        - !!merge <<: *x
          name: cuda13-x
          uri: quay.io/go-skynet/local-ai-backends:latest-gpu-nvidia-cuda-13-x
        - !!merge <<: *x
          name: nvidia-l4t-arm64-x
          uri: quay.io/go-skynet/local-ai-backends:latest-nvidia-l4t-arm64-x
        - !!merge <<: *x
          name: cuda13-nvidia-l4t-arm64-x
          uri: quay.io/go-skynet/local-ai-backends:latest-nvidia-l4t-cuda-13-arm64-x
        - !!merge <<: *x
          name: rocm-x
          uri: quay.io/go-skynet/local-ai-backends:latest-gpu-rocm-hipblas-x
        - !!merge <<: *x
          name: intel-x
          uri: quay.io/go-skynet/local-ai-backends:latest-gpu-intel-x
        - !!merge <<: *x
          name: vulkan-x
          uri: quay.io/go-skynet/local-ai-backends:latest-gpu-vulkan-x
        - !!merge <<: *x
          name: metal-x
          uri: quay.io/go-skynet/local-ai-backends:latest-metal-darwin-arm64-x
        - !!merge <<: *x
          name: darwin-x86-x
          uri: quay.io/go-skynet/local-ai-backends:latest-darwin-x86-x
        - !!merge <<: *x
          name: piper-x
          uri: quay.io/go-skynet/local-ai-backends:latest-piper
        - !!merge <<: *x
          name: pinned-x
          uri: quay.io/go-skynet/local-ai-backends:v3.0.0-gpu-nvidia-cuda-12-x
        - name: other-meta
          capabilities: {default: cpu-x}

        """;

    private static string Index(string key, string value) => $"- &x\n  name: x\n  capabilities:\n    {key}: \"{value}\"\n" + Images;

    private static List<BackendLint.Findings.Finding> Run(string key, string value) =>
        Lint.Snippets(index: Index(key, value), only: CheckIds.CapabilityKeyMatchesPlatform);

    [Test]
    public void Reports_a_cuda_13_key_naming_a_jetson_cuda_12_image_at_the_value()
    {
        var index = Index("nvidia-l4t-cuda-13", "nvidia-l4t-arm64-x");
        var finding = Lint.Snippets(index: index, only: CheckIds.CapabilityKeyMatchesPlatform).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 4, "nvidia-l4t-arm64-x"));
        finding.Level.Should().Be(BackendLint.Findings.Severity.Warning);
        finding.PlainMessage.Should().Be("Capability 'nvidia-l4t-cuda-13' of 'x' names 'nvidia-l4t-arm64-x', an NVIDIA Jetson (L4T) CUDA 12 image by its tag 'latest-nvidia-l4t-arm64-x', so machines detected as 'nvidia-l4t-cuda-13' install a build for other hardware: name the image built for 'nvidia-l4t-cuda-13'.");
        finding.Related.Should().ContainSingle().Which.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 16, "latest-nvidia-l4t-arm64-x"));
        finding.Identity.Should().Be("entry=x;capability=nvidia-l4t-cuda-13");
    }

    [TestCase("nvidia", "rocm-x", TestName = "nvidia naming a ROCm image")]
    [TestCase("nvidia", "cpu-x", TestName = "nvidia naming a CPU image")]
    [TestCase("nvidia-cuda-12", "cuda13-x", TestName = "nvidia-cuda-12 naming a CUDA 13 image")]
    [TestCase("nvidia-cuda-13", "cuda12-x", TestName = "nvidia-cuda-13 naming a CUDA 12 image")]
    [TestCase("nvidia-l4t", "cuda12-x", TestName = "nvidia-l4t naming a desktop CUDA image")]
    [TestCase("nvidia-l4t-cuda-12", "cuda13-nvidia-l4t-arm64-x", TestName = "nvidia-l4t-cuda-12 naming a Jetson CUDA 13 image")]
    [TestCase("amd", "cuda12-x", TestName = "amd naming a CUDA image")]
    [TestCase("intel", "rocm-x", TestName = "intel naming a ROCm image")]
    [TestCase("metal", "cpu-x", TestName = "metal naming a CPU image")]
    [TestCase("metal", "vulkan-x", TestName = "metal naming a Vulkan image")]
    [TestCase("metal", "darwin-x86-x", TestName = "metal naming a macOS x86 image")]
    [TestCase("darwin-x86", "metal-x", TestName = "darwin-x86 naming a Metal image")]
    [TestCase("vulkan", "cuda12-x", TestName = "vulkan naming a CUDA image")]
    public void Reports_an_image_for_other_hardware(string key, string value)
    {
        Run(key, value).Should().ContainSingle().Which.Span.StartLine.Should().Be(4);
    }

    [Test]
    public void Reports_a_capability_naming_a_meta()
    {
        var index = Index("nvidia", "other-meta");
        var finding = Lint.Snippets(index: index, only: CheckIds.CapabilityKeyMatchesPlatform).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 4, "other-meta"));
        finding.PlainMessage.Should().Be("Capability 'nvidia' of 'x' names 'other-meta', which has no 'uri', and LocalAI refuses to install a meta backend through a capability: name the image entry built for 'nvidia'.");
        finding.Related.Should().ContainSingle().Which.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 41, "other-meta"));
    }

    [TestCase("default", "cuda12-x", TestName = "default naming anything")]
    [TestCase("nvidia", "cuda13-x", TestName = "nvidia naming a CUDA 13 image")]
    [TestCase("nvidia", "nvidia-l4t-arm64-x", TestName = "nvidia naming a Jetson image")]
    [TestCase("nvidia-cuda-12", "cuda12-x", TestName = "nvidia-cuda-12 naming a CUDA 12 image")]
    [TestCase("nvidia-cuda-13", "cuda13-x", TestName = "nvidia-cuda-13 naming a CUDA 13 image")]
    [TestCase("nvidia-l4t", "cuda13-nvidia-l4t-arm64-x", TestName = "nvidia-l4t naming a Jetson CUDA 13 image")]
    [TestCase("nvidia-l4t-cuda-12", "nvidia-l4t-arm64-x", TestName = "nvidia-l4t-cuda-12 naming a Jetson image")]
    [TestCase("nvidia-l4t-cuda-13", "cuda13-nvidia-l4t-arm64-x", TestName = "nvidia-l4t-cuda-13 naming a Jetson CUDA 13 image")]
    [TestCase("amd", "rocm-x", TestName = "amd naming a ROCm image")]
    [TestCase("intel", "intel-x", TestName = "intel naming a SYCL image")]
    [TestCase("metal", "metal-x", TestName = "metal naming a Metal image")]
    [TestCase("metal-darwin-arm64", "metal-x", TestName = "metal-darwin-arm64 naming a Metal image")]
    [TestCase("darwin-x86", "darwin-x86-x", TestName = "darwin-x86 naming a macOS x86 image")]
    [TestCase("vulkan", "vulkan-x", TestName = "vulkan naming a Vulkan image")]
    [TestCase("nvidia-cuda-13", "vulkan-x", TestName = "a Vulkan image for an NVIDIA key")]
    [TestCase("amd", "vulkan-x", TestName = "a Vulkan image for an AMD key")]
    [TestCase("intel", "vulkan-x", TestName = "a Vulkan image for an Intel key")]
    [TestCase("cpu", "cuda12-x", TestName = "a key LocalAI does not detect")]
    [TestCase("nvidia", "piper-x", TestName = "a tag that names no platform")]
    [TestCase("nvidia", "pinned-x", TestName = "a pinned tag")]
    [TestCase("nvidia", "missing-x", TestName = "a name of no entry, which is BL1003's")]
    [TestCase("NVIDIA-cuda-12", "cuda13-x", TestName = "a key in another case, which LocalAI never detects")]
    [TestCase("nvidia-cuda-12", "CUDA12-X", TestName = "a value in another case, as LocalAI finds it")]
    public void Accepts(string key, string value)
    {
        Run(key, value).Should().BeEmpty();
    }

    [Test]
    public void Reports_inherited_capabilities_once_at_the_meta()
    {
        var index = Index("amd", "cuda12-x") + "- !!merge <<: *x\n  name: x-development\n";
        Lint.Snippets(index: index, only: CheckIds.CapabilityKeyMatchesPlatform).Should().ContainSingle().Which.Span.StartLine.Should().Be(4);
    }

    [Test]
    public void Follows_the_first_entry_of_a_name_as_LocalAI_does()
    {
        var index = Index("amd", "rocm-x") + "- name: rocm-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-gpu-nvidia-cuda-12-x\n";
        Lint.Snippets(index: index, only: CheckIds.CapabilityKeyMatchesPlatform).Should().BeEmpty();
        var swapped = Index("amd", "cuda12-x") + "- name: cuda12-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-gpu-rocm-hipblas-x\n";
        Lint.Snippets(index: swapped, only: CheckIds.CapabilityKeyMatchesPlatform).Should().ContainSingle();
    }
}

public class DevelopmentMetaNamesDevelopmentImagesTests
{
    private const string Images = """
        - !!merge <<: *x
          name: cpu-x
          uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x
        - !!merge <<: *x
          name: cpu-x-development
          uri: quay.io/go-skynet/local-ai-backends:master-cpu-x
        - !!merge <<: *x
          name: metal-x
          uri: quay.io/go-skynet/local-ai-backends:latest-metal-x
        """;

    private static string Index(string release, string development) => $"""
        - &x
          name: x
          capabilities:
            default: {release}
        - !!merge <<: *x
          name: x-development
          capabilities:
            default: {development}
        {Images}
        """;

    [Test]
    public void Reports_a_development_meta_naming_a_release_image_and_names_its_twin()
    {
        var index = Index("cpu-x", "cpu-x");
        var finding = Lint.Snippets(index: index, only: CheckIds.DevelopmentMetaNamesDevelopmentImages).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 8, "cpu-x"));
        finding.PlainMessage.Should().Be("Capability 'default' of development meta 'x-development' names 'cpu-x', a release image ('latest-cpu-x'), so installing 'x-development' gets the release build on that hardware: use 'cpu-x-development'.");
        finding.Related.Should().ContainSingle().Which.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 11, "latest-cpu-x"));
        finding.Identity.Should().Be("entry=x-development;capability=default");
    }

    [Test]
    public void Reports_a_development_meta_naming_a_release_image_without_a_twin()
    {
        var index = Index("cpu-x", "metal-x");
        Lint.Snippets(index: index, only: CheckIds.DevelopmentMetaNamesDevelopmentImages).Should().ContainSingle()
            .Which.PlainMessage.Should().EndWith("names 'metal-x', a release image ('latest-metal-x'), so installing 'x-development' gets the release build on that hardware: name the development image of that build (tagged 'master-metal-x'), adding it to the gallery if it is missing.");
    }

    [Test]
    public void Reports_a_release_meta_naming_a_development_image()
    {
        var index = Index("CPU-X-Development", "cpu-x-development");
        var finding = Lint.Snippets(index: index, only: CheckIds.DevelopmentMetaNamesDevelopmentImages).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 4, "CPU-X-Development"));
        finding.PlainMessage.Should().Be("Capability 'default' of release meta 'x' names 'cpu-x-development', a development image ('master-cpu-x'), so installing 'x' gets the development build on that hardware: use 'cpu-x'.");
    }

    [Test]
    public void Accepts_metas_naming_their_own_channel()
    {
        Lint.Snippets(index: Index("cpu-x", "cpu-x-development"), only: CheckIds.DevelopmentMetaNamesDevelopmentImages).Should().BeEmpty();
    }

    [Test]
    public void Accepts_values_naming_metas_unknown_entries_and_pinned_images_which_say_nothing_of_a_channel()
    {
        var index = Index("x-development", "missing") + "\n- name: pinned\n  uri: quay.io/go-skynet/local-ai-backends:v1.0-cpu-x\n- name: y-development\n  capabilities: {default: pinned}\n";
        Lint.Snippets(index: index, only: CheckIds.DevelopmentMetaNamesDevelopmentImages).Should().BeEmpty();
    }

    [Test]
    public void Reports_a_development_meta_that_inherits_the_release_map_once_at_the_merge()
    {
        var index = Index("cpu-x", "x").Replace("  name: x-development\n  capabilities:\n    default: x\n", "  name: x-development\n", StringComparison.Ordinal);
        var finding = Lint.Snippets(index: index, only: CheckIds.DevelopmentMetaNamesDevelopmentImages).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 5, "*x"));
        finding.PlainMessage.Should().Be("'x-development' is a development meta but inherits its capabilities through '*x', and they name release images ('cpu-x' for 'default'), so installing it gets the release build: write its own capabilities map naming the development images.");
        finding.Related.Should().ContainSingle().Which.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 4, "cpu-x"));
        finding.Identity.Should().Be("entry=x-development;capabilities=inherited");
    }

    [Test]
    public void Accepts_a_meta_inheriting_a_map_of_its_own_channel()
    {
        var index = Index("cpu-x", "cpu-x-development") + "\n- <<: *x\n  name: x-again\n";
        Lint.Snippets(index: index, only: CheckIds.DevelopmentMetaNamesDevelopmentImages).Should().BeEmpty();
    }

    [Test]
    public void Accepts_inherited_capabilities_checked_where_they_are_written()
    {
        var index = Index("cpu-x", "cpu-x-development").Replace("  name: cpu-x\n", "  name: cpu-x\n  capabilities: {default: cpu-x-development}\n", StringComparison.Ordinal);
        Lint.Snippets(index: index, only: CheckIds.DevelopmentMetaNamesDevelopmentImages).Should().BeEmpty("an image is no meta, whatever capabilities it writes");
    }
}

public class DevelopmentChannelCompleteTests
{
    private const string Family = """
        - &x
          name: x
          capabilities: {default: cpu-x}
        - !!merge <<: *x
          name: cpu-x
          uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x
        - !!merge <<: *x
          name: cpu-x-development
          uri: quay.io/go-skynet/local-ai-backends:master-cpu-x
        - !!merge <<: *x
          name: metal-x-development
          uri: quay.io/go-skynet/local-ai-backends:master-metal-x
        """;

    private const string DevelopmentMeta = "\n- !!merge <<: *x\n  name: x-development\n  capabilities: {default: cpu-x-development}\n";

    [Test]
    public void Reports_a_family_with_master_images_and_no_development_meta_at_the_meta_name()
    {
        var index = Family.Replace("  name: x\n", "  name: x\n  alias: x\n", StringComparison.Ordinal);
        var finding = Lint.Snippets(index: index, only: CheckIds.DevelopmentChannelComplete).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 2, "x"));
        finding.PlainMessage.Should().Be("'x' has development images ('master' tags) but no entry is named 'x-development', so its development build cannot be installed by name: add a meta 'x-development' merging 'x' whose capabilities name its '-development' images.");
        finding.Level.Should().Be(BackendLint.Findings.Severity.Warning);
        finding.Identity.Should().Be("family=x;missing=meta");
    }

    [Test]
    public void Reports_development_images_without_the_alias_once_at_the_first()
    {
        var index = Family + DevelopmentMeta;
        var finding = Lint.Snippets(index: index, only: CheckIds.DevelopmentChannelComplete).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 8, "cpu-x-development"));
        finding.PlainMessage.Should().Be("The 2 development images of 'x' ('cpu-x-development', …) have no alias 'x', so 'backend: x' never selects an installed development build: add 'alias: x' to 'x', which its images inherit.");
        finding.Identity.Should().Be("family=x;missing=alias");
    }

    [Test]
    public void Reports_how_many_development_images_lack_an_alias_the_meta_gives()
    {
        var index = Family.Replace("  name: x\n", "  name: x\n  alias: x\n", StringComparison.Ordinal)
            .Replace("  name: cpu-x-development\n", "  name: cpu-x-development\n  alias: x-dev\n", StringComparison.Ordinal) + DevelopmentMeta;
        var finding = Lint.Snippets(index: index, only: CheckIds.DevelopmentChannelComplete).Should().ContainSingle().Subject;
        finding.Span.StartLine.Should().Be(9);
        finding.PlainMessage.Should().Be("1 of the 2 development images of 'x' ('cpu-x-development') has no alias 'x', so 'backend: x' never selects an installed development build: give them alias 'x'.");
    }

    [Test]
    public void Reports_a_single_development_image_of_an_image_root_without_the_alias()
    {
        // LocalAI's opus before 73bdc3b50: the release image is the merged entry.
        const string index = "- &x\n  name: x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n- <<: *x\n  name: x-development\n  uri: quay.io/go-skynet/local-ai-backends:master-cpu-x\n";
        Lint.Snippets(index: index, only: CheckIds.DevelopmentChannelComplete).Should().ContainSingle()
            .Which.PlainMessage.Should().StartWith("The development image of 'x' ('x-development') has no alias 'x'");
    }

    [Test]
    public void Accepts_a_complete_family_with_the_alias_inherited_from_the_meta()
    {
        var index = Family.Replace("  name: x\n", "  name: x\n  alias: x\n", StringComparison.Ordinal) + DevelopmentMeta;
        Lint.Snippets(index: index, only: CheckIds.DevelopmentChannelComplete).Should().BeEmpty();
    }

    [Test]
    public void Accepts_an_image_root_without_a_development_meta()
    {
        // Not a meta, so there is no meta name to complete; BL1006 asks for the meta when the family spans platforms.
        const string index = "- &x\n  name: x\n  alias: x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n- <<: *x\n  name: cpu-x-development\n  uri: quay.io/go-skynet/local-ai-backends:master-cpu-x\n";
        Lint.Snippets(index: index, only: CheckIds.DevelopmentChannelComplete).Should().BeEmpty();
    }

    [Test]
    public void Accepts_a_family_without_master_images()
    {
        const string index = "- &x\n  name: x\n  capabilities: {default: cpu-x}\n- <<: *x\n  name: cpu-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n";
        Lint.Snippets(index: index, only: CheckIds.DevelopmentChannelComplete).Should().BeEmpty();
    }

    [Test]
    public void Accepts_the_alias_of_an_old_image_root_that_its_images_share()
    {
        // LocalAI before metas: the entry the others merge is a platform image whose alias names the backend.
        const string index = """
            - &vllm
              name: cuda11-vllm
              alias: vllm
              uri: quay.io/go-skynet/local-ai-backends:latest-gpu-nvidia-cuda-11-vllm
            - <<: *vllm
              name: cuda11-vllm-development
              uri: quay.io/go-skynet/local-ai-backends:master-gpu-nvidia-cuda-11-vllm
            - &kokoro
              name: cuda11-kokoro-development
              alias: kokoro
              uri: quay.io/go-skynet/local-ai-backends:master-gpu-nvidia-cuda-11-kokoro
            - <<: *kokoro
              name: cuda12-kokoro-development
              alias: kokoro-dev
              uri: quay.io/go-skynet/local-ai-backends:master-gpu-nvidia-cuda-12-kokoro
            """;
        Lint.Snippets(index: index, only: CheckIds.DevelopmentChannelComplete).Should().BeEmpty("a root named '-development' has no release name to complete");
    }
}

public class PerPlatformFamilyIsMetaTests
{
    private const string Images = """
        - <<: *x
          name: metal-x
          uri: quay.io/go-skynet/local-ai-backends:latest-metal-darwin-arm64-x
        - <<: *x
          name: metal-x-development
          uri: quay.io/go-skynet/local-ai-backends:master-metal-darwin-arm64-x
        """;

    [Test]
    public void Reports_a_merged_image_with_images_for_another_platform_at_its_uri()
    {
        var index = "- &x\n  name: x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n" + Images + "\n- name: other\n  capabilities: {default: cpu-x}\n";
        var finding = Lint.Snippets(index: index, only: CheckIds.PerPlatformFamilyIsMeta).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 3, "quay.io/go-skynet/local-ai-backends:latest-cpu-x"));
        finding.PlainMessage.Should().Be("'x' is merged by images for 2 platforms ('-cpu-x', '-metal-darwin-arm64-x') but has a uri, so it is not a meta and installing it pulls 'quay.io/go-skynet/local-ai-backends:latest-cpu-x' on every platform: move the uri to an image entry of its own and make this entry a meta with a capabilities map naming the image for each platform.");
        finding.Identity.Should().Be("family=x");
    }

    [Test]
    public void Reports_a_meta_with_a_uri_that_makes_its_capabilities_ignored()
    {
        var index = "- &x\n  name: x\n  uri: quay.io/go-skynet/local-ai-backends:latest-metal-darwin-arm64-x\n  capabilities: {default: cpu-x, metal: metal-x}\n- <<: *x\n  name: cpu-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n" + Images;
        Lint.Snippets(index: index, only: CheckIds.PerPlatformFamilyIsMeta).Should().ContainSingle()
            .Which.PlainMessage.Should().Contain("has a uri, so it is not a meta and installing it pulls 'quay.io/go-skynet/local-ai-backends:latest-metal-darwin-arm64-x' on every platform and ignores its capabilities: ");
    }

    [Test]
    public void Reports_a_meta_without_capabilities_at_its_name()
    {
        var index = "- &x\n  name: x\n  license: mit\n- <<: *x\n  name: cpu-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n" + Images + "\n- name: other\n  capabilities: {default: cpu-x}\n";
        var finding = Lint.Snippets(index: index, only: CheckIds.PerPlatformFamilyIsMeta).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 2, "x"));
        finding.PlainMessage.Should().Be("'x' is merged by images for 2 platforms ('-cpu-x', '-metal-darwin-arm64-x') but has no capabilities map, so installing it finds no image: add a capabilities map naming the image for each platform.");
    }

    [Test]
    public void Reports_a_meta_without_a_name_at_its_anchor()
    {
        // LocalAI's diffusers meta from b7cd5bfae until 6030b1228.
        var index = "- &x\n  alias: x\n  capabilities: {default: cpu-x, metal: metal-x}\n- <<: *x\n  name: cpu-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n- <<: *x\n  name: cuda12-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-gpu-nvidia-cuda-12-x\n";
        var finding = Lint.Snippets(index: index, only: CheckIds.PerPlatformFamilyIsMeta).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("backend/index.yaml", index, 1, "&x"));
        finding.PlainMessage.Should().Be("The meta anchored '&x' is merged by images for 2 platforms ('-cpu-x', '-gpu-nvidia-cuda-12-x') but has no name, so it cannot be installed by name: add a name.");
        finding.Identity.Should().Be("family=&x");
    }

    [Test]
    public void Accepts_a_meta_and_its_per_platform_images()
    {
        var index = "- &x\n  name: x\n  capabilities: {default: cpu-x, metal: metal-x}\n- <<: *x\n  name: cpu-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n" + Images;
        Lint.Snippets(index: index, only: CheckIds.PerPlatformFamilyIsMeta).Should().BeEmpty();
    }

    [Test]
    public void Accepts_an_image_root_whose_family_builds_one_platform_in_both_channels()
    {
        // LocalAI's tinygrad: one suffix, 'latest' and 'master'.
        const string index = "- &x\n  name: x\n  uri: quay.io/go-skynet/local-ai-backends:latest-x\n- <<: *x\n  name: x-development\n  uri: quay.io/go-skynet/local-ai-backends:master-x\n- name: other\n  capabilities: {default: x}\n";
        Lint.Snippets(index: index, only: CheckIds.PerPlatformFamilyIsMeta).Should().BeEmpty();
    }

    [Test]
    public void Accepts_image_roots_in_a_gallery_from_before_meta_backends()
    {
        // LocalAI before b7cd5bfae (2025-07-03): no entry had capabilities, and the runtime read none.
        var index = "- &x\n  name: cpu-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n" + Images;
        Lint.Snippets(index: index, only: CheckIds.PerPlatformFamilyIsMeta).Should().BeEmpty();
    }
}
