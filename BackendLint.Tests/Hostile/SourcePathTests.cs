using BackendLint.Cli;
using BackendLint.Parsing;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Hostile;

/// <summary>Sources a pull request can commit as symbolic links, and what else is not a regular file.</summary>
[NonParallelizable]
public class SourcePathTests : OutsideLinkFixture
{
    private void Link(string source, string target)
    {
        var path = Path.Combine(Repo, source);
        File.Delete(path);
        File.CreateSymbolicLink(path, target);
    }

    [Test]
    public void A_gallery_linked_to_dev_zero_is_an_input_error_not_an_endless_read()
    {
        Link("backend/index.yaml", "/dev/zero");
        var (exit, _, error) = Check();
        exit.Should().Be(ExitCode.InputError);
        error.Should().StartWith("backend/index.yaml:1:1: error: the file is a symbolic link to '/dev/zero', outside the repository; only files inside it are read\n");
    }

    [Test]
    public void A_makefile_linked_to_a_fileOutside_is_not_read()
    {
        var secret = Path.Combine(Outside, "secret");
        File.WriteAllText(secret, "BACKEND_SECRET = token-1234|python|.|false|true\n");
        Link("Makefile", secret);
        var (exit, output, error) = Check();
        exit.Should().Be(ExitCode.InputError);
        error.Should().StartWith($"Makefile:1:1: error: the file is a symbolic link to '{secret}', outside the repository");
        output.Should().NotContain("token-1234");
    }

    [Test]
    public void A_directory_linkedOutside_takes_its_filesOutside_too()
    {
        Directory.Move(Path.Combine(Repo, "backend"), Path.Combine(Outside, "backend"));
        File.CreateSymbolicLink(Path.Combine(Repo, "backend"), Path.Combine(Outside, "backend"));
        Check().Err.Should().StartWith("backend/index.yaml:1:1: error: the file is a symbolic link to '" + Path.Combine(Outside, "backend", "index.yaml") + "', outside the repository");
    }

    [Test]
    public void A_link_to_a_file_inside_theRepository_is_read()
    {
        File.Move(Path.Combine(Repo, "Makefile"), Path.Combine(Repo, "Makefile.real"));
        File.CreateSymbolicLink(Path.Combine(Repo, "Makefile"), "Makefile.real");
        Run.WithoutTotal(Check()).Should().Be((ExitCode.Success, "0 errors, 0 warnings in 0 backends\n", ""));
    }

    // A directory beside the repository whose name starts with the repository's own is still outside it.
    [Test]
    public void A_sibling_with_the_same_name_prefix_isOutside()
    {
        var sibling = Repo + "-evil";
        Directory.CreateDirectory(sibling);
        try
        {
            File.WriteAllText(Path.Combine(sibling, "Makefile"), "");
            Link("Makefile", Path.Combine(sibling, "Makefile"));
            Check().Err.Should().StartWith($"Makefile:1:1: error: the file is a symbolic link to '{sibling}/Makefile', outside the repository");
        }
        finally
        {
            Directory.Delete(sibling, recursive: true);
        }
    }

    [Test]
    public void Relative_links_with_dot_and_dot_dot_are_followed_from_their_directory()
    {
        File.WriteAllText(Path.Combine(Outside, "secret"), "X = 1\n");
        var depth = string.Concat(Enumerable.Repeat("../", Repo.Count(c => c == '/')));
        Link("Makefile", "./" + depth + Outside.TrimStart('/') + "/./secret");
        Check().Err.Should().StartWith($"Makefile:1:1: error: the file is a symbolic link to '{Outside}/secret', outside the repository");

        File.Move(Path.Combine(Repo, "backend", "index.yaml"), Path.Combine(Repo, "index.real"));
        File.CreateSymbolicLink(Path.Combine(Repo, "backend", "index.yaml"), "./../backend/../index.real");
        Run.InProcess("check", Repo, "--no-color", "--makefile", "backend/index.yaml").Err.Should().NotContain("symbolic link");
    }

    [Test]
    public void Forty_links_in_a_row_are_followed_and_one_more_is_a_loop()
    {
        File.Move(Path.Combine(Repo, "Makefile"), Path.Combine(Repo, "Makefile.0"));
        for (var i = 1; i <= 41; i++)
            File.CreateSymbolicLink(Path.Combine(Repo, $"Makefile.{i}"), $"Makefile.{i - 1}");
        File.CreateSymbolicLink(Path.Combine(Repo, "Makefile"), "Makefile.39");
        Run.WithoutTotal(Check()).Should().Be((BackendLint.Cli.ExitCode.Success, "0 errors, 0 warnings in 0 backends\n", ""));
        Link("Makefile", "Makefile.40");
        Check().Err.Should().StartWith("Makefile:1:1: error: the file is a loop of symbolic links\n");
    }

    [Test]
    public void A_source_of_exactly_100_MB_is_allowed()
    {
        var path = Path.Combine(Repo, "big");
        using (var file = new FileStream(path, FileMode.Create))
            file.SetLength(SourceFileGuard.MaxBytes); // sparse: nothing is written
        SourceFileGuard.Check(Repo, path, "big").Should().Be(path);
    }

    [Test]
    public void A_pipe_is_an_input_error_not_a_read_that_waits_forever()
    {
        var fifo = Path.Combine(Repo, "Makefile");
        File.Delete(fifo);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
            mkfifo.WaitForExit();
        Check().Err.Should().StartWith("Makefile:1:1: error: expected a regular file, found a device, pipe or socket\n");
    }

    [Test]
    public void A_directory_is_an_input_error()
    {
        File.Delete(Path.Combine(Repo, "Makefile"));
        Directory.CreateDirectory(Path.Combine(Repo, "Makefile"));
        Check().Err.Should().StartWith("Makefile:1:1: error: expected a file, found a directory\n");
    }

    [Test]
    public void A_loop_of_links_is_an_input_error()
    {
        Link("Makefile", "Makefile.b");
        File.CreateSymbolicLink(Path.Combine(Repo, "Makefile.b"), "Makefile");
        Check().Err.Should().StartWith("Makefile:1:1: error: the file is a loop of symbolic links\n");
    }

    [Test]
    public void A_dangling_link_says_where_it_points()
    {
        Link("Makefile", "gone");
        Check().Err.Should().StartWith($"Makefile:1:1: error: the file is a symbolic link to '{Path.Combine(Repo, "gone")}', which does not exist\n");
    }

    [Test]
    public void A_source_over_100_MB_is_an_input_error_before_it_is_read()
    {
        using (var file = new FileStream(Path.Combine(Repo, "Makefile"), FileMode.Create))
            file.SetLength(SourceFileGuard.MaxBytes + 1); // sparse: nothing is written
        Check().Err.Should().StartWith("Makefile:1:1: error: the file is 104,857,601 bytes, more than the 104,857,600 a source may have\n");
    }
}
