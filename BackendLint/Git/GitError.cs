namespace BackendLint.Git;

/// <summary>Why a revision or file could not be read, so a caller can pick an exit code or a hint without parsing messages.</summary>
public enum GitProblem
{
    NotARepository,
    NotFound,
    Shallow,
    UnbornHead,
    Corrupt,
    Unsupported,
    TooLarge,
}

/// <summary>
/// The only exception the git reader lets escape for anything the repository contains: its message is
/// one line meant for users (it names the revision or object, and the fix where there is one), so it is
/// printed as is and never with a stack trace.
/// </summary>
public sealed class GitError(GitProblem problem, string message) : Exception(message)
{
    public GitProblem Problem { get; } = problem;
}
