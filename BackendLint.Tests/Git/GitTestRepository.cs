using System.Diagnostics;
using System.Text;

namespace BackendLint.Tests.Git;

/// <summary>
/// A repository in a temporary directory, built with the real git CLI so the reader is compared with
/// git itself. The user's and the system's git configuration are kept out and dates are fixed, so the
/// same steps give the same object ids on every machine. Dispose deletes it.
/// </summary>
public sealed class GitTestRepository : IDisposable
{
    public GitTestRepository(string? path = null, bool init = true)
    {
        Path = path ?? Directory.CreateTempSubdirectory("backendlint-git-").FullName;
        Directory.CreateDirectory(Path);
        if (init)
            Git("init", "-q", "-b", "main");
    }

    public string Path { get; }

    public string GitDirectory => System.IO.Path.Combine(Path, ".git");

    /// <summary>Runs git in this repository; its standard output, without the final newline.</summary>
    public string Git(params string[] arguments) => Run(Path, arguments);

    public void Write(string path, string content)
    {
        var full = System.IO.Path.Combine(Path, path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    /// <summary>Stages everything and commits it; the new commit's id.</summary>
    public string Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "--allow-empty", "-m", message);
        return Git("rev-parse", "HEAD");
    }

    /// <summary>What <c>git show rev:path</c> prints, byte for byte.</summary>
    public byte[] Show(string revision, string path) => RunBytes(Path, ["show", $"{revision}:{path}"]).Output;

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }

    public static string Run(string directory, params string[] arguments)
    {
        var (exit, output, error) = RunBytes(directory, arguments);
        if (exit != 0)
            Assert.Fail($"git {string.Join(' ', arguments)} failed ({exit}): {error}");
        return Encoding.UTF8.GetString(output).TrimEnd('\n');
    }

    public static (int Exit, byte[] Output, string Error) RunBytes(string directory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("GIT_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_AUTHOR_DATE"] = "2024-01-01T00:00:00Z";
        start.Environment["GIT_COMMITTER_DATE"] = "2024-01-01T00:00:00Z";
        start.Environment["GIT_NO_LAZY_FETCH"] = "1";
        start.Environment["LC_ALL"] = "C";
        foreach (var setting in new[] { "user.name=BackendLint Tests", "user.email=tests@example.com", "commit.gpgsign=false", "tag.gpgsign=false", "protocol.file.allow=always", "gc.auto=0", "core.autocrlf=false" })
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(setting);
        }
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        return (process.ExitCode, output.ToArray(), error.Result);
    }

    /// <summary>Copies a whole repository directory (git's files included) so one history can be laid out in several ways.</summary>
    public static GitTestRepository CopyOf(string source)
    {
        var copy = new GitTestRepository(init: false);
        var (exit, _, error) = Exec("cp", "-a", source + "/.", copy.Path);
        if (exit != 0)
            Assert.Fail($"cp failed: {error}");
        return copy;
    }

    private static (int Exit, string Output, string Error) Exec(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
