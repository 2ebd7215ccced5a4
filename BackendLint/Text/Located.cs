namespace BackendLint.Text;

/// <summary>
/// A value together with the exact token it was read from. A value type: a LocalAI-sized model
/// holds about 17,000 of them, and as objects they were a tenth of a run's time in page faults.
/// </summary>
public readonly record struct Located<T>(T Value, SourceSpan Span);
