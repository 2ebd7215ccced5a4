using System.Diagnostics;
using BackendLint.Cli;

namespace BackendLint.Tests.Support;

/// <summary>Runs the command line in-process (every exit code) or as a real process (a few).</summary>
public static class Run
{
    public static (int Exit, string Out, string Err) InProcess(params string[] args) => InProcess(new Dictionary<string, string?>(), args);

    public static (int Exit, string Out, string Err) InProcess(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var @out = new StringWriter { NewLine = "\n" };
        var err = new StringWriter { NewLine = "\n" };
        // As if run from the linted repository (the first argument that is a directory), so text
        // output paths read as they do for a user in it: repository-relative.
        var directory = args.FirstOrDefault(a => a.Length > 0 && Path.IsPathRooted(a) && Directory.Exists(a)) ?? Environment.CurrentDirectory;
        var exit = LintCommand.Run(args, new LintConsole(@out, err, OutIsTerminal: false, name => environment.GetValueOrDefault(name)) { CurrentDirectory = directory });
        return (exit, @out.ToString(), err.ToString());
    }

    /// <summary>A result with the summary's total of backends left out (<c>in 0 of 4 backends</c> reads <c>in 0 backends</c>), for broken repositories whose total says nothing.</summary>
    public static (int Exit, string Out, string Err) WithoutTotal((int Exit, string Out, string Err) result) => (result.Exit, WithoutTotal(result.Out), result.Err);

    public static string WithoutTotal(string output) =>
        System.Text.RegularExpressions.Regex.Replace(output, @" in (\d+) of \d+ backends?\b", " in $1 backends");

    /// <summary>The built <c>backendlint</c> as its own process, next to the test assembly.</summary>
    public static (int Exit, string Out, string Err) Process(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "backendlint.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        // From the linted repository, as a user runs it: text paths are relative to the current directory.
        if (args.FirstOrDefault(a => Path.IsPathRooted(a) && Directory.Exists(a)) is { } directory)
            start.WorkingDirectory = directory;
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment.Remove("GITHUB_STEP_SUMMARY");
        start.Environment["NO_COLOR"] = "1";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}
