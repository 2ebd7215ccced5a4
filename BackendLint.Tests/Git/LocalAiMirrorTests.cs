using BackendLint.Git;

namespace BackendLint.Tests.Git;

/// <summary>
/// The real thing: LocalAI's history, a bare partial clone whose packs are large and deeply deltified,
/// read where the mirror exists (nothing of it is copied into this repository) and compared with git.
/// </summary>
public sealed class LocalAiMirrorTests
{
    private const string Mirror = "/work/.mirror/mudler+LocalAI/repo";

    [Test]
    public void The_gallery_reads_as_git_shows_it_at_its_last_two_commits()
    {
        if (!Directory.Exists(Path.Combine(Mirror, "objects")))
            Assert.Ignore($"no LocalAI mirror at {Mirror}");
        var git = GitRepository.Discover(Mirror)!;
        git.WorkTree.Should().BeNull();
        git.Resolve("HEAD").Should().Be(GitTestRepository.Run(Mirror, "rev-parse", "HEAD"));
        var commits = GitTestRepository.Run(Mirror, "log", "-n", "2", "--format=%H", "--", "backend/index.yaml").Split('\n');
        commits.Should().HaveCount(2);
        foreach (var commit in commits)
        {
            var expected = GitTestRepository.RunBytes(Mirror, ["show", $"{commit}:backend/index.yaml"]).Output;
            expected.Should().NotBeEmpty();
            git.ReadFile(git.Resolve(commit[..10]), "backend/index.yaml").Should().Equal(expected, commit);
            git.Resolve(commit + "~1").Should().Be(GitTestRepository.Run(Mirror, "rev-parse", commit + "~1"));
        }
    }
}
