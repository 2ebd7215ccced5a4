using System.Text.RegularExpressions;
using BackendLint.Checks;
using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Text;

namespace BackendLint.Adoption;

/// <summary>
/// A <c># backendlint: ignore[ID,...] reason</c> comment. On a line with other text it applies to
/// that line; alone on its line it applies to the next line that is not a comment alone on its line,
/// so several suppressions can be stacked above one entry. <c>ignore-file[...]</c> applies to its whole file.
/// </summary>
public sealed record InlineSuppression(SourceSpan Span, bool WholeFile, int Line, IReadOnlyList<string> Rules, string Reason);

/// <summary>Finds the suppression comments of a source, and the comments that look like one but are not (BL0002).</summary>
public static partial class InlineSuppressions
{
    public static (List<InlineSuppression> Suppressions, List<Finding> Invalid) Read(SourceFile file, IReadOnlyCollection<string> ruleIds)
    {
        var suppressions = new List<InlineSuppression>();
        var invalid = new List<Finding>();
        var text = file.Text;

        // Lines that hold nothing but a comment: a suppression alone on its line skips them.
        var alone = new HashSet<int>();
        foreach (var comment in file.Comments)
        {
            if (IsAlone(text, comment))
                alone.Add(comment.Span.StartLine);
        }

        foreach (var comment in file.Comments)
        {
            var match = Directive().Match(comment.Text);
            if (!match.Success)
                continue;
            if (Problem(match, ruleIds) is { } problem)
            {
                invalid.Add(CheckCatalog.SuppressionInvalid.At(comment.Span,
                    $"Suppression comment {Finding.Quote(comment.Text.TrimEnd())} is not valid: {problem}; write '# backendlint: ignore\\[ID,...\\] reason' or '# backendlint: ignore-file\\[ID,...\\] reason'.",
                    null, $"file={comment.Span.File};comment={comment.Text.Trim()}"));
                continue;
            }

            var line = comment.Span.StartLine;
            while (alone.Contains(line))
                line++;

            suppressions.Add(new InlineSuppression(comment.Span, match.Groups["kind"].Value == "ignore-file", line, Ids(match), Reason(match)));
        }

        return (suppressions, invalid);
    }

    private static string? Problem(Match match, IReadOnlyCollection<string> ruleIds)
    {
        var kind = match.Groups["kind"].Value;
        if (kind is not ("ignore" or "ignore-file"))
            return $"'{kind}' is neither 'ignore' nor 'ignore-file'";
        if (!match.Groups["ids"].Success)
            return "the rule ids in brackets are missing";
        var ids = Ids(match);
        if (ids.Count == 0)
            return "no rule id is given in the brackets";
        if (ids.FirstOrDefault(id => !ruleIds.Contains(id)) is { } unknown)
            return $"'{unknown}' is not a rule id";
        if (Reason(match).Length == 0)
            return "the reason is missing";
        return null;
    }

    private static List<string> Ids(Match match) =>
        match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    // "-- reason", ": reason" and "— reason" read naturally; the separator is not part of the reason.
    private static string Reason(Match match) => match.Groups["reason"].Value.Trim().TrimStart('-', ':', '—', '–').Trim();

    private static bool IsAlone(SourceText text, Comment comment)
    {
        var start = text.OffsetOf(comment.Span.StartLine, 1);
        var at = text.OffsetOf(comment.Span.StartLine, comment.Span.StartColumn);
        for (var i = start; i < at; i++)
        {
            if (!char.IsWhiteSpace(text.Text[i]))
                return false;
        }

        return true;
    }

    [GeneratedRegex(@"^#+\s*backendlint\s*:\s*(?<kind>[A-Za-z-]*)\s*(?:\[(?<ids>[^\]]*)\])?(?<reason>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Directive();
}
