using BackendLint.Findings;
using BackendLint.Text;

namespace BackendLint.Cli;

/// <summary>
/// <c>--path-prefix DIR</c>: the linted repository is the folder DIR of a larger checkout, and every
/// reported path must name the file from the checkout's root. GitHub resolves annotations and SARIF
/// uris against the root of the checkout, so <c>Makefile</c> where <c>sub/Makefile</c> is meant
/// lands on the wrong file or on none. Paths stay repository-relative everywhere inside the run
/// (configuration, suppressions, git revisions); only what is reported is prefixed.
/// </summary>
internal sealed class PathPrefix
{
    private readonly string _prefix;
    private readonly HashSet<string> _outside;

    private PathPrefix(string prefix, IEnumerable<string?> outside)
    {
        _prefix = prefix;
        _outside = new HashSet<string>(outside.OfType<string>().Select(p => p.Replace('\\', '/')), StringComparer.Ordinal);
    }

    /// <summary>
    /// The prefix for <paramref name="value"/>, or null when there is nothing to add ('.'). What is
    /// named on the command line (the repository itself, <c>--config</c>, <c>--baseline</c>) is
    /// relative to the current directory, not to the repository, so it keeps its name.
    /// </summary>
    public static PathPrefix? Of(string? value, params string?[] commandLineFiles)
    {
        if (value is null)
            return null;
        var prefix = value.Replace('\\', '/');
        while (prefix.StartsWith("./", StringComparison.Ordinal))
            prefix = prefix[2..];
        prefix = prefix.TrimEnd('/');
        return prefix is "" or "." ? null : new PathPrefix(prefix + "/", commandLineFiles);
    }

    /// <summary>A rooted prefix would make SARIF uris absolute, which code scanning cannot place under the repository.</summary>
    public static string? Problem(string? value) =>
        value is not null && (Path.IsPathRooted(value) || value.StartsWith('/') || value.StartsWith('\\'))
            ? $"--path-prefix: '{value}' must be relative to the root of the checkout"
            : null;

    public string Apply(string file) => _outside.Contains(file) ? file : _prefix + file;

    public SourceSpan Apply(SourceSpan span) => span with { File = Apply(span.File) };

    public InputError Apply(InputError error) => new(Apply(error.Span), error.Problem);

    public Finding Apply(Finding finding) => finding with
    {
        Span = Apply(finding.Span),
        Related = finding.Related.Select(r => r with { Span = Apply(r.Span) }).ToList(),
        Suppression = finding.Suppression is { } s ? s with { Where = Apply(s.Where) } : null,
        Fix = finding.Fix is { } fix ? fix with { Edits = fix.Edits.Select(e => e with { Span = Apply(e.Span) }).ToList() } : null,
    };
}
