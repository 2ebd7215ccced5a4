using BackendLint.Text;

namespace BackendLint.Model;

/// <summary>A file that was read: its whole text and its comments, so a suppression or a fix can be written against them.</summary>
public sealed record SourceFile(SourceText Text, IReadOnlyList<Comment> Comments)
{
    public string Path => Text.Path;
}

/// <summary>The inputs a model is built from; a check names the ones it needs.</summary>
[Flags]
public enum ModelInputs
{
    None = 0,

    /// <summary>The build matrix: the data file, the workflow's inline matrices, or both.</summary>
    Matrix = 1,

    /// <summary>The gallery <c>backend/index.yaml</c>.</summary>
    Gallery = 2,

    /// <summary>The top-level Makefile.</summary>
    Makefile = 4,

    /// <summary>The backend source tree: the names (never the contents) of <c>backend/</c>'s files and backend directories.</summary>
    Tree = 8,

    /// <summary>The CI change filter (<c>scripts/changed-backends.js</c> and the modules it imports), read as text, never run.</summary>
    ChangeFilter = 16,
}
