using BackendLint.Checks;
using BackendLint.Fixing;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Fixing;

/// <summary>The Makefile rules' fixes on inline Makefiles: where each one inserts, and what it leaves alone.</summary>
public class MakefileFixTests
{
    private const string PatternRule = "backends/%: docker-build-% docker-save-%\n";

    // The Makefile after the fixes of one rule, applied round after round as 'fix' applies them.
    private static string Fixed(string makefile, string rule)
    {
        for (var round = 0; round < 8; round++)
        {
            var model = Lint.Model(makefile: makefile);
            var fixes = LintEngine.Run(model, CheckCatalog.All.Where(c => c.Rule.Id == rule)).Findings.Where(f => f.Fix is not null).Select(f => f.Fix!).ToList();
            var applied = FixApplier.Apply(fixes, path => model.Source(path)?.Text);
            if (!applied.Texts.TryGetValue(Lint.MakefileFile, out var text))
                return makefile;
            makefile = text;
        }

        throw new InvalidOperationException("the fixes did not settle in 8 rounds");
    }

    private static string Definitions(params string[] names) => string.Concat(names.Select(n => $"BACKEND_{n.ToUpperInvariant()} = {n}|golang|.|false|true\n"));

    [Test]
    public void Notparallel_fix_adds_a_target_after_its_nearest_neighbour_in_definition_order()
    {
        var makefile = ".NOTPARALLEL: backends/c backends/a backends/d\n" + PatternRule + Definitions("c", "a", "b", "d");
        Fixed(makefile, CheckIds.BackendMustBeNotParallel).Should().StartWith(".NOTPARALLEL: backends/c backends/a backends/b backends/d\n");
    }

    [Test]
    public void Notparallel_fix_adds_the_first_definition_before_the_nearest_following_one()
    {
        var makefile = ".NOTPARALLEL: backends/c backends/a\n" + PatternRule + Definitions("b", "c", "a");
        Fixed(makefile, CheckIds.BackendMustBeNotParallel).Should().StartWith(".NOTPARALLEL: backends/b backends/c backends/a\n");
    }

    [Test]
    public void Notparallel_fix_adds_an_explicit_target_at_the_end()
    {
        var makefile = ".NOTPARALLEL: backends/c backends/a \\\n\tbackends/b\n" + PatternRule + "backends/b-darwin: build\n\tbash x.sh\n" + Definitions("c", "a", "b");
        Fixed(makefile, CheckIds.BackendMustBeNotParallel).Should().StartWith(".NOTPARALLEL: backends/c backends/a \\\n\tbackends/b \\\n\tbackends/b-darwin\n");
    }

    [Test]
    public void Notparallel_fix_keeps_a_sorted_list_sorted()
    {
        var makefile = ".NOTPARALLEL: backends/c backends/d backends/e\n" + PatternRule + Definitions("e", "b", "c", "d");
        Fixed(makefile, CheckIds.BackendMustBeNotParallel).Should().StartWith(".NOTPARALLEL: backends/b backends/c backends/d backends/e\n");
    }

    [Test]
    public void Notparallel_fix_sorts_two_targets_that_go_between_the_same_neighbours()
    {
        // Their findings come in definition order (z before y); the list is sorted, so y goes first.
        var makefile = ".NOTPARALLEL: backends/a backends/b backends/c\n" + PatternRule + Definitions("a", "b", "c", "z", "y");
        Fixed(makefile, CheckIds.BackendMustBeNotParallel).Should().StartWith(".NOTPARALLEL: backends/a backends/b backends/c backends/y backends/z\n");
    }

    [Test]
    public void Notparallel_fix_does_not_take_two_items_in_order_for_a_sorted_list()
    {
        var makefile = ".NOTPARALLEL: backends/a backends/c\n" + PatternRule + Definitions("a", "c", "b");
        Fixed(makefile, CheckIds.BackendMustBeNotParallel).Should().StartWith(".NOTPARALLEL: backends/a backends/c backends/b\n");
    }

    [TestCase("b", ".NOTPARALLEL: \\\n\tbackends/a \\\n\tbackends/b \\\n\tbackends/c\n")]
    [TestCase("a", ".NOTPARALLEL: \\\n\tbackends/a \\\n\tbackends/b \\\n\tbackends/c\n")]
    [TestCase("c", ".NOTPARALLEL: \\\n\tbackends/a \\\n\tbackends/b \\\n\tbackends/c\n")]
    public void Notparallel_fix_gives_an_item_its_own_line_in_a_list_of_one_item_per_line(string missing, string expected)
    {
        var items = new[] { "a", "b", "c" }.Where(i => i != missing).Select(i => $"\tbackends/{i}");
        var makefile = ".NOTPARALLEL: \\\n" + string.Join(" \\\n", items) + "\n" + PatternRule + Definitions("a", "b", "c");
        Fixed(makefile, CheckIds.BackendMustBeNotParallel).Should().StartWith(expected);
    }

    [Test]
    public void Notparallel_fix_keeps_crlf_line_ends()
    {
        var makefile = (".NOTPARALLEL: \\\n\tbackends/a \\\n\tbackends/b\n" + PatternRule + Definitions("a", "b", "c")).Replace("\n", "\r\n", StringComparison.Ordinal);
        Fixed(makefile, CheckIds.BackendMustBeNotParallel).Should().StartWith(".NOTPARALLEL: \\\r\n\tbackends/a \\\r\n\tbackends/b \\\r\n\tbackends/c\r\n");
    }

    [Test]
    public void Notparallel_fix_adds_a_sorted_list_above_the_pattern_rule_and_its_comments()
    {
        // The comments above the rule belong to it, an inline suppression among them; the line above them
        // ends with an escaped backslash, which continues nothing.
        const string makefile = "ROOT = C:\\\\\n# Pattern rule for standard backends\n# backendlint: ignore[BL2005] not built yet\nbackends/%: docker-build-% docker-save-%\n\t./local-ai install\nBACKEND_B = b|golang|.|false|true\nBACKEND_A = a|golang|.|false|true\n";
        var finding = Lint.Snippets(makefile: makefile, only: CheckIds.BackendMustBeNotParallel).Should().ContainSingle().Subject;
        finding.PlainMessage.Should().Be("The Makefile has no '.NOTPARALLEL:' line, so its 2 'backends/<name>' targets are not serialized: add '.NOTPARALLEL: backends/a backends/b' listing all of them above this rule.");
        Fixed(makefile, CheckIds.BackendMustBeNotParallel).Should().Be(
            "ROOT = C:\\\\\n.NOTPARALLEL: backends/a backends/b\n# Pattern rule for standard backends\n# backendlint: ignore[BL2005] not built yet\nbackends/%: docker-build-% docker-save-%\n\t./local-ai install\nBACKEND_B = b|golang|.|false|true\nBACKEND_A = a|golang|.|false|true\n");
    }

    [Test]
    public void Notparallel_fix_adds_the_list_above_the_first_explicit_target_and_its_continued_line()
    {
        const string makefile = "GOCMD=go\nbuild-mlx \\\n  backends/mlx: build\n\tbash x.sh\n";
        Fixed(makefile, CheckIds.BackendMustBeNotParallel).Should().Be("GOCMD=go\n.NOTPARALLEL: backends/mlx\nbuild-mlx \\\n  backends/mlx: build\n\tbash x.sh\n");
    }

    [Test]
    public void Docker_build_fix_fills_an_empty_list_in_definition_order()
    {
        var makefile = Definitions("b", "a") + "docker-build-backends:\n";
        Fixed(makefile, CheckIds.BackendMustBeInDockerBuildBackends).Should().EndWith("docker-build-backends: docker-build-b docker-build-a\n");
    }

    [Test]
    public void Docker_build_fix_fills_an_empty_double_colon_list_after_its_operator()
    {
        var makefile = Definitions("a") + "docker-build-backends::\n";
        Fixed(makefile, CheckIds.BackendMustBeInDockerBuildBackends).Should().EndWith("docker-build-backends:: docker-build-a\n");
    }

    [Test]
    public void Docker_build_fix_continues_the_last_line_of_a_file_without_a_final_newline()
    {
        var makefile = Definitions("a", "b", "c") + "docker-build-backends: docker-build-a \\\r\n\tdocker-build-b";
        Fixed(makefile.Replace("true\n", "true\r\n", StringComparison.Ordinal), CheckIds.BackendMustBeInDockerBuildBackends)
            .Should().EndWith("docker-build-backends: docker-build-a \\\r\n\tdocker-build-b \\\r\n\tdocker-build-c");
    }

    [Test]
    public void Docker_build_fix_adds_an_item_inline_where_items_share_continued_lines()
    {
        var makefile = Definitions("d", "a", "b", "c") + "docker-build-backends: docker-build-d docker-build-a \\\n\tdocker-build-c\n";
        Fixed(makefile, CheckIds.BackendMustBeInDockerBuildBackends).Should().EndWith("docker-build-backends: docker-build-d docker-build-a docker-build-b \\\n\tdocker-build-c\n");
    }

    private const string Evals = "$(eval $(call generate-docker-build-target,$(BACKEND_{0})))\n";

    private static string Eval(string name) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Evals, name);

    [Test]
    public void Eval_fix_adds_the_line_after_the_eval_of_the_nearest_definition_before()
    {
        var makefile = Definitions("a", "b", "c") + "\n" + Eval("A") + Eval("C");
        Fixed(makefile, CheckIds.DefinitionAndEvalMustPair).Should().EndWith(Eval("A") + Eval("B") + Eval("C"));
    }

    [Test]
    public void Eval_fix_adds_the_line_before_the_eval_of_the_nearest_definition_after_when_none_before_has_one()
    {
        var makefile = Definitions("a", "b", "c") + "\n# Generate all docker-build targets\n" + Eval("B") + Eval("C");
        Fixed(makefile, CheckIds.DefinitionAndEvalMustPair).Should().EndWith("# Generate all docker-build targets\n" + Eval("A") + Eval("B") + Eval("C"));
    }

    [Test]
    public void Eval_fix_points_the_related_location_where_it_inserts()
    {
        var makefile = Definitions("a", "b") + Eval("B") + "FOO = 1\n";
        var finding = Lint.Snippets(makefile: makefile, only: CheckIds.DefinitionAndEvalMustPair).Should().ContainSingle().Subject;
        finding.Related.Single().Span.StartLine.Should().Be(3);
        finding.Related.Single().Message.Should().Be("Add '$(eval $(call generate-docker-build-target,$(BACKEND_A)))' before this line.");
    }

    [Test]
    public void Eval_fix_adds_the_line_after_the_last_eval_when_no_definition_has_one()
    {
        var makefile = Definitions("a") + Eval("TEST_MODEL_URL") + "FOO = 1\n";
        var findings = Lint.Snippets(makefile: makefile, only: CheckIds.DefinitionAndEvalMustPair);
        findings.Should().HaveCount(2);
        findings.Single(f => f.Identity == "eval=BACKEND_TEST_MODEL_URL").Fix.Should().BeNull("defining the variable or removing the eval is the author's decision");
        Fixed(makefile, CheckIds.DefinitionAndEvalMustPair).Should().EndWith(Eval("TEST_MODEL_URL") + Eval("A") + "FOO = 1\n");
    }

    private const string Macro = "define generate-docker-build-target\ndocker-build-$(word 1,$(subst |, ,$(1))):\n\tdocker build .\nendef\n";

    [Test]
    public void Eval_fix_adds_the_line_after_a_continued_definition_when_there_is_no_eval()
    {
        const string makefile = Macro + "BACKEND_A = \\\n\ta|golang|.|false|true\nFOO = 1\n";
        Fixed(makefile, CheckIds.DefinitionAndEvalMustPair).Should().Be(Macro + "BACKEND_A = \\\n\ta|golang|.|false|true\n" + Eval("A") + "FOO = 1\n");
    }

    [Test]
    public void Eval_fix_adds_the_line_after_the_macro_when_there_is_no_eval()
    {
        // make expands the eval as it reads it: before the macro's 'endef' it would call nothing.
        var makefile = Definitions("a", "b") + Macro + "FOO = 1\n";
        Fixed(makefile, CheckIds.DefinitionAndEvalMustPair).Should().Be(Definitions("a", "b") + Macro + Eval("A") + Eval("B") + "FOO = 1\n");
    }

    [Test]
    public void Eval_fix_offers_nothing_without_an_eval_or_the_macro()
    {
        var finding = Lint.Snippets(makefile: Definitions("a"), only: CheckIds.DefinitionAndEvalMustPair).Should().ContainSingle().Subject;
        finding.Fix.Should().BeNull("an eval calling an undefined macro creates no target");
    }

    [Test]
    public void Eval_fix_adds_the_line_after_a_definition_that_follows_the_evals()
    {
        // Next to A's eval, $(BACKEND_C) would still be empty: the line goes after C's definition.
        var makefile = Definitions("a") + Macro + Eval("A") + "FOO = 1\n" + Definitions("c") + "BAR = 2\n";
        var finding = Lint.Snippets(makefile: makefile, only: CheckIds.DefinitionAndEvalMustPair).Should().ContainSingle().Subject;
        finding.Related.Single().Span.StartLine.Should().Be(8);
        Fixed(makefile, CheckIds.DefinitionAndEvalMustPair).Should().EndWith("FOO = 1\n" + Definitions("c") + Eval("C") + "BAR = 2\n");
    }

    [Test]
    public void Eval_fix_adds_the_line_after_the_macro_when_the_neighbouring_eval_comes_before_it()
    {
        var makefile = Definitions("a", "b") + Eval("A") + Macro + Eval("C");
        Fixed(makefile, CheckIds.DefinitionAndEvalMustPair).Should().EndWith(Macro + Eval("B") + Eval("C"));
    }

    [Test]
    public void Eval_fix_adds_one_line_for_a_variable_defined_twice()
    {
        // The first definition places it: before B's eval, though the second alone would go after it.
        var makefile = Definitions("a", "b") + "ifeq ($(OS),Darwin)\n" + Definitions("a") + "endif\n" + Eval("B");
        Lint.Snippets(makefile: makefile, only: CheckIds.DefinitionAndEvalMustPair).Should().HaveCount(2);
        Fixed(makefile, CheckIds.DefinitionAndEvalMustPair).Should().EndWith("endif\n" + Eval("A") + Eval("B"));
    }

    [Test]
    public void Eval_fix_copies_the_indentation_and_the_line_ends_of_the_eval_next_to_it()
    {
        var makefile = (Definitions("a", "b") + "  " + Eval("A")).Replace("\n", "\r\n", StringComparison.Ordinal);
        Fixed(makefile, CheckIds.DefinitionAndEvalMustPair).Should().EndWith("  " + Eval("A").Replace("\n", "\r\n", StringComparison.Ordinal) + "  " + Eval("B").Replace("\n", "\r\n", StringComparison.Ordinal));
    }

    private const string Prepare = "prepare-test-extra: protogen-python\n";
    private const string Test = "test-extra: prepare-test-extra\n";

    [Test]
    public void Test_extra_fix_adds_the_step_after_the_nearest_prepared_backend_before_it()
    {
        const string makefile = Prepare + "\t$(MAKE) -C backend/python/a\n\t$(MAKE) -C backend/python/b\n\t$(MAKE) -C backend/python/c\n" + Test + "\t$(MAKE) -C backend/python/a test\n\t$(MAKE) -C backend/python/c test\n";
        Fixed(makefile, CheckIds.PreparedBackendMustBeTested).Should().EndWith(Test + "\t$(MAKE) -C backend/python/a test\n\t$(MAKE) -C backend/python/b test\n\t$(MAKE) -C backend/python/c test\n");
    }

    [Test]
    public void Test_extra_fix_adds_the_first_prepared_backend_before_the_next_one()
    {
        const string makefile = Prepare + "\t$(MAKE) -C backend/python/a\n\t$(MAKE) -C backend/python/b\n" + Test + "\t$(MAKE) -C backend/python/b test\n";
        Fixed(makefile, CheckIds.PreparedBackendMustBeTested).Should().EndWith(Test + "\t$(MAKE) -C backend/python/a test\n\t$(MAKE) -C backend/python/b test\n");
    }

    [Test]
    public void Test_extra_fix_inserts_after_the_whole_continued_recipe_line()
    {
        const string makefile = Prepare + "\t$(MAKE) -C backend/python/a\n\t$(MAKE) -C backend/python/b\n" + Test + "\t$(MAKE) -C backend/python/a \\\n\t\ttest\n\t@echo done\n";
        Fixed(makefile, CheckIds.PreparedBackendMustBeTested).Should().EndWith(Test + "\t$(MAKE) -C backend/python/a \\\n\t\ttest\n\t$(MAKE) -C backend/python/b test\n\t@echo done\n");
    }

    [Test]
    public void Test_extra_fix_inserts_after_a_recipe_line_continued_onto_an_empty_line()
    {
        const string makefile = Prepare + "\t$(MAKE) -C backend/python/a\n\t$(MAKE) -C backend/python/b\n" + Test + "\t$(MAKE) -C backend/python/a test \\\n\n\t@echo done\n";
        Fixed(makefile, CheckIds.PreparedBackendMustBeTested).Should().EndWith(Test + "\t$(MAKE) -C backend/python/a test \\\n\n\t$(MAKE) -C backend/python/b test\n\t@echo done\n");
    }

    [Test]
    public void Test_extra_fix_adds_the_step_after_the_last_one_when_no_neighbour_is_tested()
    {
        const string makefile = Prepare + "\t$(MAKE) -C backend/rust/kokoros kokoros-grpc\n" + Test + "\t$(MAKE) -C backend/go/x test\n\t$(MAKE) -C backend/go/y test\n\t@echo done\n";
        Fixed(makefile, CheckIds.PreparedBackendMustBeTested).Should().EndWith(Test + "\t$(MAKE) -C backend/go/x test\n\t$(MAKE) -C backend/go/y test\n\t$(MAKE) -C backend/rust/kokoros test\n\t@echo done\n");
    }

    [Test]
    public void Test_extra_fix_adds_the_first_step_after_the_rule_line_with_a_tab()
    {
        const string makefile = Prepare + "\t$(MAKE) -C backend/python/a\n" + Test + "\t@echo testing\n";
        Fixed(makefile, CheckIds.PreparedBackendMustBeTested).Should().EndWith(Test + "\t$(MAKE) -C backend/python/a test\n\t@echo testing\n");
    }

    [Test]
    public void Test_extra_fix_copies_the_recipe_prefix_of_the_step_next_to_it()
    {
        const string makefile = Prepare + "\t$(MAKE) -C backend/python/a\n\t$(MAKE) -C backend/python/b\n" + Test + "\t  $(MAKE) -C backend/python/a test\n";
        Fixed(makefile, CheckIds.PreparedBackendMustBeTested).Should().EndWith(Test + "\t  $(MAKE) -C backend/python/a test\n\t  $(MAKE) -C backend/python/b test\n");
    }

    [Test]
    public void Test_extra_fix_adds_one_step_for_a_directory_prepared_twice()
    {
        const string makefile = Prepare + "\t$(MAKE) -C backend/python/a\n\t$(MAKE) -C backend/python/b\n\t$(MAKE) -C backend/python/c\n\t$(MAKE) -C backend/python/a\n" + Test + "\t$(MAKE) -C backend/python/b test\n\t$(MAKE) -C backend/python/c test\n";
        Fixed(makefile, CheckIds.PreparedBackendMustBeTested).Should().EndWith(Test + "\t$(MAKE) -C backend/python/a test\n\t$(MAKE) -C backend/python/b test\n\t$(MAKE) -C backend/python/c test\n");
    }

    [Test]
    public void Prepare_fix_adds_the_step_of_a_tested_python_backend_in_test_order()
    {
        const string makefile = Prepare + "\t$(MAKE) -C backend/python/a\n\n\t$(MAKE) -C backend/go/w\n" + Test + "\t$(MAKE) -C backend/python/a test\n\t$(MAKE) -C backend/python/b test\n\t$(MAKE) -C backend/go/w test\n";
        Fixed(makefile, CheckIds.PreparedBackendMustBeTested).Should().StartWith(Prepare + "\t$(MAKE) -C backend/python/a\n\t$(MAKE) -C backend/python/b\n\n\t$(MAKE) -C backend/go/w\n");
    }
}
