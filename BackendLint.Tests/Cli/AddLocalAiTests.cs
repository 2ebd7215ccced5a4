using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using BackendLint.Cli;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Cli;

/// <summary>
/// The issue's acceptance on LocalAI itself: <c>add</c> a Python, a Go and a C++ backend to the tree
/// of 82c191afa, read from the mirror where it exists (nothing of LocalAI is committed here but these
/// tests' own output, condensed), then a stub source, then check: nothing about NAME, and nothing
/// else changed.
/// </summary>
public partial class AddLocalAiTests
{
    private const string Mirror = "/work/.mirror/mudler+LocalAI/repo";
    private const string Commit = "82c191afa";

    public static IEnumerable<TestCaseData> Backends()
    {
        yield return new TestCaseData("whisperx", "whisperx2", new[] { "Makefile", "backend.py", "install.sh", "requirements.txt", "run.sh", "test.sh" }, "BL4001").SetArgDisplayNames("python whisperx");
        yield return new TestCaseData("piper", "piper2", new[] { "Makefile", "main.go" }, "BL4001").SetArgDisplayNames("go piper");
        // ds4 builds with Dockerfile.ds4, which builds ds4 alone: ds42 needs its own, which is the first thing check asks for.
        yield return new TestCaseData("ds4", "ds42", new[] { "Makefile", "CMakeLists.txt" }, "BL2007").SetArgDisplayNames("cpp ds4");
    }

    [TestCaseSource(nameof(Backends))]
    public void Add_then_a_stub_source_leaves_check_nothing_to_say_about_the_new_backend(string like, string name, string[] files, string first)
    {
        using var tree = LocalAi();
        var before = Run.InProcess("check", tree.Path, "--no-color").Out;

        var (dryExit, diff, _) = Run.InProcess("add", name, "--like", like, tree.Path, "--dry-run");
        dryExit.Should().Be(ExitCode.Success);
        AddCommandTests.Golden($"localai-{Commit}.{name}.diff", Condensed(diff));

        var (exit, report, error) = Run.InProcess("add", name, "--like", like, tree.Path);
        exit.Should().Be(ExitCode.Success, error);
        report.Should().Contain($"create 'backend/");
        About(name, Run.InProcess("check", tree.Path, "--no-color").Out).Should().ContainSingle().Which.Should().EndWith($"[{first}]");

        var lang = first == "BL2007" ? "cpp" : like == "piper" ? "go" : "python";
        Directory.CreateDirectory(Path.Combine(tree.Path, "backend", lang, name));
        foreach (var file in files)
            File.WriteAllText(Path.Combine(tree.Path, "backend", lang, name, file), "");
        if (first == "BL2007")
        {
            // What add says to do by hand for a backend with its own Dockerfile.
            report.Should().Contain($"create 'backend/Dockerfile.{name}' like 'backend/Dockerfile.{like}'").And.Contain($"add a branch for 'Dockerfile.{name}'");
            File.WriteAllText(Path.Combine(tree.Path, "backend", $"Dockerfile.{name}"), "");
            File.AppendAllText(Path.Combine(tree.Path, "scripts/lib/backend-filter.mjs"), $"const stub = \"{name}\";\n");
        }

        var after = Run.InProcess("check", tree.Path, "--no-color").Out;
        About(name, after).Should().BeEmpty();
        Findings(after).Should().Equal(Findings(before), "adding a backend changes no finding about another");
    }

    [Test]
    public void Adding_a_name_inside_other_names_touches_none_of_them()
    {
        using var tree = LocalAi();

        var (exit, diff, _) = Run.InProcess("add", "whisper2", "--like", "whisper", tree.Path, "--dry-run");

        exit.Should().Be(ExitCode.Success);
        var added = diff.Split('\n').Where(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal)).ToList();
        added.Should().NotBeEmpty().And.OnlyContain(l => !l.Contains("whisperx2") && !l.Contains("faster-whisper2") && !l.Contains("FASTER_WHISPER2"));
        added.Should().Contain("+BACKEND_WHISPER2 = whisper2|golang|.|false|true");
    }

    /// <summary>The tree of 82c191afa: the files BackendLint reads and the backend tree, from the mirror's objects.</summary>
    private static TemporaryTree LocalAi()
    {
        if (!Directory.Exists(Path.Combine(Mirror, "objects")))
            Assert.Ignore($"no LocalAI mirror at {Mirror}");
        var path = Directory.CreateTempSubdirectory("backendlint-localai-").FullName;
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("set -o pipefail; git --git-dir=\"$1\" archive \"$2\" Makefile .github backend scripts | tar -x -C \"$3\"");
        start.ArgumentList.Add("archive");
        start.ArgumentList.Add(Mirror);
        start.ArgumentList.Add(Commit);
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            Assert.Ignore($"the mirror has no {Commit}: {error}");
        return new TemporaryTree(path);
    }

    private static List<string> About(string name, string output) =>
        output.Split('\n').Where(l => !l.StartsWith(' ') && l.Contains(": ", StringComparison.Ordinal) && l.Contains(name, StringComparison.Ordinal)).ToList();

    // Findings without their positions (NAME's lines move what follows them) nor the summary's total.
    private static List<string> Findings(string output) =>
        output.Split('\n').Where(l => !l.StartsWith(' ') && l.Contains(": ", StringComparison.Ordinal)).Select(l => Position().Replace(l, ":")).Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@":\d+:\d+:")]
    private static partial Regex Position();

    /// <summary>
    /// The diff without its context lines, and a long changed line (a Makefile list of 80 items) shown
    /// around its change: what add wrote, with as little of LocalAI's own text as says where.
    /// </summary>
    public static string Condensed(string diff)
    {
        var lines = diff.Split('\n');
        var output = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith(' ') || line.Length == 0)
                continue;
            if (line.StartsWith('-') && !line.StartsWith("---", StringComparison.Ordinal) && i + 1 < lines.Length && lines[i + 1].StartsWith('+') && line.Length > 160)
            {
                var (removed, added) = AroundChange(line[1..], lines[i + 1][1..]);
                output.Append('-').Append(removed).Append('\n').Append('+').Append(added).Append('\n');
                i++;
                continue;
            }

            output.Append(line).Append('\n');
        }

        return output.ToString();
    }

    private static (string Removed, string Added) AroundChange(string a, string b)
    {
        const int Around = 40;
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
            prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
            suffix++;
        var from = Math.Max(0, prefix - Around);
        string Cut(string s) => (from > 0 ? "…" : "") + s[from..Math.Min(s.Length, s.Length - suffix + Around)] + (suffix > Around ? "…" : "");
        return (Cut(a), Cut(b));
    }

    private sealed class TemporaryTree(string path) : IDisposable
    {
        public string Path { get; } = path;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
