using BackendLint.Model;
using BackendLint.Parsing;
using BackendLint.Parsing.Gallery;
using BackendLint.Text;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Parsing;

public class GalleryIndexReaderTests
{
    private const string File = "backend/index.yaml";

    private static GalleryIndex Read(string text) => GalleryIndexReader.Read(Lint.Source(File, text)).Index;

    private static SourceSpan At(string text, int line, string token, int occurrence = 1) => Lint.SpanOf(File, text, line, token, occurrence);

    private const string Index = """
        - &vllm
          name: "vllm"
          capabilities:
            default: "cpu-vllm"
        - !!merge <<: *vllm
          name: "cpu-vllm"
          uri: "quay.io/go-skynet/local-ai-backends:latest-cpu-vllm"
          mirrors:
            - localai/localai-backends:latest-cpu-vllm
        """;

    [Test]
    public void An_image_inherits_the_meta_fields_with_the_meta_spans_and_remembers_the_merge_site()
    {
        var image = Read(Index).Entries[1];
        image.Capabilities.Should().ContainSingle().Which.Should().Be(
            new Capability(new("default", At(Index, 4, "default")), new("cpu-vllm", At(Index, 4, "cpu-vllm"))));
        image.CapabilitiesMergedAt.Should().Be(At(Index, 5, "*vllm"));

        image.Name!.Value.IsInherited.Should().BeFalse();
        image.MetaName.Should().Be("vllm");
        image.Merges.Should().ContainSingle().Which.Span.Should().Be(At(Index, 5, "*vllm"));
    }

    [Test]
    public void Images_share_the_capability_list_of_their_meta()
    {
        var index = Read(Index);
        index.Entries[1].Capabilities.Should().BeSameAs(index.Entries[0].Capabilities);
        index.Entries[0].WritesCapabilities.Should().BeTrue();
        index.Entries[1].WritesCapabilities.Should().BeFalse();
    }

    [Test]
    public void Parses_the_uri_into_repository_tag_channel_and_suffix_with_spans()
    {
        var image = Read(Index).Entries[1].Image!;
        image.Repository.Should().Be("quay.io/go-skynet/local-ai-backends");
        image.IsBuiltByMatrix.Should().BeTrue();
        image.Channel.Should().Be(TagChannel.Latest);
        image.Tag.Should().Be(new Located<string>("latest-cpu-vllm", At(Index, 7, "latest-cpu-vllm")));
        image.TagSuffix.Should().Be(new Located<string>("-cpu-vllm", At(Index, 7, "-cpu-vllm")));
    }

    [Test]
    public void Parses_an_unquoted_mirror()
    {
        var mirror = Read(Index).Entries[1].Mirrors.Should().ContainSingle().Subject.Image;
        mirror.Repository.Should().Be("localai/localai-backends");
        mirror.TagSuffix.Should().Be(new Located<string>("-cpu-vllm", At(Index, 9, "-cpu-vllm")));
    }

    [TestCase("quay.io/go-skynet/local-ai-backends:master-cpu-x", TagChannel.Master, "-cpu-x")]
    [TestCase("quay.io/go-skynet/local-ai-backends:v3.1.0-cpu-x", TagChannel.Other, null)]
    [TestCase("quay.io/go-skynet/local-ai-backends:latest", TagChannel.Latest, "")]
    [TestCase("localhost:5000/local-ai-backends:latest-x", TagChannel.Latest, "-x")]
    [TestCase("quay.io/go-skynet/local-ai-backends@sha256:abc", TagChannel.Other, null)]
    public void Classifies_tags(string uri, TagChannel channel, string? suffix)
    {
        var image = Read($"- name: x\n  uri: \"{uri}\"\n").Entries[0].Image!;
        image.Channel.Should().Be(channel);
        image.TagSuffix?.Value.Should().Be(suffix);
    }

    [Test]
    public void Merges_a_list_of_anchors_with_the_first_taking_precedence()
    {
        const string text = "- &a {name: a, license: mit, alias: from-a}\n- &b {name: b, license: apache, tags: [x]}\n- <<: [*a, *b]\n  name: c\n";
        var entry = Read(text).Entries[2];
        entry.Name!.Value.Text.Should().Be("c");
        entry.Alias!.Value.Text.Should().Be("from-a");
        entry.Alias.Value.Span.Should().Be(At(text, 1, "from-a"));
        entry.Alias.Value.MergedAt.Should().Be(At(text, 3, "*a"));
        entry.Merges.Select(m => m.Value).Should().Equal("a", "b");
        entry.MetaName.Should().Be("a");
    }

    [Test]
    public void A_plain_merge_key_works_like_the_tagged_one()
    {
        Read("- &m\n  name: m\n  capabilities: {default: x}\n- <<: *m\n  name: x\n  uri: quay.io/go-skynet/local-ai-backends:latest-x\n")
            .Entries[1].CapabilitiesMergedAt.Should().NotBeNull();
    }

    [Test]
    public void A_merge_of_a_merge_inherits_transitively_and_names_the_outer_site()
    {
        const string text = "- &m\n  name: m\n  capabilities: {default: x}\n- &dev\n  <<: *m\n  name: m-development\n- <<: *dev\n  name: y\n";
        var entry = Read(text).Entries[2];
        entry.CapabilitiesMergedAt.Should().Be(At(text, 7, "*dev"));
        entry.MetaName.Should().Be("m");
    }

    [Test]
    public void Own_capabilities_replace_inherited_ones()
    {
        const string text = "- &m\n  name: m\n  capabilities: {default: x, nvidia: y}\n- <<: *m\n  name: m-development\n  capabilities:\n    default: x-development\n";
        var entry = Read(text).Entries[1];
        entry.WritesCapabilities.Should().BeTrue();
        entry.Capabilities.Should().ContainSingle().Which.Value.Value.Should().Be("x-development");
    }

    [Test]
    public void Reports_a_top_level_that_is_not_a_sequence()
    {
        var act = () => Read("name: x\nuri: y\n");
        act.Should().Throw<InputError>().Which.ToString().Should().Be("backend/index.yaml:1:1: error: the top level of the gallery index must be a sequence of backend entries");
    }

    [Test]
    public void Reports_an_entry_that_is_not_a_mapping()
    {
        var act = () => Read("- name: x\n- just a string\n");
        act.Should().Throw<InputError>().Which.Span.StartLine.Should().Be(2);
    }

    [Test]
    public void Reports_a_merge_of_something_that_is_not_a_mapping()
    {
        const string text = "- name: a\n  tags: &s [1, 2]\n- <<: *s\n  name: x\n";
        var act = () => Read(text);
        act.Should().Throw<InputError>().Which.Span.Should().Be(At(text, 3, "*s"));
    }

    [Test]
    public void Reports_capabilities_that_are_not_a_map()
    {
        var act = () => Read("- name: x\n  capabilities: [a, b]\n");
        act.Should().Throw<InputError>().Which.Problem.Should().Contain("'capabilities' must map");
    }

    [Test]
    public void An_entry_knows_the_item_at_the_root_of_its_merges_and_where_its_anchor_is()
    {
        const string text = """
            - &x
              name: x
              capabilities: {default: cpu-x}
            - &x-dev
              !!merge <<: *x
              name: x-development
            - <<: *x-dev
              name: cpu-x-development
              uri: quay.io/go-skynet/local-ai-backends:master-cpu-x
            - name: alone
            """;
        var entries = Read(text).Entries;
        entries[0].MergeRoot.Should().BeNull();
        entries[1].MergeRoot.Should().BeSameAs(entries[0]);
        entries[2].MergeRoot.Should().BeSameAs(entries[0], "a merge of a merge belongs to the first chain's root");
        entries[3].MergeRoot.Should().BeNull();
        entries[0].AnchorSpan.Should().Be(At(text, 1, "&x"));
        entries[1].AnchorSpan.Should().Be(At(text, 4, "&x-dev"));
        entries[2].AnchorSpan.Should().BeNull();
    }

    [Test]
    public void An_anchor_nested_in_an_entry_is_no_family_root()
    {
        const string text = "- name: a\n  extra: &base {name: base}\n- <<: *base\n  name: b\n";
        Read(text).Entries[1].MergeRoot.Should().BeNull();
        Read(text).Families.Should().BeEmpty();
    }

    [TestCase("x-development", true)]
    [TestCase("cpu-x-development", true)]
    [TestCase("x-Development", false)]
    [TestCase("x-developments", false)]
    [TestCase("development", false)]
    public void Development_entries_are_named_like_LocalAI_names_them(string name, bool development) =>
        Read($"- name: {name}\n").Entries[0].IsDevelopment.Should().Be(development);

    [Test]
    public void Families_group_a_root_with_the_entries_that_merge_it()
    {
        const string text = """
            - &x
              name: x
              capabilities: {default: cpu-x}
            - <<: *x
              name: x-development
            - <<: *x
              name: cpu-x
              uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x
            - <<: *x
              name: cpu-x-development
              uri: localai/localai-backends:master-cpu-x
            - <<: *x
              name: metal-x
              uri: quay.io/go-skynet/local-ai-backends:latest-metal-x
            - <<: *x
              name: pinned-x
              uri: quay.io/go-skynet/local-ai-backends:v1.0-x
            """;
        var index = Read(text);
        var family = index.Families.Should().ContainSingle().Subject;
        index.Family(index.Entries[0]).Should().BeSameAs(family);
        index.Family(index.Entries[1]).Should().BeNull();
        family.Root.Should().BeSameAs(index.Entries[0]);
        family.Members.Select(e => e.DisplayName).Should().Equal("x-development", "cpu-x", "cpu-x-development", "metal-x", "pinned-x");
        family.Images.Select(e => e.DisplayName).Should().Equal("cpu-x", "cpu-x-development", "metal-x", "pinned-x");
        family.TagSuffixes.Should().Equal("-cpu-x", "-metal-x");
        family.HasMasterImages.Should().BeTrue();
        family.DevelopmentImages.Select(e => e.DisplayName).Should().Equal("cpu-x-development");
        index.UsesMetas.Should().BeTrue();
    }

    [Test]
    public void A_family_whose_root_is_an_image_counts_the_root_among_its_images()
    {
        const string text = "- &x\n  name: cpu-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n- <<: *x\n  name: metal-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-metal-x\n";
        var index = Read(text);
        index.Families.Should().ContainSingle().Which.Images.Select(e => e.DisplayName).Should().Equal("cpu-x", "metal-x");
        index.Families[0].HasMasterImages.Should().BeFalse();
        index.UsesMetas.Should().BeFalse("no entry has capabilities");
    }

    [Test]
    public void Finds_entries_by_name_as_LocalAI_does_and_the_twin_of_an_image_in_the_other_channel()
    {
        const string text = """
            - name: cpu-x
              uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x
            - name: cpu-x-development
              uri: localai/localai-backends:master-cpu-x
            - name: other-x-development
              uri: quay.io/someone/else:master-cpu-x
            - name: CPU-X
              uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x
            """;
        var index = Read(text);
        index.EntryNamed("Cpu-X").Should().BeSameAs(index.Entries[0], "the first of the names that differ only in case");
        index.EntryNamed("cpu-y").Should().BeNull();
        index.Twin(index.Entries[0], TagChannel.Master).Should().BeSameAs(index.Entries[1], "the two backends repositories carry the same tags");
        index.Twin(index.Entries[1], TagChannel.Latest).Should().BeSameAs(index.Entries[0]);
        index.Twin(index.Entries[2], TagChannel.Latest).Should().BeNull("another repository's tags are another image");
        index.Twin(index.Entries[0], TagChannel.Other).Should().BeNull();
    }

    [Test]
    public void An_entry_knows_the_whole_lines_it_is_written_on()
    {
        const string text = "- &a\n  name: a\n  description: |\n    two\n    lines\n\n# about b\n- name: b # trailing\n  uri: \"q/x:latest-b\"   # note\n- {name: c}\n";
        var entries = Read(text).Entries;
        entries[0].Lines.Should().Be(new SourceSpan(File, 1, 1, 5, 10), "a block scalar ends on its last line with text, not after the blank line it swallowed");
        entries[1].Lines.Should().Be(new SourceSpan(File, 8, 1, 9, 31), "the comment after its last value is on its line");
        entries[2].Lines.Should().Be(new SourceSpan(File, 10, 1, 10, 12));
    }

    [Test]
    public void An_entry_sharing_its_lines_has_none()
    {
        var entries = Read("[{name: a}, {name: b}]\n").Entries;
        entries.Should().HaveCount(2).And.OnlyContain(e => e.Lines == null);
    }

    [Test]
    public void An_entry_lists_the_keys_it_writes_with_the_whole_value_as_written()
    {
        const string text = "- !!merge <<: *a\n  name: \"x\"\n  mirrors: [p, 'q']\n  capabilities:\n    default: y\n";
        var entry = Read("- &a\n  name: a\n" + text).Entries[1];
        var full = "- &a\n  name: a\n" + text;
        entry.Fields.Select(f => f.Key.Value).Should().Equal("<<", "name", "mirrors", "capabilities");
        entry.Fields[0].Key.Span.Should().Be(At(full, 3, "!!merge <<"));
        entry.Fields[0].Value.Should().Be(At(full, 3, "*a"));
        entry.Field("name")!.Value.Should().Be(At(full, 4, "\"x\""), "a scalar's value keeps its quotes");
        entry.Field("mirrors")!.Value.Should().Be(At(full, 5, "[p, 'q']"), "a flow collection ends at its bracket");
        entry.Field("capabilities")!.Value.Should().Be(new SourceSpan(File, 7, 5, 7, 15));
        entry.Field("uri").Should().BeNull();
    }

    [Test]
    public void An_image_knows_where_its_channel_is_written()
    {
        const string text = "- name: a\n  uri: \"q/x:latest-cpu-a\"\n  mirrors:\n    - 'r/x:master-cpu-a'\n    - r/x:v1.0-cpu-a\n";
        var entry = Read(text).Entries[0];
        entry.Image!.ChannelSpan.Should().Be(At(text, 2, "latest"));
        entry.Mirrors[0].Image.ChannelSpan.Should().Be(At(text, 4, "master"));
        entry.Mirrors[1].Image.ChannelSpan.Should().BeNull("a pinned tag has no channel");
    }
}
