using System.Text.RegularExpressions;
using BackendLint.Tests.Support;

namespace BackendLint.Tests;

/// <summary>
/// Namespaces depend one way (docs/architecture.md): Text ← Parsing → Model ← Checks → Findings ← Reporting ← Cli; Adoption (configuration, suppressions, baselines) sits on Checks, Git on nothing, Fixing (applying edits, diffs) on Model and Findings, and Cli uses them all.
/// Read from the sources: every <c>using BackendLint.X</c> and every qualified <c>BackendLint.X.</c> name.
/// </summary>
public partial class ArchitectureTests
{
    // What each namespace may use besides itself. Text is the coordinate system everyone shares.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Text"] = [],
        ["Parsing"] = ["Text", "Model"],
        ["Model"] = ["Text"],
        ["Checks"] = ["Text", "Model", "Findings"],
        ["Findings"] = ["Text"],
        ["Reporting"] = ["Text", "Findings"],
        ["Git"] = [],
        ["Adoption"] = ["Text", "Parsing", "Model", "Checks", "Findings"],
        ["Fixing"] = ["Text", "Model", "Findings"],
        ["Cli"] = ["Text", "Parsing", "Model", "Checks", "Findings", "Reporting", "Git", "Adoption", "Fixing"],
    };

    public static IEnumerable<string> Namespaces() => Allowed.Keys;

    [TestCaseSource(nameof(Namespaces))]
    public void A_namespace_uses_only_the_ones_below_it(string ns)
    {
        var directory = Path.Combine(Lint.RepositoryRoot, "BackendLint", ns);
        var files = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories);
        files.Should().NotBeEmpty();
        foreach (var file in files)
        {
            var used = Reference().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).Distinct()
                .Where(u => u != ns && Allowed.ContainsKey(u));
            used.Should().BeSubsetOf(Allowed[ns], $"{Path.GetRelativePath(Lint.RepositoryRoot, file)} is in {ns}");
        }
    }

    [Test]
    public void Every_source_directory_is_a_known_namespace()
    {
        Directory.GetDirectories(Path.Combine(Lint.RepositoryRoot, "BackendLint")).Select(Path.GetFileName)
            .Where(d => d is not ("bin" or "obj")).Should().BeSubsetOf(Allowed.Keys);
    }

    [GeneratedRegex(@"\bBackendLint\.([A-Z][A-Za-z]+)\b")]
    private static partial Regex Reference();
}
