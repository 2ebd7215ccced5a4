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
