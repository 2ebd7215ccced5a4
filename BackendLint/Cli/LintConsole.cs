namespace BackendLint.Cli;

/// <summary>What a command may touch of its process: the two streams, whether stdout is a terminal, the environment.</summary>
public sealed record LintConsole(TextWriter Out, TextWriter Err, bool OutIsTerminal, Func<string, string?> Environment)
{
    public static LintConsole Process() =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected, System.Environment.GetEnvironmentVariable);
}
