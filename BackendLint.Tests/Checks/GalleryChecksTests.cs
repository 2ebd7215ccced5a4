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
