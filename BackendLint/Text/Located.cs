namespace BackendLint.Text;

/// <summary>A value together with the exact token it was read from.</summary>
public sealed record Located<T>(T Value, SourceSpan Span);
