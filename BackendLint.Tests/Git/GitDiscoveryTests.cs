using BackendLint.Git;

namespace BackendLint.Tests.Git;

/// <summary>Finding the repository as git does (worktrees, .git files, submodules, bare, shared), and the states where a revision has no commit to read.</summary>
[NonParallelizable]
public sealed class GitDiscoveryTests
{
    private GitTestRepository _origin = null!;
    private readonly List<string> _cleanup = [];

    [SetUp]
    public void CreateOrigin()
    {
        _origin = new GitTestRepository();
        for (var i = 1; i <= 3; i++)
        {
            _origin.Write("backend/index.yaml", $"version {i}\n");
            _origin.Commit($"commit {i}");
        }
    }

    [TearDown]
    public void Delete()
    {
        _origin.Dispose();
        foreach (var directory in _cleanup.Where(Directory.Exists))
            Directory.Delete(directory, recursive: true);
    }

    private string Temporary()
    {
        var directory = Directory.CreateTempSubdirectory("backendlint-git-").FullName;
        _cleanup.Add(directory);
        return directory;
    }

    [Test]
    public void A_repository_is_found_from_any_directory_inside_its_work_tree()
    {
        Directory.CreateDirectory(Path.Combine(_origin.Path, "a", "b"));
        var git = GitRepository.Discover(Path.Combine(_origin.Path, "a", "b") + "/")!;
        git.WorkTree.Should().Be(_origin.Path);
        git.GitDirectory.Should().Be(_origin.GitDirectory);
        git.IsShallow.Should().BeFalse();
        git.Resolve("HEAD").Should().Be(_origin.Git("rev-parse", "HEAD"));
    }

    [Test]
    public void A_linked_worktree_has_its_own_head_and_shares_objects_and_refs()
    {
        var worktree = Path.Combine(Temporary(), "wt");
        _origin.Git("worktree", "add", "-q", "-b", "side", worktree, "HEAD~1");
        GitTestRepository.Run(worktree, "commit", "-q", "--allow-empty", "-m", "in the worktree");
        var git = GitRepository.Discover(worktree)!;
        git.WorkTree.Should().Be(worktree);
        git.GitDirectory.Should().Be(Path.Combine(_origin.GitDirectory, "worktrees", "wt"));
        git.Resolve("HEAD").Should().Be(GitTestRepository.Run(worktree, "rev-parse", "HEAD"));
        git.Resolve("main").Should().Be(_origin.Git("rev-parse", "main"));
        git.Resolve("HEAD~1").Should().Be(_origin.Git("rev-parse", "main~1"));
        GitRepository.Discover(_origin.Path)!.Resolve("HEAD").Should().Be(_origin.Git("rev-parse", "main"));
        git.ReadFile(git.Resolve("HEAD"), "backend/index.yaml").Should().Equal("version 2\n"u8.ToArray());
    }

    [Test]
    public void A_git_file_names_the_git_directory_absolute_or_relative_to_itself()
    {
        var store = Path.Combine(Temporary(), "store.git");
        var work = Path.Combine(Path.GetDirectoryName(store)!, "work");
        GitTestRepository.Run(_origin.Path, "init", "-q", $"--separate-git-dir={store}", work);
        File.ReadAllText(Path.Combine(work, ".git")).Should().StartWith("gitdir: /");
        GitTestRepository.Run(work, "commit", "-q", "--allow-empty", "-m", "one");
        var git = GitRepository.Discover(work)!;
        (git.WorkTree, git.GitDirectory).Should().Be((work, store));
        git.Resolve("HEAD").Should().Be(GitTestRepository.Run(work, "rev-parse", "HEAD"));

        File.WriteAllText(Path.Combine(work, ".git"), "gitdir: ../store.git\n");
        GitRepository.Discover(work)!.GitDirectory.Should().Be(store);
        File.WriteAllText(Path.Combine(work, ".git"), "gitdir: ../nowhere\n");
        FluentActions.Invoking(() => GitRepository.Discover(work)).Should().Throw<GitError>().Which.Problem.Should().Be(GitProblem.NotARepository);
    }

    [Test]
    public void A_submodule_is_its_own_repository_and_a_null_file_in_its_superproject()
    {
        var super = new GitTestRepository(Path.Combine(Temporary(), "super"));
        super.Git("submodule", "add", "-q", _origin.Path, "sub");
        super.Commit("add a submodule");
        var sub = Path.Combine(super.Path, "sub");
        var git = GitRepository.Discover(sub)!;
        git.GitDirectory.Should().Be(Path.Combine(super.GitDirectory, "modules", "sub"));
        git.Resolve("HEAD").Should().Be(_origin.Git("rev-parse", "HEAD"));
        var superproject = GitRepository.Discover(super.Path)!;
        superproject.ReadFile(superproject.Resolve("HEAD"), "sub").Should().BeNull();
        superproject.ReadFile(superproject.Resolve("HEAD"), ".gitmodules").Should().NotBeNull();
    }

    [Test]
    public void A_bare_repository_is_found_only_where_it_starts()
    {
        var bare = Path.Combine(Temporary(), "bare.git");
        GitTestRepository.Run(_origin.Path, "clone", "-q", "--bare", _origin.Path, bare);
        var git = GitRepository.Discover(bare)!;
        git.WorkTree.Should().BeNull();
        git.GitDirectory.Should().Be(bare);
        git.Resolve("main~2").Should().Be(_origin.Git("rev-parse", "main~2"));
        git.ReadFile(git.Resolve("main"), "backend/index.yaml").Should().Equal(_origin.Show("main", "backend/index.yaml"));
        GitRepository.Discover(Path.Combine(bare, "refs")).Should().BeNull();
    }

    [Test]
    public void A_shared_clone_reads_objects_through_its_alternates()
    {
        var shared = Path.Combine(Temporary(), "shared");
        GitTestRepository.Run(_origin.Path, "clone", "-q", "--shared", _origin.Path, shared);
        File.Exists(Path.Combine(shared, ".git", "objects", "info", "alternates")).Should().BeTrue();
        Directory.GetDirectories(Path.Combine(shared, ".git", "objects"), "??").Should().BeEmpty("the clone has no objects of its own");
        var git = GitRepository.Discover(shared)!;
        git.Resolve("origin/main~1").Should().Be(_origin.Git("rev-parse", "main~1"));
        git.ReadFile(git.Resolve("HEAD"), "backend/index.yaml").Should().Equal("version 3\n"u8.ToArray());
    }

    [Test]
    public void Alternates_are_followed_five_levels_deep_and_no_further()
    {
        var objects = Path.Combine(_origin.GitDirectory, "objects");
        var blob = _origin.Git("rev-parse", "HEAD:backend/index.yaml");
        var chain = Enumerable.Range(0, 7).Select(_ => Path.Combine(Temporary(), "objects")).ToList();
        foreach (var directory in chain)
            Directory.CreateDirectory(Path.Combine(directory, "info"));
        for (var i = 0; i < chain.Count - 1; i++)
            File.WriteAllText(Path.Combine(chain[i], "info", "alternates"), "# a comment\n" + chain[i + 1] + "\n");
        File.WriteAllText(Path.Combine(chain[^1], "info", "alternates"), objects + "\n" + chain[0] + "\n"); // and a loop back
        new ObjectStore(chain[^5]).TryRead(blob).Should().NotBeNull("the origin's objects are its fifth alternate");
        new ObjectStore(chain[^6]).TryRead(blob).Should().BeNull("the origin's objects are its sixth alternate");
    }

    [Test]
    public void A_shallow_clone_reads_its_commit_and_names_the_fix_for_history_it_lacks()
    {
        var clone = Path.Combine(Temporary(), "shallow");
        GitTestRepository.Run(_origin.Path, "clone", "-q", "--depth", "1", "file://" + _origin.Path, clone);
        var git = GitRepository.Discover(clone)!;
        git.IsShallow.Should().BeTrue();
        git.Resolve("HEAD").Should().Be(_origin.Git("rev-parse", "HEAD"));
        git.ReadFile(git.Resolve("HEAD"), "backend/index.yaml").Should().Equal("version 3\n"u8.ToArray());
        foreach (var revision in new[] { "HEAD~1", "HEAD^", "origin/main~2", _origin.Git("rev-parse", "HEAD~2"), _origin.Git("rev-parse", "HEAD~1")[..10] })
        {
            var error = git.Invoking(g => g.Resolve(revision)).Should().Throw<GitError>(revision).Which;
            error.Problem.Should().Be(GitProblem.Shallow, revision);
            error.Message.Should().Contain($"'{revision}'").And.Contain("fetch-depth: 0");
        }
        git.Invoking(g => g.ReadFile(_origin.Git("rev-parse", "HEAD~1"), "backend/index.yaml")).Should().Throw<GitError>()
            .Which.Message.Should().Contain("git fetch --depth=1 origin " + _origin.Git("rev-parse", "HEAD~1"));
    }

    [Test]
    public void A_clone_two_commits_deep_reaches_exactly_one_parent()
    {
        var clone = Path.Combine(Temporary(), "shallow");
        GitTestRepository.Run(_origin.Path, "clone", "-q", "--depth", "2", "file://" + _origin.Path, clone);
        var git = GitRepository.Discover(clone)!;
        git.Resolve("HEAD~1").Should().Be(_origin.Git("rev-parse", "HEAD~1"));
        git.Invoking(g => g.Resolve("HEAD~2")).Should().Throw<GitError>().Which.Problem.Should().Be(GitProblem.Shallow);
    }

    [Test]
    public void A_repository_without_commits_has_an_unborn_head()
    {
        using var empty = new GitTestRepository(Path.Combine(Temporary(), "empty"));
        var git = GitRepository.Discover(empty.Path)!;
        var error = git.Invoking(g => g.Resolve("HEAD~1")).Should().Throw<GitError>().Which;
        error.Problem.Should().Be(GitProblem.UnbornHead);
        error.Message.Should().Contain("refs/heads/main");
        git.Invoking(g => g.Resolve("main")).Should().Throw<GitError>().Which.Problem.Should().Be(GitProblem.NotFound);
    }

    [Test]
    public void A_directory_outside_any_repository_is_not_one()
    {
        var directory = Temporary();
        GitTestRepository.RunBytes(directory, ["rev-parse", "--git-dir"]).Exit.Should().NotBe(0, "the test needs no repository above the temporary directory");
        GitRepository.Discover(directory).Should().BeNull();
        GitRepository.Discover(Path.Combine(directory, "missing")).Should().BeNull();
        Directory.CreateDirectory(Path.Combine(directory, ".git"));
        GitRepository.Discover(directory).Should().BeNull("an empty .git directory is not a repository");
    }

    [Test]
    public void A_sha256_repository_is_unsupported()
    {
        using var sha256 = new GitTestRepository(Path.Combine(Temporary(), "sha256"), init: false);
        sha256.Git("init", "-q", "--object-format=sha256");
        sha256.Git("commit", "-q", "--allow-empty", "-m", "one");
        var git = GitRepository.Discover(sha256.Path)!;
        var error = git.Invoking(g => g.Resolve("HEAD")).Should().Throw<GitError>().Which;
        error.Problem.Should().Be(GitProblem.Unsupported);
        error.Message.Should().Contain("sha256");
        git.Invoking(g => g.ReadFile(new string('a', 40), "x")).Should().Throw<GitError>().Which.Problem.Should().Be(GitProblem.Unsupported);
    }

    [Test]
    public void A_newer_repository_format_is_unsupported()
    {
        File.AppendAllText(Path.Combine(_origin.GitDirectory, "config"), "[core]\n\trepositoryformatversion = 2\n");
        GitRepository.Discover(_origin.Path)!.Invoking(g => g.Resolve("HEAD")).Should().Throw<GitError>().Which.Problem.Should().Be(GitProblem.Unsupported);
    }

    [Test]
    public void Symbolic_refs_are_followed_as_deep_as_git_follows_them_and_a_loop_is_an_error()
    {
        var heads = Path.Combine(_origin.GitDirectory, "refs", "heads");
        for (var i = 1; i <= 6; i++)
            File.WriteAllText(Path.Combine(heads, $"s{i}"), $"ref: refs/heads/s{i + 1}\n");
        File.WriteAllText(Path.Combine(heads, "s6"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(heads, "loop"), "ref: refs/heads/loop\n");
        var git = GitRepository.Discover(_origin.Path)!;
        git.Resolve("s3").Should().Be(_origin.Git("rev-parse", "s3")); // five refs read: s3, s4, s5, s6, main
        GitTestRepository.RunBytes(_origin.Path, ["rev-parse", "s2"]).Exit.Should().NotBe(0);
        git.Invoking(g => g.Resolve("s2")).Should().Throw<GitError>().Which.Problem.Should().Be(GitProblem.Corrupt);
        git.Invoking(g => g.Resolve("loop")).Should().Throw<GitError>().Which.Problem.Should().Be(GitProblem.Corrupt);
        File.WriteAllText(Path.Combine(heads, "garbage"), "not an id\n");
        git.Invoking(g => g.Resolve("garbage")).Should().Throw<GitError>().Which.Problem.Should().Be(GitProblem.Corrupt);
    }

    [Test]
    public void A_short_id_shared_by_several_objects_is_ambiguous_loose_and_packed()
    {
        for (var i = 0; i < 1000; i++)
            _origin.Write($"many/{i}", $"{i}\n");
        _origin.Commit("many blobs");
        var ids = _origin.Git("cat-file", "--batch-all-objects", "--batch-check=%(objectname)").Split('\n');
        var shared = ids.GroupBy(id => id[..4]).First(g => g.Count() > 1).Key;
        var unique = ids.GroupBy(id => id[..4]).First(g => g.Count() == 1).Single();
        foreach (var packed in new[] { false, true })
        {
            if (packed)
                _origin.Git("gc", "-q");
            var git = GitRepository.Discover(_origin.Path)!;
            var error = git.Invoking(g => g.Resolve(shared)).Should().Throw<GitError>().Which;
            error.Message.Should().Contain("ambiguous").And.Contain(shared);
            var kind = _origin.Git("cat-file", "-t", unique);
            if (kind == "commit")
                git.Resolve(unique[..4]).Should().Be(unique);
            else
                git.Invoking(g => g.Resolve(unique[..4])).Should().Throw<GitError>().Which.Message.Should().Contain($"is a {kind}, not a commit");
        }
    }
}
