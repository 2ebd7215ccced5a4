using BackendLint.Model;
using BackendLint.Text;

namespace BackendLint.Parsing.Script;

/// <summary>
/// Reads the CI change filter as text, never running it: the script, then the modules it imports by
/// a relative path (<c>./lib/backend-filter.mjs</c>), and theirs, inside the repository, at most
/// <see cref="MaxFiles"/> files. A module that does not exist is left out, as an older tree has none.
/// </summary>
public static class ChangeFilterReader
{
    public const int MaxFiles = 16;

    /// <summary>The filter and its files; null when the script does not exist.</summary>
    public static (ChangeFilter Filter, List<SourceFile> Files)? Read(string script, Func<string, SourceText?> load)
    {
        if (load(script) is not { } first)
            return null;
        var files = new List<SourceFile>();
        var literals = new List<Located<string>>();
        var pending = new Queue<SourceText>([first]);
        var seen = new List<string> { first.Path };
        while (pending.TryDequeue(out var text))
        {
            var facts = ScriptLexer.Read(text);
            files.Add(new SourceFile(text, []));
            literals.AddRange(facts.Literals);
            foreach (var import in facts.Imports)
            {
                if (Resolve(text.Path, import) is not { } path || seen.Count >= MaxFiles || seen.Contains(path))
                    continue;
                seen.Add(path);
                if (load(path) is { } module)
                    pending.Enqueue(module);
            }
        }

        return (new ChangeFilter(files.ConvertAll(f => f.Path), literals, [.. seen]), files);
    }

    /// <summary>A relative import's repository-relative path; null for a package or a path leaving the repository.</summary>
    public static string? Resolve(string from, string import)
    {
        if (!import.StartsWith("./", StringComparison.Ordinal) && !import.StartsWith("../", StringComparison.Ordinal))
            return null;
        var parts = new List<string>(from.Split('/')[..^1]);
        foreach (var part in import.Split('/'))
        {
            if (part is "." or "")
                continue;
            if (part == "..")
            {
                if (parts.Count == 0)
                    return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return parts.Count == 0 ? null : string.Join('/', parts);
    }
}
