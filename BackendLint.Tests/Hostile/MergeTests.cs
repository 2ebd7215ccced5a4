using BackendLint.Checks;
using BackendLint.Cli;
using BackendLint.Parsing.Yaml;
using BackendLint.Tests.Support;
using BackendLint.Text;

namespace BackendLint.Tests.Hostile;

/// <summary>Merge keys written to exhaust the reader: deep chains, exponential trees, quadratic unions.</summary>
public class MergeTests
{
    // 100,000 entries, each merging the previous one: a valid file that used to overflow the stack
    // (exit 134 with a 12 MB trace, or a silent 139 from the AOT binary).
    [Test]
    public void A_chain_of_100000_merges_is_read_without_recursion()
    {
        var text = new System.Text.StringBuilder("- &m0\n  name: m0\n  capabilities: {default: m0}\n");
        for (var i = 1; i < 100_000; i++)
            text.Append($"- &m{i}\n  <<: *m{i - 1}\n  name: m{i}\n");
        text.Append("- <<: *m99999\n  uri: quay.io/go-skynet/local-ai-backends:latest-x\n");

        var model = Within.Seconds(60, () => Lint.Model(index: text.ToString()));
        var last = model.Gallery.Entries[^1];
        last.Name!.Value.Text.Should().Be("m99999");
        last.MetaName.Should().Be("m0", "the root of the first-merge chain");
        last.Capabilities.Should().ContainSingle().Which.Value.Value.Should().Be("m0");
    }

    // Each level merges the one below twice: without sharing resolved merges, looking up a key that
    // none of them has walks all 2^19 paths, for each of 60 entries.
    [Test]
    public void A_doubling_merge_tree_is_resolved_once_per_mapping()
    {
        var text = new System.Text.StringBuilder("- &d0\n  name: d0\n");
        for (var i = 1; i <= 19; i++)
            text.Append($"- &d{i}\n  <<: [*d{i - 1}, *d{i - 1}]\n  name: d{i}\n");
        for (var i = 0; i < 60; i++)
            text.Append($"- <<: *d19\n  name: e{i}\n");

        var model = Within.Seconds(30, () => Lint.Model(index: text.ToString()));
        model.Gallery.Entries.Should().HaveCount(80);
        model.Gallery.Entries[^1].Uri.Should().BeNull();
    }

    // Each anchor adds a key to the one it merges: the union of all keys is quadratic in the chain.
    [Test]
    public void A_merge_union_beyond_the_work_budget_is_one_positioned_error()
    {
        var text = new System.Text.StringBuilder("x0: &k0 {k0: v}\n");
        for (var i = 1; i < 3_000; i++)
            text.Append($"x{i}: &k{i} {{<<: *k{i - 1}, k{i}: v}}\n");
        text.Append("include:\n  - <<: *k2999\n    backend: x\n");

        var act = () => Within.Seconds(30, () => Lint.Model(matrix: text.ToString()));
        act.Should().Throw<InputError>().Which.Problem.Should().StartWith("resolving the '<<' merges takes more than");
    }

    // 1,700 anchors, each adding a key to the one it merges: about 1.4 million steps of union, more
    // than the minimum budget, within what 4 steps per character of a 300 KB file allow.
    [Test]
    public void The_budget_grows_with_the_input()
    {
        var text = new System.Text.StringBuilder("# " + new string('-', 300_000) + "\nx0: &k0 {k0: v}\n");
        for (var i = 1; i < 1_700; i++)
            text.Append($"x{i}: &k{i} {{<<: *k{i - 1}, k{i}: v}}\n");
        text.Append("include:\n  - <<: *k1699\n    backend: x\n");
        Within.Seconds(30, () => Lint.Model(matrix: text.ToString())).Matrix.Entries.Single().Fields.Should().HaveCount(1_701);
    }

    // An anchor inside an entry, merging a meta no lookup has asked about yet: resolved through the stack.
    [Test]
    public void A_nested_anchor_merging_a_meta_is_resolved_on_first_use()
    {
        const string index = "- &a\n  name: a\n  uri: quay.io/go-skynet/local-ai-backends:latest-a\n"
            + "- name: holder\n  nested: &n\n    <<: *a\n    alias: from-n\n"
            + "- <<: *n\n  name: image\n";
        var image = Lint.Model(index: index).Gallery.Entries[^1];
        image.Uri!.Value.Text.Should().Be("quay.io/go-skynet/local-ai-backends:latest-a");
        image.Alias!.Value.Text.Should().Be("from-n");
    }

    // Two defaults that both merge a base, merged together: the base is resolved once, its keys kept once.
    [Test]
    public void A_diamond_of_merges_in_the_matrix_keeps_each_key_once()
    {
        const string matrix = "base: &base {context: \"./\", runs-on: ubuntu-latest}\nleft: &left {<<: *base, platforms: linux/amd64}\n"
            + "right: &right {<<: *base, dockerfile: ./backend/Dockerfile.python}\ninclude:\n  - <<: [*left, *right]\n    backend: x\n";
        Lint.Model(matrix: matrix).Matrix.Entries.Single().Fields.Select(f => f.Key.Value)
            .Should().Equal("backend", "platforms", "context", "runs-on", "dockerfile");
    }

    [Test]
    public void A_merge_of_something_else_than_an_alias_is_an_input_error()
    {
        var act = () => Lint.Model(index: "- name: x\n  <<: {name: y}\n");
        act.Should().Throw<InputError>().Which.Problem.Should().Be("'<<' must merge an alias of a mapping (<<: *meta) or a sequence of them (<<: [*a, *b])");
    }

    // A merged meta that merges two others, neither resolved before: the first that has the key wins.
    [Test]
    public void Nested_merges_take_the_first_merged_mapping_that_has_the_key()
    {
        const string index = "- &a\n  name: a\n  alias: from-a\n- &b\n  name: b\n  uri: quay.io/go-skynet/local-ai-backends:latest-b\n  alias: from-b\n"
            + "- &m\n  name: m\n  <<: [*a, *b]\n- <<: *m\n  name: image\n";
        var image = Lint.Model(index: index).Gallery.Entries[^1];
        image.Uri!.Value.Text.Should().Be("quay.io/go-skynet/local-ai-backends:latest-b", "only b has a uri");
        image.Alias!.Value.Text.Should().Be("from-a", "a comes first");
        image.MetaName.Should().Be("a", "the first-merge chain leads through m to a");
    }

    // A wrong context moved into an anchor and merged with '<<:' used to hide BL2002.
    [Test]
    public void Merges_in_the_matrix_data_file_count_as_written()
    {
        const string matrix = "defaults: &defaults\n  context: \"./backend\"\n  dockerfile: \"./backend/Dockerfile.python\"\ninclude:\n  - <<: *defaults\n    backend: vllm\n    tag-suffix: '-cpu-vllm'\n";
        var findings = Lint.Snippets(matrix: matrix, makefile: "BACKEND_VLLM = vllm|python|.|false|true\n", only: CheckIds.BuildContextMustMatchMakefile);
        // The only build disagrees with the Makefile: reported there, with the merged value it disagrees with.
        findings.Should().ContainSingle().Which.Related.Single().Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, matrix, 2, "./backend"));
        var entry = Lint.Model(matrix: matrix).Matrix.Entries.Single();
        entry.Fields.Select(f => f.Key.Value).Should().Equal("backend", "tag-suffix", "context", "dockerfile");
    }

    [Test]
    public void An_entry_own_key_wins_over_a_merged_one_in_the_matrix()
    {
        const string matrix = "d: &d {context: \"./backend\"}\ninclude:\n  - <<: *d\n    backend: vllm\n    context: \"./\"\n";
        Lint.Model(matrix: matrix).Matrix.Entries.Single().Context!.Value.Value.Should().Be("./");
    }

    [Test]
    public void The_merge_chain_reaches_the_cli_as_a_normal_run()
    {
        var text = new System.Text.StringBuilder("- &m0\n  name: m0\n");
        for (var i = 1; i < 100_000; i++)
            text.Append($"- &m{i}\n  <<: *m{i - 1}\n  name: m{i}\n");
        var repo = BrokenRepository.Create("backend/index.yaml", text.ToString());
        try
        {
            var (exit, _, error) = Within.Seconds(60, () => Run.InProcess("check", repo, "--no-color"));
            error.Should().NotContain("   at ");
            exit.Should().BeOneOf(ExitCode.Success, ExitCode.Findings);
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }
}
