using BackendLint.Cli;
using BackendLint.Parsing;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Hostile;

/// <summary>Sources a pull request can commit as symbolic links, and what else is not a regular file.</summary>
[NonParallelizable]
public class SourcePathTests
{
    private string _repo = "";
    private string _outside = "";

    [SetUp]
    public void CreateRepository()
    {
        _repo = BrokenRepository.Create("README", "");
        _outside = Directory.CreateTempSubdirectory("backendlint-outside-").FullName;
    }

    [TearDown]
    public void DeleteRepository()
    {
        Directory.Delete(_repo, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    private (int Exit, string Out, string Err) Check() => Within.Seconds(30, () => Run.InProcess("check", _repo, "--no-color"));

    private void Link(string source, string target)
    {
        var path = Path.Combine(_repo, source);
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
    public void A_makefile_linked_to_a_file_outside_is_not_read()
    {
        var secret = Path.Combine(_outside, "secret");
        File.WriteAllText(secret, "BACKEND_SECRET = token-1234|python|.|false|true\n");
        Link("Makefile", secret);
        var (exit, output, error) = Check();
        exit.Should().Be(ExitCode.InputError);
        error.Should().StartWith($"Makefile:1:1: error: the file is a symbolic link to '{secret}', outside the repository");
        output.Should().NotContain("token-1234");
    }

    [Test]
    public void A_directory_linked_outside_takes_its_files_outside_too()
    {
        Directory.Move(Path.Combine(_repo, "backend"), Path.Combine(_outside, "backend"));
        File.CreateSymbolicLink(Path.Combine(_repo, "backend"), Path.Combine(_outside, "backend"));
        Check().Err.Should().StartWith("backend/index.yaml:1:1: error: the file is a symbolic link to '" + Path.Combine(_outside, "backend", "index.yaml") + "', outside the repository");
    }

    [Test]
    public void A_link_to_a_file_inside_the_repository_is_read()
    {
        File.Move(Path.Combine(_repo, "Makefile"), Path.Combine(_repo, "Makefile.real"));
        File.CreateSymbolicLink(Path.Combine(_repo, "Makefile"), "Makefile.real");
        Run.WithoutTotal(Check()).Should().Be((ExitCode.Success, "0 errors, 0 warnings in 0 backends\n", ""));
    }

    // A directory beside the repository whose name starts with the repository's own is still outside it.
    [Test]
    public void A_sibling_with_the_same_name_prefix_is_outside()
    {
        var sibling = _repo + "-evil";
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
        File.WriteAllText(Path.Combine(_outside, "secret"), "X = 1\n");
        var depth = string.Concat(Enumerable.Repeat("../", _repo.Count(c => c == '/')));
        Link("Makefile", "./" + depth + _outside.TrimStart('/') + "/./secret");
        Check().Err.Should().StartWith($"Makefile:1:1: error: the file is a symbolic link to '{_outside}/secret', outside the repository");

        File.Move(Path.Combine(_repo, "backend", "index.yaml"), Path.Combine(_repo, "index.real"));
        File.CreateSymbolicLink(Path.Combine(_repo, "backend", "index.yaml"), "./../backend/../index.real");
        Run.InProcess("check", _repo, "--no-color", "--makefile", "backend/index.yaml").Err.Should().NotContain("symbolic link");
    }

    [Test]
    public void Forty_links_in_a_row_are_followed_and_one_more_is_a_loop()
    {
        File.Move(Path.Combine(_repo, "Makefile"), Path.Combine(_repo, "Makefile.0"));
        for (var i = 1; i <= 41; i++)
            File.CreateSymbolicLink(Path.Combine(_repo, $"Makefile.{i}"), $"Makefile.{i - 1}");
        File.CreateSymbolicLink(Path.Combine(_repo, "Makefile"), "Makefile.39");
        Run.WithoutTotal(Check()).Should().Be((BackendLint.Cli.ExitCode.Success, "0 errors, 0 warnings in 0 backends\n", ""));
        Link("Makefile", "Makefile.40");
        Check().Err.Should().StartWith("Makefile:1:1: error: the file is a loop of symbolic links\n");
    }

    [Test]
    public void A_source_of_exactly_100_MB_is_allowed()
    {
        var path = Path.Combine(_repo, "big");
        using (var file = new FileStream(path, FileMode.Create))
            file.SetLength(SourceFileGuard.MaxBytes); // sparse: nothing is written
        SourceFileGuard.Check(_repo, path, "big").Should().Be(path);
    }

    [Test]
    public void A_pipe_is_an_input_error_not_a_read_that_waits_forever()
    {
        var fifo = Path.Combine(_repo, "Makefile");
        File.Delete(fifo);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
            mkfifo.WaitForExit();
        Check().Err.Should().StartWith("Makefile:1:1: error: expected a regular file, found a device, pipe or socket\n");
    }

    [Test]
    public void A_directory_is_an_input_error()
    {
        File.Delete(Path.Combine(_repo, "Makefile"));
        Directory.CreateDirectory(Path.Combine(_repo, "Makefile"));
        Check().Err.Should().StartWith("Makefile:1:1: error: expected a file, found a directory\n");
    }

    [Test]
    public void A_loop_of_links_is_an_input_error()
    {
        Link("Makefile", "Makefile.b");
        File.CreateSymbolicLink(Path.Combine(_repo, "Makefile.b"), "Makefile");
        Check().Err.Should().StartWith("Makefile:1:1: error: the file is a loop of symbolic links\n");
    }

    [Test]
    public void A_dangling_link_says_where_it_points()
    {
        Link("Makefile", "gone");
        Check().Err.Should().StartWith($"Makefile:1:1: error: the file is a symbolic link to '{Path.Combine(_repo, "gone")}', which does not exist\n");
    }

    [Test]
    public void A_source_over_100_MB_is_an_input_error_before_it_is_read()
    {
        using (var file = new FileStream(Path.Combine(_repo, "Makefile"), FileMode.Create))
            file.SetLength(SourceFileGuard.MaxBytes + 1); // sparse: nothing is written
        Check().Err.Should().StartWith("Makefile:1:1: error: the file is 104,857,601 bytes, more than the 104,857,600 a source may have\n");
    }
}
