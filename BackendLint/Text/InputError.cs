namespace BackendLint.Text;

/// <summary>
/// A source that cannot be read or understood. It is reported as one line,
/// <c>path:line:col: error: what is wrong</c>, and ends the run with exit code 3.
/// </summary>
public sealed class InputError(SourceSpan span, string problem) : Exception(problem)
{
    public SourceSpan Span { get; } = span;

    public string Problem { get; } = problem;

    public static InputError AtFile(string path, string problem) => new(new SourceSpan(path, 1, 1, 1, 1), problem);

    public override string ToString() => $"{Span.ToPosition()}: error: {Problem}";
}
