namespace BackendLint.Model;

/// <summary>Docker build contexts compared by the directory they mean, not by how they are spelled.</summary>
public static class BuildContext
{
    /// <summary><c>""</c>, <c>.</c>, <c>./</c> are the root (<c>.</c>); <c>./backend</c>, <c>./backend/</c>, <c>backend</c>, <c>backend/</c> are <c>backend</c>.</summary>
    public static string Normalize(string context)
    {
        var path = context.Trim().Replace('\\', '/');
        while (true)
        {
            if (path.StartsWith("./", StringComparison.Ordinal))
                path = path[2..];
            else if (path.EndsWith("/.", StringComparison.Ordinal))
                path = path[..^2];
            else if (path.Length > 1 && path.EndsWith('/'))
                path = path[..^1];
            else if (path.Contains("//", StringComparison.Ordinal))
                path = path.Replace("//", "/", StringComparison.Ordinal);
            else
                break;
        }

        return path is "" or "." or "/" ? "." : path;
    }
}
