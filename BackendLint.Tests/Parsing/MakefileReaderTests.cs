using BackendLint.Model;
using BackendLint.Parsing.Make;
using BackendLint.Text;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Parsing;

public class MakefileReaderTests
{
    private static MakefileFacts Read(string text) => MakefileReader.Read(new SourceText("Makefile", text)).Facts;

    private static SourceSpan At(string text, int line, string token, int occurrence = 1) => Lint.SpanOf("Makefile", text, line, token, occurrence);

    [Test]
    public void Splits_a_definition_into_five_fields_with_spans()
    {
        const string text = "BACKEND_VLLM = vllm|python|.|false|true\n";
        var definition = Read(text).Definitions.Should().ContainSingle().Subject;
        definition.Variable.Should().Be(new Located<string>("BACKEND_VLLM", At(text, 1, "BACKEND_VLLM")));
        definition.Name.Should().Be(new Located<string>("vllm", At(text, 1, "vllm")));
        definition.DockerfileType.Should().Be(new Located<string>("python", At(text, 1, "python")));
        definition.Context.Should().Be(new Located<string>(".", At(text, 1, ".")));
        definition.Progress.Should().Be(new Located<string>("false", At(text, 1, "false")));
        definition.NeedsBackendArg.Should().Be(new Located<string>("true", At(text, 1, "true")));
    }

    [TestCase("=")]
    [TestCase(":=")]
    [TestCase("::=")]
    [TestCase("?=")]
    public void Reads_definitions_with_every_assignment_operator(string op)
    {
        Read($"BACKEND_X {op} x|golang|.|false|true\n").Definitions.Should().ContainSingle().Which.Operator.Should().Be(op);
    }

    [Test]
    public void Only_five_field_pipe_values_are_definitions()
    {
        var facts = Read("BACKEND_TEST_MODEL_URL?=https://huggingface.co/x.gguf\nBACKEND_TEST_TIMEOUT?=30m\nBACKEND_X += a|b|c|d|e\nNOT_A_BACKEND = a|b|c|d|e\n");
        facts.Definitions.Should().BeEmpty();
    }

    [Test]
    public void An_https_value_after_a_conditional_assignment_is_not_a_rule()
    {
        var facts = Read("BACKEND_TEST_MODEL_URL?=https://x/y\n");
        facts.BackendTargets.Should().BeEmpty();
        facts.NotParallel.Should().BeNull();
    }

    [Test]
    public void A_token_on_a_continuation_line_has_its_own_span()
    {
        const string text = ".NOTPARALLEL: backends/a \\\n\tbackends/b \\\n    backends/c\n";
        var list = Read(text).NotParallel!;
        list.Prerequisites.Select(p => p.Value).Should().Equal("backends/a", "backends/b", "backends/c");
        list.Prerequisites[1].Span.Should().Be(At(text, 2, "backends/b"));
        list.Prerequisites[2].Span.Should().Be(At(text, 3, "backends/c"));
        list.Target.Span.Should().Be(At(text, 1, ".NOTPARALLEL"));
    }

    [Test]
    public void A_comment_in_a_continued_list_comments_out_the_rest_of_the_logical_line()
    {
        const string text = ".NOTPARALLEL: backends/a \\\n  backends/b # backends/x \\\n  backends/c\nY = 1\n";
        Read(text).NotParallel!.Prerequisites.Select(p => p.Value).Should().Equal("backends/a", "backends/b");
    }

    [Test]
    public void A_backslash_followed_by_blanks_does_not_continue_the_line()
    {
        const string text = "docker-build-backends: docker-build-a \\  \ndocker-build-b: x\n";
        var facts = Read(text);
        facts.DockerBuildBackends!.Prerequisites.Select(p => p.Value).Should().Equal("docker-build-a", "\\");
    }

    [Test]
    public void An_even_number_of_backslashes_does_not_continue_the_line()
    {
        Read("docker-build-backends: a \\\\\nBACKEND_X = x|golang|.|false|true\n").Definitions.Should().ContainSingle();
    }

    [Test]
    public void A_definition_value_continued_on_the_next_line_keeps_field_spans()
    {
        const string text = "BACKEND_X = x|python|\\\n    ./backend|false|true\n";
        var definition = Read(text).Definitions.Should().ContainSingle().Subject;
        definition.Context.Should().Be(new Located<string>("./backend", At(text, 2, "./backend")));
    }

    [Test]
    public void Crlf_line_endings_and_continuations_are_read_like_lf()
    {
        const string text = ".NOTPARALLEL: backends/a \\\r\n\tbackends/b\r\nBACKEND_X = x|golang|.|false|true\r\n";
        var facts = Read(text);
        facts.NotParallel!.Prerequisites.Select(p => p.Value).Should().Equal("backends/a", "backends/b");
        facts.Definitions.Single().NeedsBackendArg.Value.Should().Be("true");
        facts.Definitions.Single().NeedsBackendArg.Span.Should().Be(At(text, 3, "true"));
    }

    [Test]
    public void Define_bodies_are_skipped()
    {
        const string text = "define generate-docker-build-target\nBACKEND_INSIDE = a|b|c|d|e\n.NOTPARALLEL: backends/inside\nendef\nBACKEND_X = x|golang|.|false|true\n";
        var facts = Read(text);
        facts.Definitions.Select(d => d.Name.Value).Should().Equal("x");
        facts.NotParallel.Should().BeNull();
    }

    // An eval works only after the macro it calls: the fix of a missing eval line needs its end.
    [Test]
    public void Reads_the_last_block_defining_the_generate_target_macro_whole()
    {
        const string text =
            "define other\nx\nendef\n" +
            "override define generate-docker-build-target =\n\tdefine nested\n  define nested\n  endef\ndocker-build-$(1):\nendef\n" +
            "ifeq ($(OS),Darwin)\ndefine generate-docker-build-target\nendef # darwin\nendif\n";
        Read(text).GenerateTarget.Should().Be(new SourceSpan("Makefile", 11, 1, 12, 15));
        Read("define other\nendef\n").GenerateTarget.Should().BeNull();
    }

    [Test]
    public void Reads_prepare_and_test_recipes_through_blank_lines_and_comments()
    {
        const string text =
            "prepare-test-extra: protogen-python\n" +
            "\t$(MAKE) -C backend/python/vllm\n" +
            "\n" +
            "# a comment between recipe lines\n" +
            "\t@$(MAKE) -C backend/rust/kokoros kokoros-grpc\n" +
            "\n" +
            "test-extra: prepare-test-extra\n" +
            "\t$(MAKE) -C backend/python/vllm test # the unit tests\n" +
            "\t${MAKE} -C ./backend/go/whisper/ test\n" +
            "\techo not a make call\n" +
            "X = 1\n" +
            "\t$(MAKE) -C backend/python/after-the-recipe test\n";
        var facts = Read(text);
        facts.PrepareTestExtra!.Steps.Select(s => $"{s.Lang}/{s.Name}:{s.Target?.Value}").Should().Equal("python/vllm:", "rust/kokoros:kokoros-grpc");
        facts.TestExtra!.Steps.Select(s => $"{s.Lang}/{s.Name}:{s.Target?.Value}").Should().Equal("python/vllm:test", "go/whisper:test");
        facts.PrepareTestExtra.Steps[1].Directory.Span.Should().Be(At(text, 5, "backend/rust/kokoros"));
    }

    // What a fix inserts before or after: every physical line of the logical line, a recipe's tab and
    // a continuation onto an empty line included.
    [Test]
    public void Definitions_evals_steps_and_step_rules_carry_their_whole_logical_line()
    {
        const string text =
            "BACKEND_A = \\\r\n\ta|golang|.|false|true # the a backend\r\n" +
            "  $(eval $(call generate-docker-build-target,$(BACKEND_A)))  \r\n" +
            "test-extra: \\\r\n  prepare-test-extra\r\n" +
            "\t$(MAKE) -C backend/python/a test \\\r\n\r\n" +
            "\t$(MAKE) \\\r\n\t\t-C backend/python/b test\r\n";
        var facts = Read(text);
        facts.Definitions.Single().Line.Should().Be(new SourceSpan("Makefile", 1, 1, 2, 39));
        facts.Evals.Single().Line.Should().Be(new SourceSpan("Makefile", 3, 1, 3, 62));
        facts.TestExtra!.RuleLine.Should().Be(new SourceSpan("Makefile", 4, 1, 5, 21));
        facts.TestExtra.Steps.Select(s => s.Line).Should().Equal(new SourceSpan("Makefile", 6, 1, 7, 1), new SourceSpan("Makefile", 8, 1, 9, 27));
    }

    [Test]
    public void Reads_eval_lines_and_the_variable_they_name()
    {
        const string text = "$(eval $(call generate-docker-build-target,$(BACKEND_VLLM)))\n$(eval $(call other-macro,$(BACKEND_X)))\n$(info hello)\n";
        var eval = Read(text).Evals.Should().ContainSingle().Subject;
        eval.Variable.Should().Be(new Located<string>("BACKEND_VLLM", At(text, 1, "BACKEND_VLLM")));
    }

    [Test]
    public void Reads_backend_targets_and_the_pattern_rule()
    {
        const string text = "backends/%: docker-build-% docker-save-% build\n\t./local-ai backends install x\nbackends/llama-cpp-darwin: build\n\tbash x.sh\nbackends/mlx:\n\tBACKEND=mlx $(MAKE) y\n";
        var facts = Read(text);
        facts.BackendPatternRule!.Value.Span.Should().Be(At(text, 1, "backends/%"));
        facts.BackendTargets.Select(t => t.Value).Should().Equal("backends/llama-cpp-darwin", "backends/mlx");
    }

    [Test]
    public void A_target_specific_variable_is_not_a_list_of_prerequisites()
    {
        Read("docker-build-backends: BUILD_TYPE = cublas\n").DockerBuildBackends.Should().BeNull();
    }

    [Test]
    public void Export_and_override_prefixes_do_not_hide_a_definition()
    {
        Read("export BACKEND_X ?= x|golang|.|false|true\noverride BACKEND_Y = y|golang|.|false|true\n")
            .Definitions.Select(d => d.Variable.Value).Should().Equal("BACKEND_X", "BACKEND_Y");
    }

    [Test]
    public void Tabs_separate_words_like_spaces()
    {
        const string text = ".NOTPARALLEL:\tbackends/a\tbackends/b\n";
        var list = Read(text).NotParallel!;
        list.Prerequisites.Select(p => p.Value).Should().Equal("backends/a", "backends/b");
        list.Prerequisites[1].Span.Should().Be(At(text, 1, "backends/b"));
    }

    [Test]
    public void Lists_of_several_rules_for_one_target_are_merged()
    {
        Read(".NOTPARALLEL: backends/a\n.NOTPARALLEL: backends/b\n").NotParallel!.Prerequisites.Select(p => p.Value).Should().Equal("backends/a", "backends/b");
    }
}

public class MakefileCommentTests
{
    private static List<Comment> Comments(string text) => MakefileReader.Read(new SourceText("Makefile", text)).Comments;

    [Test]
    public void Keeps_make_comments_and_recipe_shell_comments_with_exact_spans()
    {
        const string text = "# head\r\nX = 1 # trailing\nY = \\#not-one\n.NOTPARALLEL: a \\\n\tb # ends the list \\\n\tstill-comment\n"
            + "t:\n\t# shell comment\n\techo hi # shell trailing\ndefine body\n# inside define\nendef\n";
        var comments = Comments(text);
        comments.Select(c => c.Text).Should().Equal(
            "# head", "# trailing", "# ends the list \\\n\tstill-comment", "# shell comment", "# shell trailing");
        comments[0].Span.Should().Be(new SourceSpan("Makefile", 1, 1, 1, 7), "CRLF is not part of the comment");
        comments[1].Span.Should().Be(Lint.SpanOf("Makefile", text, 2, "# trailing"));
        comments[2].Span.Should().Be(new SourceSpan("Makefile", 5, 4, 6, 15), "a continued comment goes on over the next line, as in make");
        comments[3].Span.Should().Be(Lint.SpanOf("Makefile", text, 8, "# shell comment"));
        comments[4].Span.Should().Be(Lint.SpanOf("Makefile", text, 9, "# shell trailing"));
        var source = new SourceText("Makefile", text);
        foreach (var comment in comments)
            source.Slice(comment.Span).Should().Be(comment.Text);
    }

    [Test]
    public void A_comment_line_inside_a_recipe_keeps_the_recipe_going()
    {
        var (facts, comments) = MakefileReader.Read(new SourceText("Makefile", "test-extra:\n# note\n\t$(MAKE) -C backend/python/a test\n"));
        comments.Should().ContainSingle().Which.Text.Should().Be("# note");
        facts.TestExtra!.Steps.Should().ContainSingle();
    }
}
