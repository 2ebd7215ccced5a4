using BackendLint.Parsing;
using BackendLint.Parsing.Yaml;
using BackendLint.Text;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Parsing;

public class YamlDocumentReaderTests
{
    private static YamlNode? Read(string text) => YamlDocumentReader.Read(new SourceText("f.yml", text)).Root;

    private static InputError Fails(string text)
    {
        var act = () => Read(text);
        return act.Should().Throw<InputError>().Which;
    }

    [Test]
    public void Plain_and_quoted_values_span_only_their_text()
    {
        var root = (YamlMapping)Read("a: plain value\nb: 'single'\nc: \"double\"\n")!;
        ((YamlScalar)root.Get("a")!).Located.Span.Should().Be(new SourceSpan("f.yml", 1, 4, 1, 15));
        ((YamlScalar)root.Get("b")!).Located.Span.Should().Be(new SourceSpan("f.yml", 2, 5, 2, 11));
        ((YamlScalar)root.Get("c")!).Located.Span.Should().Be(new SourceSpan("f.yml", 3, 5, 3, 11));
        ((YamlScalar)root.Get("c")!).Span.Should().Be(new SourceSpan("f.yml", 3, 4, 3, 12), "the token keeps its quotes");
    }

    [Test]
    public void A_value_with_escapes_spans_the_whole_token()
    {
        var root = (YamlMapping)Read("a: \"x\\u0041\"\n")!;
        var scalar = (YamlScalar)root.Get("a")!;
        scalar.Value.Should().Be("xA");
        scalar.Located.Span.Should().Be(new SourceSpan("f.yml", 1, 4, 1, 13));
    }

    [Test]
    public void Crlf_line_breaks_count_as_one_line_break()
    {
        var root = (YamlMapping)Read("a: 1\r\nb: two\r\n")!;
        ((YamlScalar)root.Get("b")!).Located.Span.Should().Be(new SourceSpan("f.yml", 2, 4, 2, 7));
    }

    [Test]
    public void An_alias_keeps_its_own_site_and_resolves_to_the_anchor()
    {
        var root = (YamlSequence)Read("- &m {k: v}\n- <<: *m\n")!;
        var merge = ((YamlMapping)root.Items[1]).Pairs[0];
        merge.Value.Should().BeOfType<YamlAlias>().Which.Span.Should().Be(new SourceSpan("f.yml", 2, 7, 2, 9));
        merge.Value.Resolve().Should().BeSameAs(root.Items[0]);
    }

    [Test]
    public void Reports_duplicate_key_at_the_second_key()
    {
        var error = Fails("a: 1\nb: 2\na: 3\n");
        error.ToString().Should().Be("f.yml:3:1: error: duplicate key 'a' in a mapping (first at line 1)");
    }

    [Test]
    public void Reports_duplicate_key_in_a_large_mapping()
    {
        var keys = string.Join("\n", Enumerable.Range(1, 40).Select(i => $"k{i}: {i}"));
        Fails(keys + "\nk33: again\n").ToString().Should().Be("f.yml:41:1: error: duplicate key 'k33' in a mapping (first at line 33)");
    }

    [Test]
    public void Accepts_repeated_merge_keys()
    {
        Read("- &a {x: 1}\n- &b {y: 1}\n- {<<: *a, <<: *b}\n").Should().NotBeNull();
    }

    [Test]
    public void Reports_syntax_error_as_one_line_with_position()
    {
        var error = Fails("a: [1, 2\nb: 3\n");
        error.Span.File.Should().Be("f.yml");
        error.ToString().Should().StartWith("f.yml:").And.NotContain("\n").And.NotContain("Exception");
    }

    [Test]
    public void Reports_alias_to_an_undefined_anchor()
    {
        Fails("a: *nowhere\n").ToString().Should().Be("f.yml:1:4: error: the alias '*nowhere' names no anchor defined before it");
    }

    [Test]
    public void Reports_alias_bomb()
    {
        // Nine levels of ten aliases each: a billion nodes from a few hundred bytes.
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i <= 9; i++)
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        Fails(string.Join("\n", lines) + "\n").Problem.Should().Contain("alias bomb");
    }

    [Test]
    public void Accepts_a_large_file_whose_entries_each_merge_a_meta()
    {
        // 30,000 images merging a 60-node meta expand to 1.8 million nodes, only a few times their size.
        var meta = "- &m\n  name: m\n  capabilities:\n" + string.Concat(Enumerable.Range(0, 30).Select(i => $"    c{i}: v{i}\n"));
        var images = string.Concat(Enumerable.Range(0, 30_000).Select(i => $"- <<: *m\n  name: i{i}\n"));
        Read(meta + images).Should().BeOfType<YamlSequence>().Which.Items.Should().HaveCount(30_001);
    }

    [Test]
    public void Reports_nesting_deeper_than_a_reader_should_follow()
    {
        Fails(new string('[', 10_000) + new string(']', 10_000) + "\n").Problem.Should().Contain("nests deeper");
    }

    [Test]
    public void An_empty_file_has_no_document()
    {
        Read("").Should().BeNull();
        Read("# only a comment\n").Should().BeNull();
    }

    [Test]
    public void Within_finds_a_part_of_a_quoted_value()
    {
        var source = new SourceText("f.yml", "uri: \"quay.io/x:latest-cpu-x\"\n");
        var scalar = (YamlScalar)((YamlMapping)YamlDocumentReader.Read(source).Root!).Get("uri")!;
        YamlSpans.Within(source, scalar, 16, 6).Should().Be(new SourceSpan("f.yml", 1, 23, 1, 29));
    }

    [Test]
    public void Within_finds_a_line_of_a_block_scalar()
    {
        const string text = "flavor: |\n  latest=auto\n  suffix=-x,onlatest=true\n";
        var source = new SourceText("f.yml", text);
        var scalar = (YamlScalar)((YamlMapping)YamlDocumentReader.Read(source).Root!).Get("flavor")!;
        var offset = scalar.Value.IndexOf("-x", StringComparison.Ordinal);
        YamlSpans.Within(source, scalar, offset, 2).Should().Be(Lint.SpanOf("f.yml", text, 3, "-x"));
    }

    [Test]
    public void Value_spans_cover_the_value_as_written_or_the_whole_token()
    {
        const string text = "a: &x \"quoted\"\nb: !!str 'single'\nc: \"esc\\tape\"\nd: plain\ne: |\n  block\n  text\n"
            + "f: 'it''s'\nuri: &u \"quay.io/x:latest-cpu-x\"\nmirror: !!str localai/x:master-cpu-x\r\nlast: *x\n";
        var source = new SourceText("f.yml", text);
        var root = (YamlMapping)YamlDocumentReader.Read(source).Root!;
        string Spanned(string key) => source.Slice(((YamlScalar)root.Get(key)!).ValueSpan);

        Spanned("a").Should().Be("quoted", "an anchored quoted value spans its text inside the quotes");
        Spanned("b").Should().Be("single");
        Spanned("c").Should().Be("\"esc\\tape\"", "a value with escapes spans its whole token");
        Spanned("d").Should().Be("plain");
        Spanned("e").Should().Be("|\n  block\n  text\n");
        Spanned("f").Should().Be("'it''s'");
        Spanned("uri").Should().Be("quay.io/x:latest-cpu-x");
        Spanned("mirror").Should().Be("!!str localai/x:master-cpu-x", "a tagged plain scalar's token starts at its tag");
        var uri = (YamlScalar)root.Get("uri")!;
        source.Slice(YamlSpans.Within(source, uri, uri.Value.IndexOf("cpu", StringComparison.Ordinal), 3)).Should().Be("cpu");
    }

    [Test]
    public void Keeps_every_comment_with_its_exact_span()
    {
        // The column-1 comment after a nested mapping is one YamlDotNet's parser rejects with comments on.
        const string text = "# head\n- &a # anchor\n  name: \"x # not\"  # trailing\n  plain: a#b\n"
            + "  block: | # header\n    line # content\n  # own line\n  flow: [1, # in flow\n    2]\n# tail\n";
        var document = YamlDocumentReader.Read(new SourceText("f.yml", text));
        document.Root.Should().BeOfType<YamlSequence>();
        var comments = document.Comments;
        comments.Select(c => c.Text).Should().Equal("# head", "# anchor", "# trailing", "# header", "# own line", "# in flow", "# tail");
        foreach (var comment in comments)
            document.Source.Slice(comment.Span).Should().Be(comment.Text);
        comments[2].Span.Should().Be(Lint.SpanOf("f.yml", text, 3, "# trailing"));
        comments[6].Span.Should().Be(new SourceSpan("f.yml", 10, 1, 10, 7));
    }

    [Test]
    public void Keeps_comments_of_a_file_without_content_and_after_crlf_lines()
    {
        var document = YamlDocumentReader.Read(new SourceText("f.yml", "# only\r\n  # indented\r\n"));
        document.Root.Should().BeNull();
        document.Comments.Select(c => (c.Text, c.Span)).Should().Equal(
            ("# only", new SourceSpan("f.yml", 1, 1, 1, 7)), ("# indented", new SourceSpan("f.yml", 2, 3, 2, 13)));
    }
}
