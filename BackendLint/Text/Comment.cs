namespace BackendLint.Text;

/// <summary>
/// A comment as written, from its <c>#</c> to the end of its line: what inline suppressions are read
/// from. <see cref="Text"/> includes the <c>#</c>, and <see cref="Span"/> covers exactly that text.
/// </summary>
public sealed record Comment(SourceSpan Span, string Text);
