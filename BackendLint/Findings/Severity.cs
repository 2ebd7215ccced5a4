namespace BackendLint.Findings;

/// <summary>How bad a finding is; ordered so that <c>--fail-level</c> compares with <c>&gt;=</c>.</summary>
public enum Severity
{
    Note = 1,
    Warning = 2,
    Error = 3,
}

public static class SeverityNames
{
    /// <summary>The word used in text output, SARIF <c>level</c> and options.</summary>
    public static string Name(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };
}
