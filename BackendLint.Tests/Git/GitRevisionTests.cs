using BackendLint.Git;
using FluentAssertions.Execution;

namespace BackendLint.Tests.Git;

/// <summary>
/// One history (a file edited in 30 commits, a merge, annotated and lightweight tags, remote-tracking
/// refs, a symbolic link, a submodule), laid out as git leaves it after different commands; every
/// revision and file is compared with what git itself reports.
/// </summary>
[NonParallelizable]
public sealed class GitRevisionTests
{
    private static readonly string[] Revisions =
    [
        "HEAD", "@", "main", "refs/heads/main", "heads/main", "feature", "dead", "v1", "tags/v1", "refs/tags/v1", "light", "outer",
        "origin", "origin/main", "remotes/origin/main", "refs/remotes/origin/HEAD", "HEAD~", "HEAD~1", "HEAD~5", "HEAD^", "HEAD^1",
        "HEAD^0", "HEAD~2^2", "HEAD~2^2~1", "HEAD~2^1^", "HEAD^^^", "HEAD~2^2^0~1", "v1~3", "outer~2", "main~10^0~1", "@~3",
    ];

    private static readonly string[] Layouts = ["loose", "packed-refs", "gc", "repack", "ref-delta", "detached"];

    private readonly Dictionary<string, GitTestRepository> _layouts = [];
    private GitTestRepository _history = null!;

    [OneTimeSetUp]
    public void CreateHistory()
    {
        _history = new GitTestRepository();
        var lines = Enumerable.Range(0, 200).Select(i => $"line {i}: {new string('x', 40)}").ToArray();
        void Edit(string change, int line)
        {
            lines[line] = $"line {line}: {change}";
            _history.Write("backend/index.yaml", string.Join('\n', lines) + "\n");
        }
        _history.Write("README", "hello\n");
        _history.Write("dé.txt", "non-ASCII name\n");
        _history.Write("tool.sh", "#!/bin/sh\necho tool\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Path.Combine(_history.Path, "tool.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.CreateSymbolicLink(Path.Combine(_history.Path, "link"), "README");
        Edit("first", 0);
        _history.Commit("first");
        for (var i = 1; i <= 30; i++)
        {
            Edit($"edited in commit {i}", i * 5);
            _history.Commit($"edit {i}");
        }
        _history.Git("tag", "-a", "v1", "-m", "version 1", "HEAD~10");
        _history.Git("tag", "light", "HEAD~5");
        _history.Git("tag", "-a", "outer", "-m", "a tag of a tag", "v1");
        _history.Git("branch", "dead", "HEAD~7");
        _history.Git("checkout", "-q", "-b", "feature", "HEAD~4");
        _history.Write("feature.txt", "feature 1\n");
        _history.Commit("feature 1");
        _history.Write("feature.txt", "feature 2\n");
        _history.Commit("feature 2");
        _history.Git("checkout", "-q", "main");
        Edit("main after the branch", 190);
        _history.Commit("main 1");
        _history.Git("update-index", "--add", "--cacheinfo", $"160000,{_history.Git("rev-parse", "HEAD~1")},sub");
        _history.Git("commit", "-q", "-m", "a submodule");
        _history.Git("merge", "-q", "--no-ff", "-m", "merge feature", "feature");
        Edit("after the merge", 195);
        _history.Commit("after 1");
        Edit("after the merge again", 196);
        _history.Commit("after 2");
        _history.Git("update-ref", "refs/remotes/origin/main", "HEAD~1");
        _history.Git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main");
    }

    [OneTimeTearDown]
    public void DeleteHistory()
    {
        foreach (var layout in _layouts.Values)
            layout.Dispose();
        _history.Dispose();
    }

    private GitTestRepository Layout(string layout)
    {
        if (_layouts.TryGetValue(layout, out var existing))
            return existing;
        var copy = GitTestRepository.CopyOf(_history.Path);
        _layouts[layout] = copy;
        switch (layout)
        {
            case "packed-refs":
                copy.Git("pack-refs", "--all");
                break;
            case "gc":
                copy.Git("gc", "-q", "--aggressive");
                break;
            case "repack":
                copy.Git("repack", "-q", "-a", "-d", "--depth=50");
                break;
            case "ref-delta":
                copy.Git("-c", "repack.useDeltaBaseOffset=false", "repack", "-q", "-a", "-d", "-f", "--depth=50");
                break;
            case "detached":
                copy.Git("checkout", "-q", "--detach", "HEAD~3");
                break;
        }
        return copy;
    }

    private static GitRepository Open(GitTestRepository repository) => GitRepository.Discover(repository.Path)!;

    [TestCaseSource(nameof(Layouts))]
    public void Every_revision_resolves_to_the_commit_git_names(string layout)
    {
        var repository = Layout(layout);
        var git = Open(repository);
        var dead = repository.Git("rev-parse", "dead");
        string[] ids = [dead, dead[..7], dead.ToUpperInvariant(), dead[..12] + "~2"];
        using var scope = new AssertionScope();
        foreach (var revision in Revisions.Concat(ids))
        {
            var (exit, output, _) = GitTestRepository.RunBytes(repository.Path, ["rev-parse", "--verify", "-q", revision + "^{commit}"]);
            if (exit == 0)
                git.Resolve(revision).Should().Be(System.Text.Encoding.ASCII.GetString(output).Trim(), revision);
            else
                git.Invoking(g => g.Resolve(revision)).Should().Throw<GitError>(revision).Which.Problem.Should().Be(GitProblem.NotFound);
        }
    }

    [TestCaseSource(nameof(Layouts))]
    public void Every_version_of_a_file_reads_as_git_shows_it(string layout)
    {
        var repository = Layout(layout);
        var git = Open(repository);
        var commits = repository.Git("rev-list", "--all").Split('\n');
        commits.Should().HaveCountGreaterThan(30);
        using var scope = new AssertionScope();
        foreach (var commit in commits)
        {
            git.ReadFile(commit, "backend/index.yaml").Should().Equal(repository.Show(commit, "backend/index.yaml"), commit);
            git.FileId(commit, "backend/index.yaml").Should().Be(repository.Git("rev-parse", $"{commit}:backend/index.yaml"), commit);
        }

        var head = git.Resolve("main");
        foreach (var path in new[] { "README", "dé.txt", "tool.sh", "feature.txt" })
        {
            git.ReadFile(head, path).Should().Equal(repository.Show(head, path), path);
            git.FileId(head, path).Should().Be(repository.Git("rev-parse", $"{head}:{path}"), path);
            GitRepository.BlobIdOf(repository.Show(head, path)).Should().Be(git.FileId(head, path), path);
        }
    }

    [TestCaseSource(nameof(Layouts))]
    public void What_is_not_a_regular_file_reads_as_null(string layout)
    {
        var git = Open(Layout(layout));
        var head = git.Resolve("main");
        using var scope = new AssertionScope();
        foreach (var path in new[] { "backend", "link", "sub", "missing", "backend/missing", "backend/index.yaml/x", "", "/README", "README/", "./README", "backend//index.yaml", "../README" })
        {
            git.ReadFile(head, path).Should().BeNull(path);
            git.FileId(head, path).Should().BeNull(path);
        }
    }

    [TestCaseSource(nameof(Layouts))]
    public void A_directory_lists_as_git_ls_tree_shows_it(string layout)
    {
        var repository = Layout(layout);
        var git = Open(repository);
        var head = git.Resolve("main");
        using var scope = new AssertionScope();
        foreach (var path in new[] { "", "backend" })
        {
            var expected = repository.Git("ls-tree", "-z", "main" + (path.Length == 0 ? "" : ":" + path)).Split('\0', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => (Name: l[(l.IndexOf('\t') + 1)..], Mode: Convert.ToInt32(l[..l.IndexOf(' ')], 8)));
            git.ListDirectory(head, path).Should().Equal(expected, path);
        }

        foreach (var path in new[] { "README", "link", "sub", "missing", "backend/index.yaml" })
            git.ListDirectory(head, path).Should().BeNull(path);
    }

    [TestCase("gc", 6)]
    [TestCase("repack", 6)]
    [TestCase("ref-delta", 7)]
    public void The_packed_layouts_really_hold_chains_of_deltas(string layout, int deltaType)
    {
        var repository = Layout(layout);
        Directory.GetDirectories(Path.Combine(repository.GitDirectory, "objects"), "??").SelectMany(Directory.GetFiles)
            .Should().BeEmpty("every object is packed");
        var index = Directory.GetFiles(Path.Combine(repository.GitDirectory, "objects", "pack"), "*.idx").Single();
        var rows = repository.Git("verify-pack", "-v", index).Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(r => r.Length == 7 && r[0].Length == 40).ToList();
        rows.Max(r => int.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture)).Should().BeGreaterThan(5, "some chain is deep");
        var pack = new PackFile(index, Path.ChangeExtension(index, ".pack"));
        using var stream = pack.Open();
        rows.Select(r => pack.ReadEntry(stream, long.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture), r[0]).Type)
            .Should().OnlyContain(t => t == deltaType);
    }

    [Test]
    public void A_detached_head_is_the_commit_it_names()
    {
        var repository = Layout("detached");
        Open(repository).Resolve("HEAD").Should().Be(repository.Git("rev-parse", "main~3"));
    }

    [TestCase("loose")]
    [TestCase("gc")]
    public void An_abbreviated_id_is_a_ref_first_then_a_unique_object(string layout)
    {
        var repository = Layout(layout);
        var git = Open(repository);
        var head = git.Resolve("main");
        var four = head[..4];
        var matches = repository.Git("rev-parse", $"--disambiguate={four}").Split('\n');
        if (matches.Length == 1)
            git.Resolve(four).Should().Be(head);
        else
            git.Invoking(g => g.Resolve(four)).Should().Throw<GitError>().Where(e => e.Message.Contains("ambiguous"));
        git.Resolve(head[..5]).Should().Be(repository.Git("rev-parse", "--verify", head[..5] + "^{commit}"));
        git.Invoking(g => g.Resolve(head[..3])).Should().Throw<GitError>().Which.Problem.Should().Be(GitProblem.NotFound);
        git.Invoking(g => g.Resolve("0000000")).Should().Throw<GitError>().Which.Problem.Should().Be(GitProblem.NotFound);
    }

    [TestCase("HEAD^3", GitProblem.NotFound)]
    [TestCase("HEAD~1000", GitProblem.NotFound)]
    [TestCase("HEAD~99999999999", GitProblem.NotFound)]
    [TestCase("nope", GitProblem.NotFound)]
    [TestCase("", GitProblem.NotFound)]
    [TestCase("v1^{commit}", GitProblem.Unsupported)]
    [TestCase("HEAD@{1}", GitProblem.Unsupported)]
    [TestCase("HEAD:README", GitProblem.Unsupported)]
    [TestCase("HEAD..main", GitProblem.Unsupported)]
    [TestCase("../../../../etc/passwd", GitProblem.Unsupported)]
    [TestCase("refs/heads/../../config", GitProblem.Unsupported)]
    [TestCase("/etc/passwd", GitProblem.NotFound)]
    [TestCase("config", GitProblem.NotFound)]
    [TestCase("ORIG_HEAD", GitProblem.NotFound)]
    [TestCase("heads/.hidden", GitProblem.NotFound)]
    [TestCase("main\nHEAD", GitProblem.NotFound)]
    public void A_revision_that_names_nothing_is_an_error_of_its_kind(string revision, GitProblem problem)
    {
        var git = Open(Layout("loose"));
        var error = git.Invoking(g => g.Resolve(revision)).Should().Throw<GitError>().Which;
        error.Problem.Should().Be(problem);
        error.Message.Should().NotContain("\n");
        if (problem == GitProblem.NotFound && revision.Length > 0 && !revision.Contains('^') && !revision.Contains('~'))
            error.Message.Should().Be($"no revision '{revision.Replace('\n', '?')}' in {git.GitDirectory}");
    }

    [Test]
    public void A_blob_or_tree_is_not_a_commit()
    {
        var repository = Layout("loose");
        var git = Open(repository);
        var tree = repository.Git("rev-parse", "HEAD^{tree}");
        git.Invoking(g => g.Resolve(tree)).Should().Throw<GitError>().Which.Message.Should().Contain("is a tree, not a commit");
        git.Invoking(g => g.ReadFile(tree, "README")).Should().Throw<GitError>().Which.Problem.Should().Be(GitProblem.NotFound);
        git.Invoking(g => g.ReadFile("HEAD", "README")).Should().Throw<ArgumentException>();
    }
}
