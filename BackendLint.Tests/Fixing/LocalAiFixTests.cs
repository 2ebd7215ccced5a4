using System.Formats.Tar;
using BackendLint.Checks;
using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Parsing;
using BackendLint.Tests.Git;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Fixing;

/// <summary>
/// The acceptance test on the real thing: LocalAI's newest commit, taken from the mirror where
/// it exists (nothing of it is copied into this repository). <c>fix</c> removes every fixable finding
/// and adds none; the gallery still says what it said, entry by entry, except the pieces the fixes add,
/// repoint or delete, and its text changes nowhere else; the matrix is untouched and the Makefile
/// loses nothing. Written for every rule's fixes, whichever offer one.
/// </summary>
public sealed class LocalAiFixTests
{
    private const string Mirror = "/work/.mirror/mudler+LocalAI/repo";
    private const string Commit = "82c191afa";
    private const string Index = "backend/index.yaml";
    private const string Development = "-development";

    [Test]
    public void Fix_removes_every_fixable_finding_of_LocalAI_adds_none_and_changes_only_what_it_fixes()
    {
        if (!Directory.Exists(Path.Combine(Mirror, "objects")))
            Assert.Ignore($"no LocalAI mirror at {Mirror}");
        var repo = Extract(Commit);
        try
        {
            var (before, findingsBefore) = Lint(repo);
            var fix = Run.InProcess("fix", repo);
            fix.Err.Should().NotContain("internal error").And.NotContain("still offered");
            var (after, findingsAfter) = Lint(repo);

            // The only findings left are those that offered no fix, and none is new. (A fix may also end a
            // finding that has none: on 7293f26fc the development image BL1002's fix adds is the one a
            // capability named in vain, BL1003.)
            findingsBefore.Should().Contain(f => f.Fix != null);
            findingsAfter.Should().OnlyContain(f => f.Fix == null);
            Keys(findingsBefore.Where(f => f.Fix is null)).Should().Contain(Keys(findingsAfter));

            Matrix(after).Should().Equal(Matrix(before), "no fix edits the build matrix");
            MakefileItems(before).Except(MakefileItems(after)).Should().BeEmpty("fixes only add to the Makefile");
            var changes = CompareGalleries(before, after);

            // Every edit on this commit was read and judged right; they are pinned here.
            changes.Should().BeEquivalentTo(new GalleryChanges(
                Aliases: ["faster-whisper", "kitten-tts", "mlx", "mlx-audio", "mlx-distributed", "mlx-vlm", "neutts", "piper", "silero-vad"],
                Images: ["cpu-llama-cpp-quantization-development", "metal-darwin-arm64-llama-cpp-quantization-development"],
                Metas: ["acestep-cpp-development", "llama-cpp-quantization-development", "localvqe-development", "privacy-filter-development", "qwen3-tts-cpp-development", "trl-development", "vibevoice-cpp-development", "voxtral-development"],
                Repointed: ["chatterbox-development nvidia-l4t: nvidia-l4t-arm64-chatterbox-development", "chatterbox-development nvidia-l4t-cuda-12: nvidia-l4t-arm64-chatterbox-development"],
                Deleted: ["intel-rfdetr", "metal-crispasr", "metal-crispasr-development", "metal-whisper", "metal-whisper-development"]));
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }

    /// <summary>
    /// On the parent of each commit in which LocalAI's maintainers fixed what a gallery rule reports,
    /// <c>fix</c> makes their change: the same lines, at the same place.
    /// </summary>
    [TestCase("8d124d080", TestName = "Fix_makes_LocalAI_s_own_gallery_fix(8d124d080, whisper-development meta, BL1005)")]
    [TestCase("b032cf489", TestName = "Fix_makes_LocalAI_s_own_gallery_fix(b032cf489, chatterbox-development capability, BL1004)")]
    [TestCase("73bdc3b50", TestName = "Fix_makes_LocalAI_s_own_gallery_fix(73bdc3b50, alias opus, BL1005)")]
    [TestCase("b7247fc14", TestName = "Fix_makes_LocalAI_s_own_gallery_fix(b7247fc14, alias whisperx, BL1005)")]
    public void Fix_makes_LocalAI_s_own_gallery_fix(string commit)
    {
        if (!Directory.Exists(Path.Combine(Mirror, "objects")))
            Assert.Ignore($"no LocalAI mirror at {Mirror}");
        var repo = Extract(commit + "^");
        try
        {
            var original = File.ReadAllLines(Path.Combine(repo, Index));
            var upstream = GitTestRepository.Run(Mirror, "show", $"{commit}:{Index}").Split('\n');
            Run.InProcess("fix", repo).Err.Should().NotContain("internal error");
            var ours = File.ReadAllLines(Path.Combine(repo, Index));

            // The one place the maintainers changed: the lines between what their commit kept before and after.
            var before = 0;
            while (original[before] == upstream[before])
                before++;
            var after = 0;
            while (original[^(after + 1)] == upstream[^(after + 1)])
                after++;
            var change = upstream[before..^after].Append(original[^after]).ToArray();
            Enumerable.Range(0, ours.Length - change.Length + 1).Where(i => ours.AsSpan(i, change.Length).SequenceEqual(change)).Should()
                .ContainSingle($"the fix writes the lines {commit} wrote, followed by the line that followed them");
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }

    // The sources of a LocalAI commit in a temporary directory: the inputs and the backend source tree.
    private static string Extract(string revision)
    {
        var repo = Directory.CreateTempSubdirectory("backendlint-localai-").FullName;
        var archive = GitTestRepository.RunBytes(Mirror, ["archive", "--format=tar", revision, ".github", "backend", "Makefile", "scripts"]);
        archive.Exit.Should().Be(0, archive.Error);
        TarFile.ExtractToDirectory(new MemoryStream(archive.Output), repo, overwriteFiles: false);
        return repo;
    }

    /// <summary>What the fixes did to the gallery: names, sorted.</summary>
    private sealed record GalleryChanges(List<string> Aliases, List<string> Images, List<string> Metas, List<string> Repointed, List<string> Deleted);

    private static (BackendModel Model, List<Finding> Findings) Lint(string repo)
    {
        var (model, errors) = RepositoryReader.Read(repo, new SourcePaths());
        errors.Should().BeEmpty();
        return (model, LintEngine.Run(model, CheckCatalog.All).Findings);
    }

    private static List<string> Keys(IEnumerable<Finding> findings) => [.. findings.Select(f => $"{f.Rule.Id} {f.Fingerprint} {f.Identity}").Order(StringComparer.Ordinal)];

    private static List<string> Matrix(BackendModel model) =>
        [.. model.Matrix.Entries.Select(e => string.Join('|', e.Fields.Select(f => $"{f.Key.Value}={f.Value.Value}")))];

    private static HashSet<string> MakefileItems(BackendModel model)
    {
        var make = model.Makefile;
        return
        [
            .. make.Definitions.Select(d => $"definition {d.Name.Value}"),
            .. make.Evals.Select(e => $"eval {e.Variable.Value}"),
            .. (make.NotParallel?.Prerequisites ?? []).Select(p => $".NOTPARALLEL {p.Value}"),
            .. (make.DockerBuildBackends?.Prerequisites ?? []).Select(p => $"docker-build-backends {p.Value}"),
            .. (make.PrepareTestExtra?.Steps ?? []).Select(s => $"prepare-test-extra {s.Directory.Value}"),
            .. (make.TestExtra?.Steps ?? []).Select(s => $"test-extra {s.Directory.Value}"),
        ];
    }

    /// <summary>
    /// The two galleries entry by entry, in file order. An entry only before must be an identical copy
    /// of an earlier one; an entry only after must be the development image of a release image (its
    /// copy, 'latest' turned 'master') or the development meta of a meta (its map naming the
    /// development images). Entries in both say the same, except a capability now naming the
    /// development image of the release image it named, and an alias that is now the family's name.
    /// Then the text: without the lines of deleted entries, and of added entries and alias lines, the
    /// two are the same line for line, but for the repointed capability values.
    /// </summary>
    private static GalleryChanges CompareGalleries(BackendModel before, BackendModel after)
    {
        var changes = new GalleryChanges([], [], [], [], []);
        var deletedLines = new HashSet<int>();
        var addedLines = new HashSet<int>();
        var repointed = new Dictionary<int, (string From, string To)>();
        var (old, @new) = (before.Gallery.Entries, after.Gallery.Entries);
        var (i, j) = (0, 0);
        while (i < old.Count || j < @new.Count)
        {
            if (i < old.Count && j < @new.Count && old[i].DisplayName == @new[j].DisplayName)
            {
                Same(old[i], @new[j], before, after, changes, addedLines, repointed);
                (i, j) = (i + 1, j + 1);
            }
            else if (i < old.Count && before.Gallery.EntriesNamed(old[i].DisplayName) is [var first, ..] && first != old[i] && first.ContentHash == old[i].ContentHash)
            {
                changes.Deleted.Add(old[i].DisplayName);
                deletedLines.UnionWith(LinesOf(old[i]));
                i++;
            }
            else
            {
                j.Should().BeLessThan(@new.Count, $"'{old[Math.Min(i, old.Count - 1)].DisplayName}' is gone, and it is no identical copy");
                Added(@new[j], after, changes);
                addedLines.UnionWith(LinesOf(@new[j]));
                j++;
            }
        }

        var (oldText, newText) = (Lines(before), Lines(after));
        var kept = Enumerable.Range(1, oldText.Count).Where(l => !deletedLines.Contains(l)).ToList();
        var keptNew = Enumerable.Range(1, newText.Count).Where(l => !addedLines.Contains(l)).ToList();
        keptNew.Should().HaveSameCount(kept, "the text keeps every line the fixes do not add or delete");
        for (var k = 0; k < kept.Count; k++)
        {
            var (was, now) = (oldText[kept[k] - 1], newText[keptNew[k] - 1]);
            if (was == now)
                continue;
            repointed.Should().ContainKey(keptNew[k], $"line {kept[k]} '{was}' changed to '{now}', which no fix meant");
            var (from, to) = repointed[keptNew[k]];
            now.Should().Be(was.Replace($"\"{from}\"", $"\"{to}\"", StringComparison.Ordinal), "only the capability's value changed");
        }

        foreach (var list in new[] { changes.Aliases, changes.Images, changes.Metas, changes.Repointed, changes.Deleted })
            list.Sort(StringComparer.Ordinal);
        return changes;
    }

    // An entry in both galleries: the same name, uri, mirrors and capability keys; a capability may name the
    // development twin of the release image it named, and a missing alias may have become its family's name.
    private static void Same(GalleryEntry was, GalleryEntry now, BackendModel before, BackendModel after, GalleryChanges changes,
        HashSet<int> addedLines, Dictionary<int, (string From, string To)> repointed)
    {
        now.Uri?.Text.Should().Be(was.Uri?.Text);
        now.Mirrors.Select(m => m.Value.Text).Should().Equal(was.Mirrors.Select(m => m.Value.Text));
        now.Capabilities.Select(c => c.Key.Value).Should().Equal(was.Capabilities.Select(c => c.Key.Value));
        if (now.Alias?.Text != was.Alias?.Text)
        {
            was.Alias.Should().BeNull($"only a missing alias is added ('{was.DisplayName}')");
            now.Alias!.Value.Text.Should().Be(now.MergeRoot?.Name?.Text ?? now.Name?.Text, "the alias added is the family's name");
            if (now.Field("alias") is { } field)
            {
                changes.Aliases.Add(now.DisplayName);
                addedLines.Add(field.Key.Span.StartLine);
            }
        }

        if (!now.WritesCapabilities)
            return;
        for (var k = 0; k < now.Capabilities.Count; k++)
        {
            var (from, to) = (was.Capabilities[k].Value.Value, now.Capabilities[k].Value);
            if (from == to.Value)
                continue;
            var release = before.Gallery.EntryNamed(from)!.Image!;
            var development = after.Gallery.EntryNamed(to.Value)!.Image!;
            (release.Channel, development.Channel).Should().Be((TagChannel.Latest, TagChannel.Master), $"'{now.DisplayName}' now names the development image of '{from}'");
            development.TagSuffix!.Value.Value.Should().Be(release.TagSuffix!.Value.Value);
            to.Value.Should().Be(after.Gallery.EntryNamed(to.Value)!.DisplayName, "as that image is named");
            changes.Repointed.Add($"{now.DisplayName} {now.Capabilities[k].Key.Value}: {to.Value}");
            repointed[to.Span.StartLine] = (from, to.Value);
        }
    }

    // An entry only in the fixed gallery: a development image copying its release image, or a development meta.
    private static void Added(GalleryEntry added, BackendModel after, GalleryChanges changes)
    {
        added.DisplayName.Should().EndWith(Development);
        var release = after.Gallery.EntryNamed(added.DisplayName[..^Development.Length]);
        release.Should().NotBeNull($"'{added.DisplayName}' is the development entry of an entry");
        added.MetaName.Should().Be(release!.MetaName ?? release.DisplayName);
        if (added.IsImage)
        {
            added.Uri!.Value.Text.Should().Be(Master(release.Uri!.Value.Text));
            added.Mirrors.Select(m => m.Value.Text).Should().Equal(release.Mirrors.Select(m => Master(m.Value.Text)));
            added.Capabilities.Should().BeSameAs(release.Capabilities);
            added.Alias?.Text.Should().Be(release.Alias?.Text);
            Text(after, added).Should().Equal(Text(after, release).Select(l => l.Contains(" name:", StringComparison.Ordinal)
                ? l.Replace($"\"{release.DisplayName}\"", $"\"{added.DisplayName}\"", StringComparison.Ordinal)
                : Master(l)), "the development image is written as its release image");
            changes.Images.Add(added.DisplayName);
            return;
        }

        added.Capabilities.Select(c => c.Key.Value).Should().Equal(release.Capabilities.Select(c => c.Key.Value));
        for (var k = 0; k < added.Capabilities.Count; k++)
        {
            var named = after.Gallery.EntryNamed(release.Capabilities[k].Value.Value)!;
            var development = after.Gallery.EntryNamed(added.Capabilities[k].Value.Value)!;
            development.Uri!.Value.Text.Should().Be(Master(named.Uri!.Value.Text), $"'{added.DisplayName}' names the development image of '{named.DisplayName}'");
            added.Capabilities[k].Value.Value.Should().Be(development.DisplayName, "as that image is named");
        }

        // Its map is written as the meta's, without the comments, each value naming the development image.
        var map = Text(after, release).SkipWhile(l => !l.TrimStart().StartsWith("capabilities:", StringComparison.Ordinal)).Where(l => !l.TrimStart().StartsWith('#')).ToList();
        for (var k = 0; k < release.Capabilities.Count; k++)
            map[k + 1] = map[k + 1].Replace($"\"{release.Capabilities[k].Value.Value}\"", $"\"{added.Capabilities[k].Value.Value}\"", StringComparison.Ordinal);
        Text(after, added).Skip(2).Should().Equal(map, "the development meta's map is written as its meta's");
        changes.Metas.Add(added.DisplayName);
    }

    private static string Master(string image) => image.Replace(":latest-", ":master-", StringComparison.Ordinal);

    private static List<string> Lines(BackendModel model) => [.. model.Source(Index)!.Text.Text.Split('\n').Select(l => l.TrimEnd('\r'))];

    private static List<string> Text(BackendModel model, GalleryEntry entry) => [.. LinesOf(entry).Select(l => Lines(model)[l - 1])];

    private static IEnumerable<int> LinesOf(GalleryEntry entry)
    {
        entry.Lines.Should().NotBeNull($"'{entry.DisplayName}' has lines of its own");
        return Enumerable.Range(entry.Lines!.Value.StartLine, entry.Lines.Value.EndLine - entry.Lines.Value.StartLine + 1);
    }
}
