using BackendLint.Parsing.Yaml;
using BackendLint.Tests.Support;
using BackendLint.Text;

namespace BackendLint.Tests;

/// <summary>The YAML files users load: an unquoted ': ' in a description once made action.yml unloadable.</summary>
public class DeliveryFileTests
{
    public static IEnumerable<string> Files() =>
        new[] { "action.yml", ".pre-commit-hooks.yaml" }
            .Concat(Directory.GetFiles(Path.Combine(Lint.RepositoryRoot, ".github", "workflows"), "*.yml").Select(f => Path.GetRelativePath(Lint.RepositoryRoot, f)));

    [TestCaseSource(nameof(Files))]
    public void Parses_as_yaml(string file)
    {
        var source = new SourceText(file, File.ReadAllText(Path.Combine(Lint.RepositoryRoot, file)));
        YamlDocumentReader.Read(source).Root.Should().NotBeNull();
    }
}
