namespace BackendLint.Cli;

/// <summary>What a command may touch of its process: the two streams, whether stdout is a terminal, the environment.</summary>
public sealed record LintConsole(TextWriter Out, TextWriter Err, bool OutIsTerminal, Func<string, string?> Environment)
{
    /// <summary>Where the command runs: the repository is found from here, and text output paths are relative to it.</summary>
    public string CurrentDirectory { get; init; } = System.Environment.CurrentDirectory;

    /// <summary>
    /// The process's console. On Unix, .NET initializes the terminal the first time the console is
    /// used (CommandLineParser reads <c>Console.WindowWidth</c> when it is created) and writes the
    /// terminal's keypad-mode sequence (<c>ESC [?1h ESC =</c> for xterm) to stdout: a stray escape
    /// code before the first line. Without a TERM there is no terminfo entry and nothing is written,
    /// so TERM is removed from the process; the command still sees the TERM it was given
    /// (TERM=dumb means no colour).
    /// </summary>
    public static LintConsole Process()
    {
        var term = System.Environment.GetEnvironmentVariable("TERM");
        if (!OperatingSystem.IsWindows())
            System.Environment.SetEnvironmentVariable("TERM", null);
        return new(Console.Out, Console.Error, !Console.IsOutputRedirected, name => name == "TERM" ? term : System.Environment.GetEnvironmentVariable(name));
    }
}
