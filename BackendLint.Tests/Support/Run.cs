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
        var exit = LintCommand.Run(args, new LintConsole(@out, err, OutIsTerminal: false, name => environment.GetValueOrDefault(name)));
        return (exit, @out.ToString(), err.ToString());
    }

    /// <summary>The built <c>backendlint</c> as its own process, next to the test assembly.</summary>
    public static (int Exit, string Out, string Err) Process(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "backendlint.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
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
