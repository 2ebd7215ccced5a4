using BackendLint.Text;

namespace BackendLint.Findings;

/// <summary>
/// Replace what <see cref="Span"/> covers in the original text with <see cref="NewText"/>; an empty
/// span inserts. Spans are those of the text as read, so every edit of one run refers to the same text.
/// </summary>
public sealed record TextEdit(SourceSpan Span, string NewText);

/// <summary>
/// The mechanical repair of one finding: minimal edits that change nothing else in the file. A rule whose
/// repair needs a human decision (which tag is right, whether to delete) offers none.
/// </summary>
public sealed record Fix(string Description, IReadOnlyList<TextEdit> Edits);
