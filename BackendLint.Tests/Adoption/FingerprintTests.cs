using System.Text.Json;
using BackendLint.Findings;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Adoption;

/// <summary>
/// A fingerprint names the problem, not its place: baselines, <c>--new-since</c> and code
/// scanning's alerts survive edits that leave the problem as it is.
/// </summary>
public class FingerprintTests
{
    [Test]
    public void Fingerprints_survive_moved_lines_reordered_entries_and_an_unrelated_backend()
    {
        using var repository = Fixture.Materialize("adoption-debt");
        var before = Fingerprints(repository.Path);
        before.Should().HaveCount(4);

        var makefile = Path.Combine(repository.Path, "Makefile");
        var index = Path.Combine(repository.Path, "backend/index.yaml");
        // Moved lines: comments above everything.
        Edit(makefile, m => "# a new header\n# of two lines\n\n" + m);
        Edit(index, i => i.Replace("## metas\n", "## metas\n# moved\n\n", StringComparison.Ordinal));
        // Reordered entries: two definitions and two gallery images swap places.
        Edit(makefile, m => m.Replace("BACKEND_LLAMA_CPP = llama-cpp|llama-cpp|.|false|false\n", "", StringComparison.Ordinal)
            .Replace("BACKEND_KOKORO := kokoro|python|./|false|true\n", "BACKEND_KOKORO := kokoro|python|./|false|true\nBACKEND_LLAMA_CPP = llama-cpp|llama-cpp|.|false|false\n", StringComparison.Ordinal));
        Edit(index, i => Swap(i, "- !!merge <<: *vllm\n  name: \"cpu-vllm\"\n", "- !!merge <<: *vllm\n  name: \"cuda12-vllm\"\n"));
        // An unrelated backend with a problem of its own: a definition missing from every list.
        Edit(makefile, m => m.Replace("BACKEND_VLLM = ", "BACKEND_PIPER = piper|golang|.|false|true\n$(eval $(call generate-docker-build-target,$(BACKEND_PIPER)))\nBACKEND_VLLM = ", StringComparison.Ordinal));

        var after = Fingerprints(repository.Path);
        after.Should().HaveCount(7, "piper adds BL3001, BL3002 and BL4001 (no backend/go/piper/) findings of its own");
        after.Should().Contain(before, "the four old problems are unchanged");
    }

    [Test]
    public void Fingerprints_survive_the_matrix_moving_from_the_workflow_to_the_data_file()
    {
        const string entry = """
              - build-type: 'vulkan'
                platforms: 'linux/amd64'
                tag-suffix: '-gpu-vulkan-whisper'
                backend: "whisper"
                dockerfile: "./backend/Dockerfile.golang"
                context: "./"
            """;
        var workflow = "jobs:\n  backend-jobs:\n    strategy:\n      matrix:\n        include:\n" + Indent(entry, 8);
        var data = "include:\n" + entry;

        var inline = Lint.Snippets(workflow: workflow, matrix: "include: []\n", only: "BL2001").Should().ContainSingle().Subject;
        var listed = Lint.Snippets(matrix: data, only: "BL2001").Should().ContainSingle().Subject;
        inline.Span.File.Should().Be(Lint.WorkflowFile);
        listed.Span.File.Should().Be(Lint.MatrixFile);
        listed.Fingerprint.Should().Be(inline.Fingerprint);
    }

    [Test]
    public void A_fingerprint_is_the_rule_and_the_identity_only()
    {
        var rule = BackendLint.Checks.CheckCatalog.All[0].Rule;
        var a = rule.At(new BackendLint.Text.SourceSpan("a.yml", 1, 1, 1, 2), "One.", "x", "suffix=-cpu-x");
        var b = rule.At(new BackendLint.Text.SourceSpan("b.yml", 9, 3, 9, 4), "Another message.", "y", "suffix=-cpu-x");
        b.Fingerprint.Should().Be(a.Fingerprint);
        (a with { Identity = "suffix=-cpu-y" }).Fingerprint.Should().NotBe(a.Fingerprint);
        BackendLint.Checks.CheckCatalog.All[1].Rule.At(a.Span, "One.", "x", "suffix=-cpu-x").Fingerprint.Should().NotBe(a.Fingerprint);
        a.Fingerprint.Should().MatchRegex("^[0-9a-f]{32}$");
        BackendLint.Findings.Fingerprints.Key.Should().Be("backendlint/v2");
    }

    private static List<string> Fingerprints(string root)
    {
        var (_, output, error) = Run.InProcess("check", root, "--format", "json");
        error.Should().BeEmpty();
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("fingerprint").GetString()!).ToList();
    }

    private static void Edit(string path, Func<string, string> edit)
    {
        var text = File.ReadAllText(path);
        var edited = edit(text);
        edited.Should().NotBe(text, $"the edit of {Path.GetFileName(path)} should change it");
        File.WriteAllText(path, edited);
    }

    // Swaps two gallery items given by their first two lines; each runs to the next "- ".
    private static string Swap(string text, string first, string second)
    {
        var (a, b) = (Item(text, first), Item(text, second));
        a.Start.Should().BeLessThan(b.Start);
        var (itemA, itemB) = (text[a.Start..a.End], text[b.Start..b.End]);
        return text[..a.Start] + itemB + text[a.End..b.Start] + itemA + text[b.End..];
    }

    private static (int Start, int End) Item(string text, string head)
    {
        var start = text.IndexOf(head, StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"'{head}' is in the gallery");
        var end = text.IndexOf("\n- ", start + head.Length, StringComparison.Ordinal) + 1;
        return (start, end);
    }

    private static string Indent(string text, int spaces) =>
        string.Concat(text.Split('\n').Select(l => l.Length == 0 ? "\n" : new string(' ', spaces) + l + "\n")).TrimEnd('\n') + "\n";
}
