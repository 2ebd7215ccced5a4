using BackendLint.Tests.Support;

namespace BackendLint.Tests.Hostile;

/// <summary>A fresh repository and a directory outside it, for the tests of links a pull request can commit.</summary>
public abstract class OutsideLinkFixture
{
    protected string Repo { get; private set; } = "";

    protected string Outside { get; private set; } = "";

    [SetUp]
    public void CreateRepository()
    {
        Repo = BrokenRepository.Create("README", "");
        Outside = Directory.CreateTempSubdirectory("backendlint-outside-").FullName;
    }

    [TearDown]
    public void DeleteRepository()
    {
        Directory.Delete(Repo, recursive: true);
        Directory.Delete(Outside, recursive: true);
    }

    protected (int Exit, string Out, string Err) Check() => Within.Seconds(30, () => Run.InProcess("check", Repo, "--no-color"));
}
