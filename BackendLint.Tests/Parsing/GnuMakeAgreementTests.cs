using System.Diagnostics;
using BackendLint.Parsing.Make;
using BackendLint.Text;

namespace BackendLint.Tests.Parsing;

/// <summary>
/// The reader's joining of logical lines checked against GNU make's own reading: each case is a
/// throw-away Makefile that <c>make -p</c> prints back as its database.
/// </summary>
public class GnuMakeAgreementTests
{
    private static readonly string[] Cases =
    [
        ".NOTPARALLEL: backends/a \\\n   backends/b # backends/c \\\n   backends/d\nX = 1\n",
        ".NOTPARALLEL: backends/a \\  \nX = 1\n",
        ".NOTPARALLEL: backends/a \\\\\nX = 1\n",
        ".NOTPARALLEL: \\\n\\\n\tbackends/a\t\\\n\t\tbackends/b\n",
        ".NOTPARALLEL: backends/a\\\nbackends/b\n",
        ".NOTPARALLEL: backends/a \\\r\n backends/b\r\n",
        "docker-build-backends: docker-build-a docker-build-b # docker-build-c\n",
        "BACKEND_A = a|python|\\\n   ./backend|false|true\n",
        "BACKEND_A := a|golang|.|--progress=plain|true # a comment\n",
        "BACKEND_A ?= a|golang|\\#not-a-comment|false|true\n",
        "define x\n.NOTPARALLEL: backends/in-define\nendef\n.NOTPARALLEL: backends/after\n",
    ];

    [TestCaseSource(nameof(Cases))]
    public void Reader_agrees_with_make(string makefile)
    {
        var make = MakeDatabase(makefile);
        var facts = MakefileReader.Read(new SourceText("Makefile", makefile)).Facts;

        string? ours = facts.NotParallel is { } list ? string.Join(' ', list.Prerequisites.Select(p => p.Value)) : null;
        if (facts.DockerBuildBackends is { } build)
            ours = string.Join(' ', build.Prerequisites.Select(p => p.Value));
        foreach (var definition in facts.Definitions)
            ours = string.Join('|', definition.Name.Value, definition.DockerfileType.Value, definition.Context.Value, definition.Progress.Value, definition.NeedsBackendArg.Value);

        var theirs = make.FirstOrDefault(l => l.StartsWith(".NOTPARALLEL:", StringComparison.Ordinal) || l.StartsWith("docker-build-backends:", StringComparison.Ordinal) || l.StartsWith("BACKEND_A ", StringComparison.Ordinal));
        theirs.Should().NotBeNull("make printed: " + string.Join(" / ", make));
        var value = theirs!.StartsWith("BACKEND_A", StringComparison.Ordinal)
            ? string.Join('|', theirs[(theirs.IndexOf('=') + 1)..].Split('|').Select(f => f.Trim()))
            : theirs[(theirs.IndexOf(':') + 1)..].Trim();
        (ours ?? "").Should().Be(value);
    }

    private static List<string> MakeDatabase(string makefile)
    {
        var path = Path.Combine(Path.GetTempPath(), $"backendlint-{Guid.NewGuid():N}.mk");
        File.WriteAllText(path, makefile);
        try
        {
            var start = new ProcessStartInfo("make", ["-pnrR", "-f", path, "__backendlint_no_such_target__"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["LANG"] = "C" },
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("make did not start");
            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return output.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
