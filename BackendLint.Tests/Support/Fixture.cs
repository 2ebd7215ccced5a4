using System.Diagnostics;

namespace BackendLint.Tests.Support;

/// <summary>A fixture repository materialized by <c>fixtures/materialize.sh</c> into a temporary directory that disposing deletes.</summary>
public sealed class Fixture : IDisposable
{
    /// <summary>The one complete repository; every other fixture is an <c>overlay.patch</c> against it.</summary>
    public const string Base = "localai-default";

    private Fixture(string name, string path)
    {
        Name = name;
        Path = path;
    }

    public string Name { get; }

    /// <summary>The materialized repository: the base with the fixture's overlay applied, without <c>expected.*</c>.</summary>
    public string Path { get; }

    /// <summary>The base repository as committed, to read in place where a test needs no overlay.</summary>
    public static string BaseDirectory => SourceDirectory(Base);

    /// <summary>Where a fixture's <c>expected.txt</c>, <c>expected.sarif</c> and <c>overlay.patch</c> live.</summary>
    public static string SourceDirectory(string name) => System.IO.Path.Combine(Lint.FixturesDirectory, name);

    /// <summary>Every fixture: the base first, then the overlays in ordinal order.</summary>
    public static IEnumerable<string> Names() =>
    [
        Base,
        .. Directory.GetDirectories(Lint.FixturesDirectory).Select(d => System.IO.Path.GetFileName(d)).Where(n => n != Base).Order(StringComparer.Ordinal),
    ];

    /// <summary>The overlays alone, without the base.</summary>
    public static IEnumerable<string> Overlays() => Names().Skip(1);

    /// <summary>Runs the same script as the .ci checks, so a fixture cannot be built two ways.</summary>
    public static Fixture Materialize(string name)
    {
        var path = Directory.CreateTempSubdirectory("backendlint-fixture-").FullName;
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(System.IO.Path.Combine(Lint.FixturesDirectory, "materialize.sh"));
        start.ArgumentList.Add(name);
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode == 0)
            return new Fixture(name, path);

        Directory.Delete(path, recursive: true);
        throw new InvalidOperationException($"fixtures/materialize.sh {name} exited {process.ExitCode}: {error}{output.Result}");
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
