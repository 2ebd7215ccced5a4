using BackendLint.Checks;
using BackendLint.Text;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Checks;

public class BackendMustBeNotParallelTests
{
    [Test]
    public void Reports_a_definition_missing_from_the_list_at_its_name()
    {
        const string makefile = ".NOTPARALLEL: backends/a \\\n  backends/b\nbackends/%: docker-build-% docker-save-%\nBACKEND_A = a|golang|.|false|true\nBACKEND_C = c|golang|.|false|true\n";
        var finding = Lint.Snippets(makefile: makefile, only: CheckIds.BackendMustBeNotParallel).Should().ContainSingle().Subject;
        finding.Span.Should().Be(new SourceSpan("Makefile", 5, 13, 5, 14));
        finding.PlainMessage.Should().Be("Target 'backends/c' is missing from the '.NOTPARALLEL' list.");
        finding.Related.Single().Span.Should().Be(Lint.SpanOf("Makefile", makefile, 2, "backends/b"));
    }

    [Test]
    public void Reports_an_explicit_target_missing_from_the_list()
    {
        const string makefile = ".NOTPARALLEL: backends/a\nbackends/mlx:\n\tBACKEND=mlx $(MAKE) build\n";
        Lint.Snippets(makefile: makefile, only: CheckIds.BackendMustBeNotParallel).Should().ContainSingle()
            .Which.Span.Should().Be(Lint.SpanOf("Makefile", makefile, 2, "backends/mlx"));
    }

    [Test]
    public void Reports_a_makefile_without_notparallel_once_at_the_pattern_rule()
    {
        const string makefile = "backends/%: docker-build-% docker-save-%\nBACKEND_A = a|golang|.|false|true\nBACKEND_B = b|golang|.|false|true\nBACKEND_C = c|golang|.|false|true\nBACKEND_D = d|golang|.|false|true\n";
        var finding = Lint.Snippets(makefile: makefile, only: CheckIds.BackendMustBeNotParallel).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("Makefile", makefile, 1, "backends/%"));
        finding.PlainMessage.Should().Be("The Makefile has no '.NOTPARALLEL:' line, so its 4 'backends/<name>' targets are not serialized: add '.NOTPARALLEL: backends/a backends/b backends/c …' listing all of them above this rule.");
        finding.Identity.Should().Be("notparallel=absent");
        finding.Backend.Should().BeNull();
    }

    [Test]
    public void Reports_a_makefile_without_notparallel_at_its_one_explicit_target()
    {
        const string makefile = "BACKEND_C = c|golang|.|false|true\nbackends/mlx:\n\tBACKEND=mlx $(MAKE) build\n";
        var finding = Lint.Snippets(makefile: makefile, only: CheckIds.BackendMustBeNotParallel).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("Makefile", makefile, 2, "backends/mlx"));
        finding.PlainMessage.Should().Be("The Makefile has no '.NOTPARALLEL:' line, so target 'backends/mlx' is not serialized: add '.NOTPARALLEL: backends/mlx' listing it above this rule.");
    }

    [Test]
    public void Accepts_a_makefile_without_notparallel_or_backend_targets()
    {
        Lint.Snippets(makefile: "BACKEND_C = c|golang|.|false|true\n", only: CheckIds.BackendMustBeNotParallel).Should().BeEmpty();
    }

    [Test]
    public void Accepts_definitions_without_the_pattern_rule()
    {
        Lint.Snippets(makefile: ".NOTPARALLEL: backends/a\nBACKEND_C = c|golang|.|false|true\n", only: CheckIds.BackendMustBeNotParallel).Should().BeEmpty();
    }

    [Test]
    public void Accepts_a_bare_notparallel()
    {
        Lint.Snippets(makefile: ".NOTPARALLEL:\nbackends/%: x\nBACKEND_C = c|golang|.|false|true\n", only: CheckIds.BackendMustBeNotParallel).Should().BeEmpty();
    }
}

public class BackendMustBeInDockerBuildBackendsTests
{
    [Test]
    public void Reports_a_definition_missing_from_the_list()
    {
        const string makefile = "BACKEND_A = a|golang|.|false|true\nBACKEND_B = b|golang|.|false|true\ndocker-build-backends: docker-build-a\n";
        var finding = Lint.Snippets(makefile: makefile, only: CheckIds.BackendMustBeInDockerBuildBackends).Should().ContainSingle().Subject;
        finding.Level.Should().Be(BackendLint.Findings.Severity.Warning);
        finding.Span.Should().Be(Lint.SpanOf("Makefile", makefile, 2, "b", 1));
    }

    [Test]
    public void Reports_a_definition_the_matrix_builds_even_when_no_gallery_entry_names_it()
    {
        const string makefile = "BACKEND_A = a|golang|.|false|true\nBACKEND_B = b|golang|.|false|true\ndocker-build-backends: docker-build-a\n";
        const string matrix = "include:\n  - backend: b\n    tag-suffix: '-cpu-b'\n";
        var finding = Lint.Snippets(matrix: matrix, index: "- name: a\n", makefile: makefile, only: CheckIds.BackendMustBeInDockerBuildBackends).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("Makefile", makefile, 2, "b", 1));
        finding.PlainMessage.Should().Be("Backend 'b' is defined, but 'docker-build-b' is missing from the 'docker-build-backends' list.");
    }

    [Test]
    public void Accepts_a_leftover_definition_that_bl2005_says_to_delete()
    {
        // LocalAI's BACKEND_HUGGINGFACE outlived the backend: adding it to the list would be wrong.
        const string makefile = "BACKEND_A = a|golang|.|false|true\nBACKEND_HUGGINGFACE = huggingface|golang|.|false|true\ndocker-build-backends: docker-build-a\n";
        const string matrix = "include:\n  - backend: a\n    tag-suffix: '-cpu-a'\n";
        Lint.Snippets(matrix: matrix, index: "- name: a\n", makefile: makefile, tree: ["backend/go/a/main.go"], only: CheckIds.BackendMustBeInDockerBuildBackends).Should().BeEmpty();
    }

    [Test]
    public void Reports_a_definition_without_a_build_whose_source_is_there()
    {
        // cloud-proxy had its source and definition weeks before its builds: not left over, so BL3002 still asks for it.
        const string makefile = "BACKEND_A = a|golang|.|false|true\nBACKEND_HUGGINGFACE = huggingface|golang|.|false|true\ndocker-build-backends: docker-build-a\n";
        const string matrix = "include:\n  - backend: a\n    tag-suffix: '-cpu-a'\n";
        Lint.Snippets(matrix: matrix, index: "- name: a\n", makefile: makefile, tree: ["backend/go/a/main.go", "backend/go/huggingface/main.go"], only: CheckIds.BackendMustBeInDockerBuildBackends)
            .Should().ContainSingle().Which.Span.Should().Be(Lint.SpanOf("Makefile", makefile, 2, "huggingface"));
        Lint.Snippets(matrix: matrix, index: "- name: a\n", makefile: makefile, only: CheckIds.BackendMustBeInDockerBuildBackends)
            .Should().ContainSingle("without the source tree nothing says the backend is gone");
    }

    [Test]
    public void Accepts_a_makefile_without_the_convenience_target()
    {
        Lint.Snippets(makefile: "BACKEND_A = a|golang|.|false|true\n", only: CheckIds.BackendMustBeInDockerBuildBackends).Should().BeEmpty();
    }
}

public class DefinitionAndEvalMustPairTests
{
    [Test]
    public void Reports_a_definition_without_its_eval_line()
    {
        const string makefile = "BACKEND_A = a|golang|.|false|true\nBACKEND_B = b|golang|.|false|true\n$(eval $(call generate-docker-build-target,$(BACKEND_A)))\n";
        var finding = Lint.Snippets(makefile: makefile, only: CheckIds.DefinitionAndEvalMustPair).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("Makefile", makefile, 2, "BACKEND_B"));
        finding.Related.Single().Span.StartLine.Should().Be(3);
        finding.Identity.Should().Be("variable=BACKEND_B");
    }

    [Test]
    public void Reports_a_definition_in_a_makefile_without_any_eval_line_without_a_place_to_add_it()
    {
        const string makefile = "BACKEND_A = a|golang|.|false|true\n";
        var finding = Lint.Snippets(makefile: makefile, only: CheckIds.DefinitionAndEvalMustPair).Should().ContainSingle().Subject;
        finding.PlainMessage.Should().Be("Definition 'BACKEND_A' has no '$(eval $(call generate-docker-build-target,$(BACKEND_A)))' line, so 'docker-build-a' does not exist: add that line after the definition and the 'generate-docker-build-target' macro.");
        finding.Related.Should().BeEmpty();
        finding.Identity.Should().Be("variable=BACKEND_A");
        finding.Backend.Should().Be("a");
    }

    [Test]
    public void Reports_an_eval_naming_no_definition()
    {
        const string makefile = "BACKEND_TEST_MODEL_URL ?= https://x\n$(eval $(call generate-docker-build-target,$(BACKEND_TEST_MODEL_URL)))\n";
        var finding = Lint.Snippets(makefile: makefile, only: CheckIds.DefinitionAndEvalMustPair).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("Makefile", makefile, 2, "BACKEND_TEST_MODEL_URL"));
        finding.Identity.Should().Be("eval=BACKEND_TEST_MODEL_URL");
        finding.Backend.Should().BeNull();
    }

    [Test]
    public void Accepts_evals_with_braces_and_blanks()
    {
        Lint.Snippets(makefile: "BACKEND_A = a|golang|.|false|true\n  $(eval $(call generate-docker-build-target,${BACKEND_A}))  \n", only: CheckIds.DefinitionAndEvalMustPair).Should().BeEmpty();
    }
}

public class PreparedBackendMustBeTestedTests
{
    [Test]
    public void Reports_a_prepared_backend_that_is_never_tested()
    {
        const string makefile = "prepare-test-extra:\n\t$(MAKE) -C backend/python/a\n\t$(MAKE) -C backend/python/sglang\ntest-extra: prepare-test-extra\n\t$(MAKE) -C backend/python/a test\n";
        var finding = Lint.Snippets(makefile: makefile, only: CheckIds.PreparedBackendMustBeTested).Should().ContainSingle().Subject;
        finding.Span.Should().Be(Lint.SpanOf("Makefile", makefile, 3, "backend/python/sglang"));
        finding.Related.Single().Span.Should().Be(Lint.SpanOf("Makefile", makefile, 4, "test-extra"));
    }

    [Test]
    public void Reports_a_tested_python_backend_that_is_not_prepared()
    {
        const string makefile = "prepare-test-extra:\n\t$(MAKE) -C backend/python/a\ntest-extra: prepare-test-extra\n\t$(MAKE) -C backend/python/a test\n\t$(MAKE) -C backend/python/b test\n";
        Lint.Snippets(makefile: makefile, only: CheckIds.PreparedBackendMustBeTested).Should().ContainSingle()
            .Which.PlainMessage.Should().Be("Python backend 'backend/python/b' is tested by 'test-extra' but not prepared by prepare-test-extra.");
    }

    [Test]
    public void Accepts_a_tested_go_backend_that_is_not_prepared()
    {
        const string makefile = "prepare-test-extra:\n\t$(MAKE) -C backend/python/a\ntest-extra: prepare-test-extra\n\t$(MAKE) -C backend/python/a test\n\t$(MAKE) -C backend/go/vllm-cpp test\n";
        Lint.Snippets(makefile: makefile, only: CheckIds.PreparedBackendMustBeTested).Should().BeEmpty();
    }
}
