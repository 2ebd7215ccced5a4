using BackendLint.Checks;
using BackendLint.Findings;
using BackendLint.Fixing;
using BackendLint.Git;
using BackendLint.Model;
using BackendLint.Parsing;
using BackendLint.Text;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Fixing;

/// <summary>
/// The Makefile fixes on LocalAI's Makefile at 82c191afa (2026-08-22), read from the mirror where it
/// exists (nothing of it is copied into this repository): every fixable Makefile finding goes, none
/// comes, and the file only grows by the missing words, each next to its neighbour.
/// </summary>
public sealed class LocalAiMakefileFixTests
{
    private const string Mirror = "/work/.mirror/mudler+LocalAI/repo";
    private const string Commit = "82c191afa";

    private static readonly string[] MakefileRules = [CheckIds.BackendMustBeNotParallel, CheckIds.BackendMustBeInDockerBuildBackends, CheckIds.DefinitionAndEvalMustPair, CheckIds.PreparedBackendMustBeTested];

    [Test]
    public void Fix_adds_only_the_missing_pieces_next_to_their_neighbours()
    {
        if (!Directory.Exists(Path.Combine(Mirror, "objects")))
            Assert.Ignore($"no LocalAI mirror at {Mirror}");
        var git = GitRepository.Discover(Mirror)!;
        var commit = git.Resolve(Commit);
        var original = Read(git, commit, null);
        var makefile = original.Source(Lint.MakefileFile)!.Text.Text;

        var model = original;
        var text = makefile;
        for (var round = 0; round < 8; round++)
        {
            var current = model;
            var fixes = Findings(current).Where(f => f.Fix is not null && MakefileRules.Contains(f.Rule.Id)).Select(f => f.Fix!).ToList();
            var applied = FixApplier.Apply(fixes, path => current.Source(path)?.Text);
            if (!applied.Texts.TryGetValue(Lint.MakefileFile, out var next))
                break;
            text = next;
            model = Read(git, commit, text);
        }

        var before = Findings(original);
        var after = Findings(model);
        before.Count(f => f.Fix is not null && MakefileRules.Contains(f.Rule.Id)).Should().Be(18, "5 BL3001, 12 BL3002 and 1 BL3004 findings have fixes");
        after.Where(f => f.Fix != null && MakefileRules.Contains(f.Rule.Id)).Should().BeEmpty();
        var known = before.Select(f => (f.Rule.Id, f.Identity)).ToHashSet();
        after.Where(f => !known.Contains((f.Rule.Id, f.Identity))).Should().BeEmpty("fix adds no finding");

        Insertions.WordsOf(makefile, text)!.Where(w => w != "\\").Should().BeEquivalentTo(
            new[] { "ik-llama-cpp", "coqui", "vibevoice", "rerankers", "transformers" }.Select(n => "backends/" + n)
                .Concat(new[] { "parakeet-cpp", "rfdetr", "mlx", "mlx-vlm", "opus", "kitten-tts", "neutts", "silero-vad", "stablediffusion-ggml", "whisper", "piper", "local-store" }.Select(n => "docker-build-" + n))
                .Concat(["$(MAKE)", "-C", "backend/python/sglang", "test"]));
        text.Should().Contain(" backends/llama-cpp backends/ik-llama-cpp backends/turboquant ")
            .And.Contain(" docker-build-cloud-proxy docker-build-silero-vad docker-build-stablediffusion-ggml docker-build-supertonic ")
            .And.Contain("\t$(MAKE) -C backend/python/longcat-video test\n\t$(MAKE) -C backend/python/sglang test\n\t$(MAKE) -C backend/python/vibevoice test\n");
        text.Should().NotContain("docker-build-huggingface", "BACKEND_HUGGINGFACE is left over: BL2005 says to delete it");
    }

    private static List<Finding> Findings(BackendModel model) => LintEngine.Run(model, CheckCatalog.All).Findings;

    // The sources at the commit, the Makefile replaced by makefile when given, as --new-since reads a revision.
    private static BackendModel Read(GitRepository git, string commit, string? makefile)
    {
        var (model, errors) = RepositoryReader.Read(new SourcePaths(), path =>
            path == Lint.MakefileFile && makefile is not null ? new SourceText(path, makefile)
            : git.ReadFile(commit, path) is { } bytes ? SourceText.Decode(path, bytes) : null,
            path => path,
            () => SourceTreeReader.Read(path => git.ListDirectory(commit, path)?.Select(e => new TreeEntry(e.Name, (e.Mode & 0xF000) switch
            {
                0x4000 => TreeEntryKind.Directory,
                0x8000 => TreeEntryKind.File,
                0xA000 => TreeEntryKind.Link,
                _ => TreeEntryKind.Other,
            }))));
        errors.Should().BeEmpty();
        return model;
    }
}
