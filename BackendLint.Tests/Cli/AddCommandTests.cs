using BackendLint.Cli;
using BackendLint.Fixing;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Cli;

/// <summary>
/// <c>backendlint add</c> on the base fixture: the diff of a backend of each kind against its golden
/// file, nothing written by a dry run, a second run refused, every exit code, CRLF files, and check
/// afterwards saying nothing about NAME once its source directory exists.
/// </summary>
public class AddCommandTests
{
    /// <summary>Where the golden diffs of 'add' live; on a mismatch <c>NAME.actual.diff</c> is written beside them.</summary>
    public static string GoldenDirectory => Path.Combine(Lint.RepositoryRoot, "BackendLint.Tests", "Cli", "AddGolden");

    // In the order the diff lists them (ordinal).
    private static readonly string[] Sources = [Lint.MatrixFile, Lint.MakefileFile, Lint.IndexFile];

    /// <summary>A Python, a Go and a C++ backend of the base fixture, and what check wants of NAME's source directory.</summary>
    public static IEnumerable<TestCaseData> Kinds()
    {
        yield return new TestCaseData("kokoro", "kokoro2", new[] { "backend/python/kokoro2/Makefile", "backend/python/kokoro2/backend.py", "backend/python/kokoro2/install.sh", "backend/python/kokoro2/requirements.txt", "backend/python/kokoro2/run.sh", "backend/python/kokoro2/test.sh" }, "BL4001").SetArgDisplayNames("python");
        yield return new TestCaseData("whisper", "whisper2", new[] { "backend/go/whisper2/main.go" }, "BL4001").SetArgDisplayNames("go");
        // A C++ backend has a Dockerfile of its own: before it exists, that is what check reports.
        yield return new TestCaseData("llama-cpp", "llama-cpp2", new[] { "backend/cpp/llama-cpp2/Makefile", "backend/Dockerfile.llama-cpp2" }, "BL2007").SetArgDisplayNames("cpp");
    }

    [TestCaseSource(nameof(Kinds))]
    public void The_dry_run_diff_equals_the_golden_file_and_changes_nothing(string like, string name, string[] stub, string before)
    {
        using var repository = Fixture.Materialize(Fixture.Base);
        var original = Snapshot(repository.Path);

        var (exit, diff, error) = Run.InProcess("add", name, "--like", like, repository.Path, "--dry-run");

        exit.Should().Be(ExitCode.Success, error);
        error.Should().StartWith($"Would add '{name}' like '{like}' (nothing was changed):\n");
        Snapshot(repository.Path).Should().Equal(original, "a dry run writes nothing");
        Golden($"localai-default.{name}.diff", diff);
    }

    [TestCaseSource(nameof(Kinds))]
    public void After_add_check_reports_only_the_missing_source_and_with_it_nothing(string like, string name, string[] stub, string before)
    {
        using var repository = Fixture.Materialize(Fixture.Base);
        var diff = Run.InProcess("add", name, "--like", like, repository.Path, "--dry-run").Out;
        var original = Snapshot(repository.Path);

        var (exit, report, _) = Run.InProcess("add", name, "--like", like, repository.Path);

        exit.Should().Be(ExitCode.Success);
        report.Should().StartWith($"Added '{name}' like '{like}':\n").And.Contain($"Until then, check reports about '{name}':\n");
        // What was written is what the dry run showed.
        var written = Snapshot(repository.Path);
        string.Concat(Sources.Select(s => UnifiedDiff.Of(s, original[s], written[s]))).Should().Be(diff);

        var (_, findings, _) = Run.InProcess("check", repository.Path, "--no-color");
        findings.Split('\n').Where(l => !l.StartsWith(' ') && l.Contains(':', StringComparison.Ordinal) && l.Contains(name, StringComparison.Ordinal))
            .Should().ContainSingle().Which.Should().EndWith($"[{before}]");

        foreach (var file in stub)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(repository.Path, file))!);
            File.WriteAllText(Path.Combine(repository.Path, file), "");
        }

        if (like == "llama-cpp")
            File.AppendAllText(Path.Combine(repository.Path, Lint.ChangeFilterFile), "const stub = \"llama-cpp2\";\n");
        var after = Run.InProcess("check", repository.Path, "--no-color");
        after.Out.Should().Be("0 errors, 0 warnings in 0 of 7 backends\n");
        after.Exit.Should().Be(ExitCode.Success);
    }

    [Test]
    public void A_second_add_refuses_and_changes_nothing()
    {
        using var repository = Fixture.Materialize(Fixture.Base);
        Run.InProcess("add", "vllm2", "--like", "vllm", repository.Path).Exit.Should().Be(ExitCode.Success);
        var once = Snapshot(repository.Path);

        var (exit, output, error) = Run.InProcess("add", "vllm2", "--like", "vllm", repository.Path);

        exit.Should().Be(ExitCode.Usage);
        output.Should().BeEmpty();
        error.Should().StartWith("backendlint: add: backend 'vllm2' already exists (Makefile:").And.Contain("): nothing to add\n");
        Snapshot(repository.Path).Should().Equal(once);
        Run.InProcess("add", "vllm2", "--like", "vllm", repository.Path, "--dry-run").Out.Should().BeEmpty();
    }

    [TestCase(new[] { "add" }, "add: give the new backend's NAME")]
    [TestCase(new[] { "add", "vllm2" }, "add: --like EXISTING is missing")]
    [TestCase(new[] { "add", "vllm2", "--like" }, "--like: a value is missing")]
    [TestCase(new[] { "add", "Vllm2", "--like", "vllm" }, "add: 'Vllm2' is not a backend name")]
    [TestCase(new[] { "add", "vllm-development", "--like", "vllm" }, "'-development' names a backend's development build")]
    [TestCase(new[] { "add", "vllm2", "--like", "vlm" }, "add: --like: no backend named 'vlm' in the Makefile, the build matrix or the gallery; did you mean 'vllm'?")]
    [TestCase(new[] { "add", "kokoro", "--like", "vllm" }, "add: backend 'kokoro' already exists (Makefile:")]
    [TestCase(new[] { "add", "vllm", "--like", "vllm" }, "add: backend 'vllm' already exists")]
    [TestCase(new[] { "add", "llama-cpp-darwin2", "--like", "llama-cpp-darwin" }, "only named by the Makefile target 'backends/llama-cpp-darwin'")]
    public void Usage_errors_exit_2_and_write_nothing(string[] args, string message)
    {
        using var repository = Fixture.Materialize(Fixture.Base);
        var original = Snapshot(repository.Path);
        var withPath = args.Length > 1 ? [.. args, repository.Path] : args;
        if (args.Length >= 2 && args[^1] == "--like")
            withPath = [.. args];

        var (exit, output, error) = Run.InProcess(withPath);

        exit.Should().Be(ExitCode.Usage);
        output.Should().BeEmpty();
        error.Should().Contain(message);
        Snapshot(repository.Path).Should().Equal(original);
    }

    [Test]
    public void An_argument_after_path_is_a_usage_error()
    {
        var (exit, _, error) = Run.InProcess("add", "vllm2", "--like", "vllm", Fixture.BaseDirectory, "more");
        exit.Should().Be(ExitCode.Usage);
        error.Should().Contain("unexpected argument 'more'");
    }

    [Test]
    public void A_source_that_cannot_be_read_exits_3_and_writes_nothing()
    {
        using var repository = Fixture.Materialize(Fixture.Base);
        File.AppendAllText(Path.Combine(repository.Path, Lint.IndexFile), "- [unclosed\n");
        var original = Snapshot(repository.Path);

        var (exit, output, error) = Run.InProcess("add", "vllm2", "--like", "vllm", repository.Path);

        exit.Should().Be(ExitCode.InputError);
        output.Should().BeEmpty();
        error.Should().StartWith("backend/index.yaml:").And.EndWith("backendlint: nothing added, as a source could not be read\n");
        Snapshot(repository.Path).Should().Equal(original);
    }

    [Test]
    public void Crlf_files_stay_crlf_and_a_last_line_without_line_end_stays_without()
    {
        using var repository = Fixture.Materialize(Fixture.Base);
        foreach (var source in Sources)
        {
            var path = Path.Combine(repository.Path, source);
            File.WriteAllText(path, File.ReadAllText(path).ReplaceLineEndings("\r\n").TrimEnd('\r', '\n'));
        }

        Run.InProcess("add", "kokoro2", "--like", "kokoro", repository.Path).Exit.Should().Be(ExitCode.Success);

        foreach (var source in Sources)
        {
            var text = File.ReadAllText(Path.Combine(repository.Path, source));
            text.Should().Contain("kokoro2").And.NotEndWith("\n");
            text.Replace("\r\n", "", StringComparison.Ordinal).Should().NotContain("\n").And.NotContain("\r", $"{source} keeps CRLF line ends");
        }

        var findings = Run.InProcess("check", repository.Path, "--no-color").Out;
        findings.Should().Contain("[BL4001]").And.EndWith("1 error, 0 warnings in 1 of 7 backends\n");
    }

    [Test]
    public void The_inline_matrix_of_older_trees_gets_the_copies()
    {
        using var repository = Fixture.Materialize("localai-inline-matrix");

        var (exit, diff, _) = Run.InProcess("add", "vllm2", "--like", "vllm", repository.Path, "--dry-run");

        exit.Should().Be(ExitCode.Success);
        diff.Should().Contain("--- a/.github/workflows/backend.yml\n").And.Contain("+            backend: \"vllm2\"\n");
        Run.InProcess("add", "vllm2", "--like", "vllm", repository.Path).Exit.Should().Be(ExitCode.Success);
        foreach (var file in new[] { "Makefile", "backend.py", "install.sh", "requirements.txt", "run.sh", "test.sh" })
        {
            Directory.CreateDirectory(Path.Combine(repository.Path, "backend/python/vllm2"));
            File.WriteAllText(Path.Combine(repository.Path, "backend/python/vllm2", file), "");
        }

        Run.InProcess("check", repository.Path, "--no-color").Out.Should().Be("0 errors, 0 warnings in 0 of 7 backends\n");
    }

    [Test]
    public void Help_add_shows_its_page()
    {
        var (exit, output, _) = Run.InProcess("help", "add");
        exit.Should().Be(ExitCode.Success);
        output.Should().StartWith("backendlint add NAME --like EXISTING [PATH]");
        Run.InProcess("add", "--help").Out.Should().Be(output);
    }

    /// <summary>Compares with a golden file; on a mismatch writes <c>*.actual.diff</c> beside it, to diff and promote.</summary>
    public static void Golden(string name, string actual)
    {
        var golden = Path.Combine(GoldenDirectory, name);
        var actualPath = Path.ChangeExtension(golden, ".actual.diff");
        var expected = File.Exists(golden) ? File.ReadAllText(golden) : "";
        if (actual != expected)
            File.WriteAllText(actualPath, actual);
        else if (File.Exists(actualPath))
            File.Delete(actualPath);
        actual.Should().Be(expected, $"the diff should be exactly {name} (see {Path.GetFileName(actualPath)})");
    }

    private static Dictionary<string, string> Snapshot(string root) =>
        Sources.Concat([Lint.ChangeFilterFile]).ToDictionary(s => s, s => File.ReadAllText(Path.Combine(root, s)));
}
