namespace BackendLint.Cli;

/// <summary>The documented exit codes (README, "Exit codes").</summary>
public static class ExitCode
{
    /// <summary>Nothing at or above <c>--fail-level</c>.</summary>
    public const int Success = 0;

    /// <summary>Findings at or above <c>--fail-level</c>.</summary>
    public const int Findings = 1;

    /// <summary>Unknown option, bad value, unknown verb.</summary>
    public const int Usage = 2;

    /// <summary>A source is missing, unreadable or unparseable, or BackendLint itself failed.</summary>
    public const int InputError = 3;
}
