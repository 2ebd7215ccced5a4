using BackendLint.Tests.Support;

namespace BackendLint.Tests.Hostile;

/// <summary>Output files in a directory a pull request controls: links planted where BackendLint writes.</summary>
public class OutputFileTests
{
    private string _repo = "";
    private string _victim = "";

    [SetUp]
    public void CreateRepository()
    {
        _repo = BrokenRepository.Create("README", "");
        _victim = Path.Combine(Directory.CreateTempSubdirectory("backendlint-victim-").FullName, "victim");
        File.WriteAllText(_victim, "ORIGINAL");
    }

    [TearDown]
    public void DeleteRepository()
    {
        Directory.Delete(_repo, recursive: true);
        Directory.Delete(Path.GetDirectoryName(_victim)!, recursive: true);
    }

    // The old temporary name was '.<name>.<pid>.tmp': links for every likely process id would be followed.
    [Test]
    public void Links_planted_under_likely_temporary_names_are_never_followed()
    {
        var pid = Environment.ProcessId;
        for (var id = Math.Max(1, pid - 50); id <= pid + 50; id++)
            File.CreateSymbolicLink(Path.Combine(_repo, $".backendlint.sarif.{id}.tmp"), _victim);

        Run.InProcess("check", _repo, "--sarif", Path.Combine(_repo, "backendlint.sarif")).Exit.Should().Be(0);

        File.ReadAllText(_victim).Should().Be("ORIGINAL");
        File.ReadAllText(Path.Combine(_repo, "backendlint.sarif")).Should().StartWith("{");
        Directory.GetFiles(_repo, ".backendlint.sarif.*").Should().HaveCount(101, "only the planted links, no temporary file left behind");
    }

    [Test]
    public void A_link_at_the_target_is_replaced_not_written_through()
    {
        var target = Path.Combine(_repo, "backendlint.sarif");
        File.CreateSymbolicLink(target, _victim);

        Run.InProcess("check", _repo, "--sarif", target).Exit.Should().Be(0);

        File.ReadAllText(_victim).Should().Be("ORIGINAL");
        new FileInfo(target).LinkTarget.Should().BeNull();
        File.ReadAllText(target).Should().StartWith("{");
    }

    [Test]
    public void Output_to_dev_stdout_is_written_to_not_replaced()
    {
        var (exit, output, _) = Run.Process("check", Path.Combine(Lint.FixturesDirectory, "localai-default"), "--format", "sarif", "--output", "/dev/stdout");
        exit.Should().Be(0);
        output.Should().StartWith("{").And.Contain("\"version\": \"2.1.0\"");
    }
}
