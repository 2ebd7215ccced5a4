using BackendLint.Cli;
using BackendLint.Model;
using BackendLint.Parsing;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Hostile;

/// <summary>
/// The backend source tree a pull request can commit: links that loop or lead out of the
/// repository, and more names than a run lists. The tree is listed by name only, never through a link.
/// </summary>
[NonParallelizable]
public class SourceTreeTests : OutsideLinkFixture
{
    [Test]
    public void A_loop_of_links_is_listed_as_links_and_never_followed()
    {
        var python = Path.Combine(Repo, "backend", "python");
        Directory.CreateSymbolicLink(Path.Combine(python, "loop-a"), "loop-b");
        Directory.CreateSymbolicLink(Path.Combine(python, "loop-b"), "loop-a");
        Directory.CreateSymbolicLink(Path.Combine(python, "vllm", "self"), ".");

        var tree = Within.Seconds(10, () => SourceTreeReader.Read(Repo))!;

        tree.Directory("python", "loop-a").Should().BeNull("a link is not a directory of the tree");
        tree.Directory("python", "vllm")!.Entries.Should().Contain(new TreeEntry("self", TreeEntryKind.Link));
        Check().Should().Be((ExitCode.Success, "0 errors, 0 warnings in 0 of 6 backends\n", ""));
    }

    [Test]
    public void A_backend_directory_linkedOutside_is_not_listed_and_does_not_count()
    {
        var whisper = Path.Combine(Repo, "backend", "go", "whisper");
        Directory.Delete(whisper, recursive: true);
        File.WriteAllText(Path.Combine(Outside, "secret-token-1234"), "");
        Directory.CreateSymbolicLink(whisper, Outside);

        var tree = SourceTreeReader.Read(Repo)!;
        var (exit, output, error) = Check();

        tree.Directories.SelectMany(d => d.Entries).Should().NotContain(e => e.Name.Contains("secret", StringComparison.Ordinal));
        exit.Should().Be(ExitCode.Findings);
        error.Should().BeEmpty();
        output.Should().Contain("Backend 'whisper' is built from 'backend/go/whisper/'").And.NotContain("secret");
    }

    [Test]
    public void The_backend_directory_as_a_link_is_an_input_error_of_the_tree_only()
    {
        var backend = Path.Combine(Repo, "backend");
        Directory.Move(backend, Path.Combine(Repo, "real-backend"));
        Directory.CreateSymbolicLink(backend, "real-backend");

        var (exit, _, error) = Check();

        exit.Should().Be(ExitCode.InputError);
        error.Should().Be("backend:1:1: error: the directory is a symbolic link to 'real-backend'; the backend tree is listed without following links\n"
            + "backendlint: note: not run, as a source they need could not be read: BL2007, BL4001, BL4002\n");
    }

    [Test]
    public void More_names_than_the_limit_are_one_input_error_and_the_other_rules_still_run()
    {
        var many = Path.Combine(Repo, "backend", "python", "many");
        Directory.CreateDirectory(many);
        for (var i = 0; i <= SourceTreeReader.MaxEntries; i++)
            File.WriteAllBytes(Path.Combine(many, $"f{i}"), []);

        var (exit, output, error) = Check();

        exit.Should().Be(ExitCode.InputError);
        Run.WithoutTotal(output).Should().Be("0 errors, 0 warnings in 0 backends\n");
        error.Should().Be("backend:1:1: error: the backend tree has more than 50,000 entries, more than BackendLint lists\n"
            + "backendlint: note: not run, as a source they need could not be read: BL2007, BL4001, BL4002\n");
    }

    [Test]
    public void Without_a_backend_directory_the_tree_rules_are_not_run_with_a_note()
    {
        // The gallery is read from elsewhere; no backend/ at all.
        var index = Path.Combine(Repo, "gallery.yaml");
        File.Move(Path.Combine(Repo, "backend", "index.yaml"), index);
        Directory.Delete(Path.Combine(Repo, "backend"), recursive: true);

        var (exit, output, error) = Within.Seconds(30, () => Run.InProcess("check", Repo, "--no-color", "--index", "gallery.yaml"));

        exit.Should().Be(ExitCode.Success);
        output.Should().Be("0 errors, 0 warnings in 0 of 6 backends\n");
        error.Should().Be("backendlint: note: not run, as 'backend/' does not exist: BL2007, BL4001, BL4002\n");
    }
}
