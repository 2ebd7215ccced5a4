namespace BackendLint.Findings;

/// <summary>
/// Each rule's doc page (docs/rules/&lt;id&gt;.md), built into the assembly: SARIF <c>help.markdown</c>
/// shows it next to a code-scanning alert, and <c>backendlint explain</c> prints it, offline and
/// whatever the help link points at.
/// </summary>
public static class RuleHelp
{
    /// <summary>The page of a rule, or null when the build has none (a rule without a page fails CatalogTests).</summary>
    public static string? Markdown(string id)
    {
        using var stream = typeof(RuleHelp).Assembly.GetManifestResourceStream($"rules/{id}.md");
        if (stream is null)
            return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
