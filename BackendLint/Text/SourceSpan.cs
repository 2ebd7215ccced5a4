namespace BackendLint.Text;

/// <summary>
/// A range of one file: lines and columns start at 1 and the end is exclusive, exactly like a
/// YamlDotNet <c>Mark</c> and a SARIF <c>region</c>, so no arithmetic happens between them.
/// </summary>
public readonly record struct SourceSpan(string File, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public bool IsSingleLine => StartLine == EndLine;

    /// <summary>The position only: <c>path:line:col</c>, the shape editors and problem matchers read.</summary>
    public string ToPosition() => $"{File}:{StartLine}:{StartColumn}";

    public override string ToString() => $"{File}:{StartLine}:{StartColumn}-{EndLine}:{EndColumn}";

    public static int Compare(SourceSpan a, SourceSpan b)
    {
        var c = string.CompareOrdinal(a.File, b.File);
        if (c != 0) return c;
        c = a.StartLine.CompareTo(b.StartLine);
        if (c != 0) return c;
        c = a.StartColumn.CompareTo(b.StartColumn);
        if (c != 0) return c;
        c = a.EndLine.CompareTo(b.EndLine);
        return c != 0 ? c : a.EndColumn.CompareTo(b.EndColumn);
    }
}
