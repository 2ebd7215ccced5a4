using BackendLint.Tests.Reporting;

namespace BackendLint.Tests.Support;

/// <summary>A temporary copy of the clean fixture with one file replaced; the caller deletes it.</summary>
public static class BrokenRepository
{
    public static string Create(string file, string content) => Create(file, System.Text.Encoding.UTF8.GetBytes(content));

    public static string Create(string file, byte[] content)
    {
        var repo = Directory.CreateTempSubdirectory("backendlint-").FullName;
        SarifReporterTests.CopyDirectory(Path.Combine(Lint.FixturesDirectory, "localai-default"), repo);
        File.Delete(Path.Combine(repo, "expected.txt"));
        if (File.Exists(Path.Combine(repo, "expected.sarif")))
            File.Delete(Path.Combine(repo, "expected.sarif"));
        File.WriteAllBytes(Path.Combine(repo, file), content);
        return repo;
    }
}
