using BackendLint.Checks;
using BackendLint.Findings;
using BackendLint.Fixing;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Checks;

/// <summary>The fixes of the gallery rules, applied to inline galleries: the exact text they write, and when they offer none.</summary>
internal static class GalleryFix
{
    /// <summary>The findings of one rule over a gallery.</summary>
    public static List<Finding> Findings(string index, string rule) =>
        LintEngine.Run(Lint.Model(index: index), CheckCatalog.All.Where(c => c.Rule.Id == rule)).Findings;

    /// <summary>The gallery after the fixes of every finding of <paramref name="rule"/>, checked to report nothing more for it.</summary>
    public static string Fixed(string index, string rule)
    {
        var model = Lint.Model(index: index);
        var findings = LintEngine.Run(model, CheckCatalog.All.Where(c => c.Rule.Id == rule)).Findings;
        findings.Should().NotBeEmpty().And.OnlyContain(f => f.Fix != null);
        var applied = FixApplier.Apply(findings.Select(f => f.Fix!), p => model.Source(p)?.Text);
        applied.Deferred.Should().BeEmpty();
        var text = applied.Texts[Lint.IndexFile];
        Findings(text, rule).Should().BeEmpty("the fix repairs what the rule reports");
        return text;
    }
}

public class ImageChannelsMustPairFixTests
{
    [Test]
    public void Fixes_a_release_image_by_adding_its_development_copy_right_after_it()
    {
        const string index = """
            - &a
              name: "a"
              alias: "a"
              capabilities:
                default: "cpu-a"
            - !!merge <<: *a
              name: "cpu-a"
              # built by the cpu job
              uri: "quay.io/go-skynet/local-ai-backends:latest-cpu-a"  # release
              mirrors:
                - localai/localai-backends:latest-cpu-a
            - !!merge <<: *a
              name: "metal-a"

            """;
        GalleryFix.Fixed(index, CheckIds.ImageChannelsMustPair).Should().Be("""
            - &a
              name: "a"
              alias: "a"
              capabilities:
                default: "cpu-a"
            - !!merge <<: *a
              name: "cpu-a"
              # built by the cpu job
              uri: "quay.io/go-skynet/local-ai-backends:latest-cpu-a"  # release
              mirrors:
                - localai/localai-backends:latest-cpu-a
            - !!merge <<: *a
              name: "cpu-a-development"
              uri: "quay.io/go-skynet/local-ai-backends:master-cpu-a"
              mirrors:
                - localai/localai-backends:master-cpu-a
            - !!merge <<: *a
              name: "metal-a"

            """);
    }

    [Test]
    public void Fixes_an_image_written_in_flow_style_and_without_a_final_line_end()
    {
        const string index = "- {name: 'cpu-a', uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a, mirrors: [localai/localai-backends:latest-cpu-a]}";
        GalleryFix.Fixed(index, CheckIds.ImageChannelsMustPair).Should().Be(index + "\n" +
            "- {name: 'cpu-a-development', uri: quay.io/go-skynet/local-ai-backends:master-cpu-a, mirrors: [localai/localai-backends:master-cpu-a]}");
    }

    [Test]
    public void Fixes_with_the_line_ends_of_the_file()
    {
        const string index = "- name: cpu-a\r\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a\r\n- name: b\r\n";
        GalleryFix.Fixed(index, CheckIds.ImageChannelsMustPair).Should().Be(
            "- name: cpu-a\r\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a\r\n- name: cpu-a-development\r\n  uri: quay.io/go-skynet/local-ai-backends:master-cpu-a\r\n- name: b\r\n");
    }

    [TestCase("- name: cpu-a-development\n  uri: quay.io/go-skynet/local-ai-backends:master-cpu-a\n", TestName = "Offers_no_fix_for_a_development_image_without_its_release")]
    [TestCase("- name: x\n  extra: &u\n    uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a\n- <<: *u\n  name: cpu-a\n",
        TestName = "Offers_no_fix_for_an_image_that_inherits_its_uri")]
    [TestCase("- name: cpu-a\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a\n  mirrors:\n    - localai/localai-backends:v1.0-cpu-a\n", TestName = "Offers_no_fix_when_a_mirror_is_not_a_latest_tag")]
    [TestCase("- name: cpu-a\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a\n- name: cpu-a-development\n  uri: quay.io/go-skynet/local-ai-backends:master-cpu-b\n", TestName = "Offers_no_fix_when_the_development_name_is_taken")]
    [TestCase("- name: cpu-a\n  uri: \"quay.io/go-skynet/local-ai-backends:lat\\x65st-cpu-a\"\n", TestName = "Offers_no_fix_when_the_tag_is_written_with_an_escape")]
    [TestCase("- name: cpu-a\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a\n- name: cpu-b\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a\n", TestName = "Offers_no_fix_when_two_names_share_the_tag")]
    [TestCase("- &a\n  name: a\n  alias: a\n- <<: *a\n  name: cpu-a\n  alias: other\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a\n", TestName = "Offers_no_fix_when_the_image_has_an_alias_its_development_copy_must_not_have")]
    [TestCase("- name: cpu-a\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a\n  capabilities: {default: cpu-a}\n", TestName = "Offers_no_fix_for_an_image_with_a_capabilities_map_of_its_own")]
    public void Offers_no_fix(string index)
    {
        GalleryFix.Findings(index, CheckIds.ImageChannelsMustPair).Should().NotBeEmpty().And.OnlyContain(f => f.Fix == null);
    }
}

public class DevelopmentMetaNamesDevelopmentImagesFixTests
{
    private const string Images = """
        - !!merge <<: *a
          name: "cpu-a"
          uri: "quay.io/go-skynet/local-ai-backends:latest-cpu-a"
        - !!merge <<: *a
          name: "cpu-a-development"
          uri: "quay.io/go-skynet/local-ai-backends:master-cpu-a"
        - !!merge <<: *a
          name: "metal-a"
          uri: "quay.io/go-skynet/local-ai-backends:latest-metal-darwin-arm64-a"
        - !!merge <<: *a
          name: "metal-a-development"
          uri: "quay.io/go-skynet/local-ai-backends:master-metal-darwin-arm64-a"

        """;

    [Test]
    public void Fixes_each_capability_naming_a_release_image_by_naming_its_development_twin_in_its_quotes()
    {
        const string metas = """
            - &a
              name: "a"
              capabilities: {default: "cpu-a", metal: metal-a}
            - !!merge <<: *a
              name: "a-development"
              capabilities: {default: 'cpu-a', metal: metal-a}

            """;
        GalleryFix.Fixed(metas + Images, CheckIds.DevelopmentMetaNamesDevelopmentImages)
            .Should().Be(metas.Replace("{default: 'cpu-a', metal: metal-a}", "{default: 'cpu-a-development', metal: metal-a-development}", StringComparison.Ordinal) + Images);
    }

    [Test]
    public void Fixes_a_development_meta_inheriting_the_release_map_by_writing_its_own()
    {
        const string metas = """
            - &a
              name: "a"
              capabilities:
                default: "cpu-a"
                # the Apple build
                metal: "metal-a"   # arm64
            - !!merge <<: *a
              name: "a-development"

            """;
        GalleryFix.Fixed(metas + Images, CheckIds.DevelopmentMetaNamesDevelopmentImages).Should().Be("""
            - &a
              name: "a"
              capabilities:
                default: "cpu-a"
                # the Apple build
                metal: "metal-a"   # arm64
            - !!merge <<: *a
              name: "a-development"
              capabilities:
                default: "cpu-a-development"
                metal: "metal-a-development"

            """ + Images);
    }

    [Test]
    public void Offers_no_fix_when_the_development_image_is_missing()
    {
        const string index = """
            - &a
              name: "a"
              capabilities:
                default: "cpu-a"
            - !!merge <<: *a
              name: "a-development"
              capabilities:
                default: "cpu-a"
            - !!merge <<: *a
              name: "cpu-a"
              uri: "quay.io/go-skynet/local-ai-backends:latest-cpu-a"
            """;
        GalleryFix.Findings(index, CheckIds.DevelopmentMetaNamesDevelopmentImages).Should().ContainSingle().Which.Fix.Should().BeNull();
    }
}

public class DevelopmentChannelCompleteFixTests
{
    private const string Images = """
        ## a
        - !!merge <<: *a
          name: "cpu-a"
          uri: "quay.io/go-skynet/local-ai-backends:latest-cpu-a"
        - !!merge <<: *a
          name: "cpu-a-development"
          uri: "quay.io/go-skynet/local-ai-backends:master-cpu-a"

        """;

    [Test]
    public void Fixes_images_without_the_alias_by_giving_their_meta_one_after_its_name_quoted_as_it()
    {
        const string index = "- &a\n  name: a  # the meta\n  capabilities:\n    default: \"cpu-a\"\n- !!merge <<: *a\n  name: \"a-development\"\n  capabilities:\n    default: \"cpu-a-development\"\n" + Images;
        GalleryFix.Fixed(index, CheckIds.DevelopmentChannelComplete)
            .Should().Be(index.Replace("  name: a  # the meta\n", "  name: a  # the meta\n  alias: a\n", StringComparison.Ordinal));
    }

    [Test]
    public void Offers_no_alias_fix_when_an_image_has_an_alias_of_its_own()
    {
        var index = "- &a\n  name: a\n  capabilities:\n    default: \"cpu-a\"\n- !!merge <<: *a\n  name: \"a-development\"\n  capabilities:\n    default: \"cpu-a-development\"\n"
            + Images.Replace("  name: \"cpu-a-development\"\n", "  name: \"cpu-a-development\"\n  alias: a-dev\n", StringComparison.Ordinal);
        GalleryFix.Findings(index, CheckIds.DevelopmentChannelComplete).Should().ContainSingle().Which.Fix.Should().BeNull();
    }

    [Test]
    public void Fixes_a_missing_development_meta_right_before_the_first_image_of_its_family()
    {
        const string index = "- &a\n  name: \"a\"\n  alias: \"a\"\n  capabilities:\n    default: \"cpu-a\"    # every machine\n" + Images;
        GalleryFix.Fixed(index, CheckIds.DevelopmentChannelComplete).Should().Be("""
            - &a
              name: "a"
              alias: "a"
              capabilities:
                default: "cpu-a"    # every machine
            ## a
            - !!merge <<: *a
              name: "a-development"
              capabilities:
                default: "cpu-a-development"
            - !!merge <<: *a
              name: "cpu-a"
              uri: "quay.io/go-skynet/local-ai-backends:latest-cpu-a"
            - !!merge <<: *a
              name: "cpu-a-development"
              uri: "quay.io/go-skynet/local-ai-backends:master-cpu-a"

            """);
    }

    [Test]
    public void Fixes_a_missing_development_meta_next_to_the_others_when_the_file_keeps_them_together()
    {
        static string Family(string x) => $"""
            - !!merge <<: *{x}
              name: "cpu-{x}"
              uri: "quay.io/go-skynet/local-ai-backends:latest-cpu-{x}"
            - !!merge <<: *{x}
              name: "cpu-{x}-development"
              uri: "quay.io/go-skynet/local-ai-backends:master-cpu-{x}"

            """;
        static string Meta(string x) => $"- &{x}\n  name: {x}\n  alias: {x}\n  capabilities: {{default: cpu-{x}}}\n";
        static string Development(string x) => $"- !!merge <<: *{x}\n  name: \"{x}-development\"\n  capabilities: {{default: cpu-{x}-development}}\n";
        var complete = Meta("a") + Meta("b") + Meta("c") + "## development\n" + Development("a") + Development("b") + Development("c") + Family("a") + Family("b") + Family("c");
        var withoutB = complete.Replace(Development("b"), "", StringComparison.Ordinal);
        GalleryFix.Fixed(withoutB, CheckIds.DevelopmentChannelComplete).Should().Be(complete);
        var withoutA = complete.Replace(Development("a"), "", StringComparison.Ordinal);
        GalleryFix.Fixed(withoutA, CheckIds.DevelopmentChannelComplete).Should().Be(complete, "with no family before it, before the next one's");
    }

    [Test]
    public void Fixes_a_missing_development_meta_next_to_the_others_when_as_many_stand_apart_as_before_their_images()
    {
        static string Family(string x) => $"- !!merge <<: *{x}\n  name: cpu-{x}\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-{x}\n- !!merge <<: *{x}\n  name: cpu-{x}-development\n  uri: quay.io/go-skynet/local-ai-backends:master-cpu-{x}\n";
        static string Meta(string x) => $"- &{x}\n  name: {x}\n  alias: {x}\n  capabilities:\n    default: cpu-{x}\n";
        static string Development(string x) => $"- !!merge <<: *{x}\n  name: {x}-development\n  capabilities:\n    default: cpu-{x}-development\n";
        var complete = Meta("a") + Meta("b") + Meta("c") + Development("b") + Development("c") + Development("a") + Family("a") + Family("b") + Family("c");
        GalleryFix.Fixed(complete.Replace(Development("c"), "", StringComparison.Ordinal), CheckIds.DevelopmentChannelComplete).Should().Be(complete);
    }

    [Test]
    public void Offers_no_meta_fix_when_an_image_of_its_capabilities_has_no_development_twin()
    {
        const string index = "- &a\n  name: \"a\"\n  alias: \"a\"\n  capabilities:\n    default: \"cpu-a\"\n    metal: \"metal-a\"\n" + Images
            + "- !!merge <<: *a\n  name: \"metal-a\"\n  uri: \"quay.io/go-skynet/local-ai-backends:latest-metal-darwin-arm64-a\"\n";
        GalleryFix.Findings(index, CheckIds.DevelopmentChannelComplete).Should().ContainSingle().Which.Fix.Should().BeNull();
    }
}

public class EntryNamesUniqueFixTests
{
    private const string Entry = "- name: cpu-a\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a\n";

    [Test]
    public void Fixes_an_identical_copy_by_deleting_its_lines()
    {
        const string copy = "- name: \"cpu-a\" # again\n  uri: 'quay.io/go-skynet/local-ai-backends:latest-cpu-a'\n";
        GalleryFix.Fixed(Entry + "# b\n" + copy + "- name: b\n", CheckIds.EntryNamesUnique).Should().Be(Entry + "# b\n- name: b\n");
    }

    [Test]
    public void Fixes_an_identical_copy_that_ends_the_file_without_a_line_end()
    {
        GalleryFix.Fixed(Entry + Entry.TrimEnd('\n'), CheckIds.EntryNamesUnique).Should().Be(Entry.TrimEnd('\n'));
        GalleryFix.Fixed(Entry + Entry, CheckIds.EntryNamesUnique).Should().Be(Entry);
    }

    [Test]
    public void Offers_no_fix_for_a_copy_that_defines_an_anchor_or_differs()
    {
        GalleryFix.Findings(Entry + Entry.Replace("- name", "- &x\n  name", StringComparison.Ordinal), CheckIds.EntryNamesUnique)
            .Should().ContainSingle().Which.Fix.Should().BeNull();
        GalleryFix.Findings(Entry + Entry.Replace("cpu-a\n  uri", "cpu-a\n  alias: b\n  uri", StringComparison.Ordinal), CheckIds.EntryNamesUnique)
            .Should().ContainSingle().Which.Fix.Should().BeNull();
    }
}

public class GalleryFixDescriptionTests
{
    [TestCase(CheckIds.ImageChannelsMustPair, "- name: cpu-a\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a\n", "Add the development image 'cpu-a-development' after 'cpu-a'.")]
    [TestCase(CheckIds.DevelopmentMetaNamesDevelopmentImages,
        "- &a\n  name: a\n  capabilities: {default: cpu-a}\n- <<: *a\n  name: a-development\n  capabilities: {default: cpu-a}\n- <<: *a\n  name: cpu-a\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a\n- <<: *a\n  name: cpu-a-development\n  uri: quay.io/go-skynet/local-ai-backends:master-cpu-a\n",
        "Name 'cpu-a-development' for 'default'.")]
    [TestCase(CheckIds.DevelopmentMetaNamesDevelopmentImages,
        "- &a\n  name: a\n  capabilities: {default: cpu-a}\n- <<: *a\n  name: a-development\n- <<: *a\n  name: cpu-a\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a\n- <<: *a\n  name: cpu-a-development\n  uri: quay.io/go-skynet/local-ai-backends:master-cpu-a\n",
        "Give 'a-development' its own capabilities map naming the development images.")]
    [TestCase(CheckIds.DevelopmentMetaNamesDevelopmentImages,
        "- &d\n  name: a-development\n  capabilities: {default: cpu-a-development}\n- <<: *d\n  name: a\n- <<: *d\n  name: cpu-a\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a\n- <<: *d\n  name: cpu-a-development\n  uri: quay.io/go-skynet/local-ai-backends:master-cpu-a\n",
        "Give 'a' its own capabilities map naming the release images.")]
    [TestCase(CheckIds.DevelopmentChannelComplete,
        "- &a\n  name: a\n  alias: a\n  capabilities: {default: cpu-a}\n- <<: *a\n  name: cpu-a\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a\n- <<: *a\n  name: cpu-a-development\n  uri: quay.io/go-skynet/local-ai-backends:master-cpu-a\n",
        "Add the meta 'a-development' naming the development images of 'a'.")]
    [TestCase(CheckIds.DevelopmentChannelComplete,
        "- &a\n  name: a\n  capabilities: {default: cpu-a}\n- <<: *a\n  name: a-development\n  capabilities: {default: cpu-a-development}\n- <<: *a\n  name: cpu-a\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a\n- <<: *a\n  name: cpu-a-development\n  uri: quay.io/go-skynet/local-ai-backends:master-cpu-a\n",
        "Add 'alias: a' to 'a'.")]
    [TestCase(CheckIds.EntryNamesUnique, "- name: a\n- name: a\n", "Delete the copy of 'a'.")]
    public void Describes_what_the_fix_does(string rule, string index, string description)
    {
        GalleryFix.Findings(index, rule).Should().ContainSingle().Which.Fix!.Description.Should().Be(description);
        GalleryFix.Fixed(index, rule);
    }
}

public class GalleryFixEdgeTests
{
    private const string ImagesOfA = "- <<: *a\n  name: cpu-a\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a\n- <<: *a\n  name: cpu-a-development\n  uri: quay.io/go-skynet/local-ai-backends:master-cpu-a\n";

    [Test]
    public void Fixes_a_release_meta_inheriting_the_development_map_with_a_map_naming_the_release_images()
    {
        const string index = "- &d\n  name: a-development\n  capabilities:\n    default: cpu-a-development\n- <<: *d\n  name: a\n- &a\n  name: x\n" + ImagesOfA;
        GalleryFix.Fixed(index, CheckIds.DevelopmentMetaNamesDevelopmentImages)
            .Should().Be(index.Replace("- <<: *d\n  name: a\n", "- <<: *d\n  name: a\n  capabilities:\n    default: cpu-a\n", StringComparison.Ordinal));
    }

    [Test]
    public void Fixes_an_inherited_map_of_a_meta_whose_name_is_on_its_dash_line()
    {
        const string index = "- &a\n  name: a\n  capabilities:\n    default: cpu-a\n- name: a-development\n  <<: *a\n" + ImagesOfA;
        GalleryFix.Fixed(index, CheckIds.DevelopmentMetaNamesDevelopmentImages)
            .Should().Be(index.Replace("  <<: *a\n- <<: *a\n  name: cpu-a\n", "  <<: *a\n  capabilities:\n    default: cpu-a-development\n- <<: *a\n  name: cpu-a\n", StringComparison.Ordinal));
    }

    [TestCase("- &a\n  name: a\n  capabilities: {default: cpu-a}\n- {<<: *a, name: a-development}\n" + ImagesOfA, TestName = "Offers_no_map_to_a_meta_written_in_flow_style")]
    [TestCase("- name: base\n  extra: &a\n    capabilities: {default: cpu-a}\n- <<: *a\n  name: a-development\n" + ImagesOfA, TestName = "Offers_no_map_when_no_entry_writes_the_one_inherited")]
    [TestCase("- &a\n  name: a\n  capabilities: {default: cpu-a}\n- <<: *a\n  name: a-development\n  capabilities: {default: \"cpu-\\x61\"}\n" + ImagesOfA, TestName = "Offers_no_repointing_of_a_value_written_with_an_escape")]
    [TestCase("- &a\n  name: a\n  capabilities: {default: cpu-a}\n- <<: *a\n  name: a-development\n  capabilities: {default: cpu-a}\n- <<: *a\n  name: cpu-a\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a\n- <<: *a\n  name: \"cpu a-development\"\n  uri: quay.io/go-skynet/local-ai-backends:master-cpu-a\n",
        TestName = "Offers_no_repointing_to_a_name_that_needs_quotes")]
    public void Offers_no_fix_for_BL1004(string index)
    {
        GalleryFix.Findings(index, CheckIds.DevelopmentMetaNamesDevelopmentImages).Should().ContainSingle().Which.Fix.Should().BeNull();
    }

    [Test]
    public void Copies_an_image_whose_own_alias_is_its_family_s_alias()
    {
        const string index = "- &a\n  name: a\n  alias: the-a\n- <<: *a\n  name: cpu-a\n  alias: the-a\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a\n";
        GalleryFix.Fixed(index, CheckIds.ImageChannelsMustPair).Should().Be(index + "- <<: *a\n  name: cpu-a-development\n  alias: the-a\n  uri: quay.io/go-skynet/local-ai-backends:master-cpu-a\n");
        GalleryFix.Findings(index.Replace("  alias: the-a\n  uri", "  alias: a\n  uri", StringComparison.Ordinal), CheckIds.ImageChannelsMustPair)
            .Should().ContainSingle().Which.Fix.Should().BeNull("the family's development images need 'the-a'");
    }

    [Test]
    public void Copies_lines_as_written_without_their_comments()
    {
        const string index = "- name: cpu-a   # the CPU build\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a  \n";
        GalleryFix.Fixed(index, CheckIds.ImageChannelsMustPair)
            .Should().Be(index + "- name: cpu-a-development\n  uri: quay.io/go-skynet/local-ai-backends:master-cpu-a  \n", "the blanks ending a line are kept, those before a comment go with it");
    }

    [Test]
    public void Keeps_a_capability_naming_a_pinned_image_in_the_development_meta()
    {
        const string index = "- &a\n  name: a\n  alias: a\n  capabilities:\n    default: cpu-a\n    nvidia: pinned-a\n" + ImagesOfA
            + "- <<: *a\n  name: pinned-a\n  uri: quay.io/go-skynet/local-ai-backends:v1.0-gpu-nvidia-cuda-12-a\n";
        GalleryFix.Fixed(index, CheckIds.DevelopmentChannelComplete)
            .Should().Contain("- <<: *a\n  name: a-development\n  capabilities:\n    default: cpu-a-development\n    nvidia: pinned-a\n- <<: *a\n  name: cpu-a\n");
    }

    [Test]
    public void Counts_only_development_metas_to_learn_where_the_file_keeps_them()
    {
        // 'c-gpu' is a meta of c's family but no development meta: only 'a-development' says where they go, before their images.
        static string Family(string x) => $"- <<: *{x}\n  name: cpu-{x}\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-{x}\n- <<: *{x}\n  name: cpu-{x}-development\n  uri: quay.io/go-skynet/local-ai-backends:master-cpu-{x}\n";
        static string Meta(string x) => $"- &{x}\n  name: {x}\n  alias: {x}\n  capabilities: {{default: cpu-{x}}}\n";
        const string development = "- <<: *b\n  name: b-development\n  capabilities: {default: cpu-b-development}\n";
        var complete = Meta("a") + Meta("b") + Meta("c") + "- <<: *c\n  name: c-gpu\n  capabilities: {default: cpu-c}\n"
            + "- <<: *a\n  name: a-development\n  capabilities: {default: cpu-a-development}\n" + Family("a") + development + Family("b")
            + "- <<: *c\n  name: cpu-c\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-c\n";
        GalleryFix.Fixed(complete.Replace(development, "", StringComparison.Ordinal), CheckIds.DevelopmentChannelComplete).Should().Be(complete);
    }

    [Test]
    public void Places_a_development_meta_among_families_that_have_no_images()
    {
        const string index = "- &e\n  name: e\n  capabilities: {default: x}\n- <<: *e\n  name: e-development\n  capabilities: {default: x}\n- &a\n  name: a\n  alias: a\n  capabilities: {default: cpu-a}\n" + ImagesOfA;
        GalleryFix.Fixed(index, CheckIds.DevelopmentChannelComplete).Should().Contain("  capabilities: {default: cpu-a}\n- <<: *a\n  name: a-development\n");
    }

    [Test]
    public void Fixes_a_missing_development_meta_right_after_its_meta_when_the_file_keeps_them_so()
    {
        static string Family(string x) => $"- <<: *{x}\n  name: cpu-{x}\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-{x}\n- <<: *{x}\n  name: cpu-{x}-development\n  uri: quay.io/go-skynet/local-ai-backends:master-cpu-{x}\n";
        static string Meta(string x) => $"- &{x}\n  name: {x}\n  alias: {x}\n  capabilities: {{default: cpu-{x}}}\n";
        static string Development(string x) => $"- <<: *{x}\n  name: {x}-development\n  capabilities: {{default: cpu-{x}-development}}\n";
        var complete = Meta("a") + Development("a") + Meta("b") + Development("b") + Meta("c") + Development("c") + Family("a") + Family("b") + Family("c");
        GalleryFix.Fixed(complete.Replace(Development("b"), "", StringComparison.Ordinal), CheckIds.DevelopmentChannelComplete).Should().Be(complete);
        GalleryFix.Fixed(complete.Replace(Development("a"), "", StringComparison.Ordinal), CheckIds.DevelopmentChannelComplete).Should().Be(complete);
    }

    [Test]
    public void Offers_no_alias_to_a_meta_written_in_flow_style()
    {
        const string index = "- &a {name: a , capabilities: {default: cpu-a}}\n- <<: *a\n  name: a-development\n  capabilities: {default: cpu-a-development}\n" + ImagesOfA;
        GalleryFix.Findings(index, CheckIds.DevelopmentChannelComplete).Should().ContainSingle().Which.Fix.Should().BeNull();
    }

    [Test]
    public void Deletes_a_copy_ending_the_file_after_a_blank_line()
    {
        const string entry = "- name: cpu-a\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-a";
        GalleryFix.Fixed(entry + "\n\n" + entry, CheckIds.EntryNamesUnique).Should().Be(entry + "\n");
    }
}

public class YamlEditsTests
{
    [TestCase("cpu-a-development")]
    [TestCase("a.b_c/d@e+f")]
    [TestCase("1a")]
    public void Accepts_a_plain_name(string value) => YamlEdits.IsPlainName(value).Should().BeTrue();

    [TestCase("")]
    [TestCase("y")]
    [TestCase("N")]
    [TestCase("yes")]
    [TestCase("No")]
    [TestCase("on")]
    [TestCase("OFF")]
    [TestCase("true")]
    [TestCase("False")]
    [TestCase("null")]
    [TestCase("1.5e3")]
    [TestCase("123")]
    [TestCase("0x1F")]
    [TestCase("0o7a")]
    [TestCase("-a")]
    [TestCase(".a")]
    [TestCase("a b")]
    [TestCase("a:b")]
    [TestCase("a#b")]
    [TestCase("a'b")]
    [TestCase("a\"b")]
    [TestCase("a,b")]
    public void Refuses_a_value_that_reads_otherwise_in_some_style(string value) => YamlEdits.IsPlainName(value).Should().BeFalse();

    private static readonly BackendLint.Model.SourceFile File = new(new BackendLint.Text.SourceText("f", "ab cd\nef gh\n"), []);

    [Test]
    public void Copies_nothing_it_cannot_copy_exactly()
    {
        var ab = Lint.SpanOf("f", "ab cd\nef gh\n", 1, "ab");
        var b = Lint.SpanOf("f", "ab cd\nef gh\n", 1, "b");
        var gh = Lint.SpanOf("f", "ab cd\nef gh\n", 2, "gh");
        YamlEdits.CopyLines(File, 1, 2, [(ab, "ab", "x"), (gh, "gh", "y")]).Should().Equal("x cd", "ef y");
        YamlEdits.CopyLines(File, 1, 2, [(ab, "ab", "x"), (b, "b", "y")]).Should().BeNull("two replacements overlap");
        YamlEdits.CopyLines(File, 1, 1, [(gh, "gh", "y")]).Should().BeNull("the replacement is not on the lines copied");
        YamlEdits.CopyLines(File, 1, 1, [(ab, "ax", "y")]).Should().BeNull("the span does not hold the text replaced");
    }

    [Test]
    public void Deletes_whole_lines_of_a_file_that_they_are()
    {
        var text = new BackendLint.Text.SourceText("f", "- a\n- b");
        var edit = YamlEdits.DeleteLines(text, new BackendLint.Text.SourceSpan("f", 1, 1, 2, 4));
        BackendLint.Fixing.FixApplier.Apply([new Fix("d", [edit])], _ => text).Texts["f"].Should().BeEmpty();
    }
}
