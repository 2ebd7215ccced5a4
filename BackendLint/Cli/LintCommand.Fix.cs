using BackendLint.Adoption;
using BackendLint.Checks;
using BackendLint.Findings;
using BackendLint.Fixing;
using BackendLint.Parsing;
using BackendLint.Reporting;
using BackendLint.Text;

namespace BackendLint.Cli;

public static partial class LintCommand
{
    // Each round lints the edited texts again: fixes whose edits met wait for the next one, and the
    // next round sees the places the last one added. A fix that keeps coming back ends at this bound.
    private const int MaxFixRounds = 8;

    private static readonly string[] FixFormats = ["text", "github"];

    private static int Fix(FixOptions o, LintConsole console)
    {
        if (!OneOf("--fail-level", o.FailLevel, FailLevels, console) || !OneOf("--format", o.Format, FixFormats, console))
            return ExitCode.Usage;
        if (o.Format == "github" && !o.DryRun)
            return Usage("--format github shows the diff in the job summary: it needs --dry-run", console);
        if (PathPrefix.Problem(o.PathPrefix) is { } prefixProblem)
            return Usage(prefixProblem, console);
        var root = o.Path ?? FindRoot(console);
        if (UsageProblem(o, [("--config", o.Config)], root) is { } problem)
            return Usage(problem, console);
        var prefix = PathPrefix.Of(o.PathPrefix, root, o.Config);
        string Named(string path) => prefix?.Apply(path) ?? path;
        var known = CheckCatalog.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var only = o.Rules.Select(r => r.Trim().ToUpperInvariant()).Where(r => r.Length > 0).ToHashSet(StringComparer.Ordinal);
        if (only.FirstOrDefault(r => !known.Contains(r)) is { } unknown)
            return Usage($"--rule: '{unknown}' is not a rule ({string.Join(", ", known.Order(StringComparer.Ordinal))})", console);

        var config = LoadConfiguration(o, root);
        var paths = Paths(o, root, config);
        var plan = FixPlan.Make(root, paths, config, only);
        if (plan.Errors.Count > 0)
        {
            foreach (var error in plan.Errors)
                console.Err.WriteLine(error.ToString());
            console.Err.WriteLine("backendlint: nothing fixed, as a source could not be read");
            return ExitCode.InputError;
        }

        var (remaining, _, _) = plan.Remaining;
        var fixedBy = string.Join(", ", plan.Fixed.GroupBy(f => f.Rule.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        var files = string.Join(", ", plan.Changed.Keys.Select(p => $"'{Named(p)}'"));
        if (o.DryRun)
        {
            var diff = string.Concat(plan.Changed.Select(c => UnifiedDiff.Of(Named(c.Key), plan.Originals[c.Key].Text, c.Value)));
            var fixes = $"{Plural(plan.Fixed.Count, "finding", "findings")} ({fixedBy}) in {files}";
            // In a workflow step the diff goes to the job summary, never to the log: it is the repository's text.
            if (o.Format == "text")
                console.Out.Write(diff);
            else if (console.Environment("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
                AppendSummary(summary, GitHubReporter.FixSummary(diff, fixes, RoomLeft(summary)), console);
            else
                console.Out.Write(GitHubReporter.FixSummary(diff, fixes));
            console.Err.WriteLine(plan.Fixed.Count == 0 ? "backendlint: nothing to fix" : $"backendlint: would fix {fixes}; nothing was changed");
        }
        else
        {
            WriteEdited(root, plan.Originals, plan.Changed);
            if (prefix is not null)
                remaining = remaining.Select(prefix.Apply).ToList();
            TextReporter.Write(console.Out, remaining, Colored(o.NoColor, null, console), checkedBackends: plan.Model.Backends.Count, path: prefix is null ? Shown(root, console) : null);
            console.Err.WriteLine(plan.Fixed.Count == 0
                ? "backendlint: nothing to fix"
                : $"backendlint: fixed {Plural(plan.Fixed.Count, "finding", "findings")} ({fixedBy}) in {files}");
        }

        if (plan.Unsettled.Count > 0)
            console.Err.WriteLine($"backendlint: note: {Plural(plan.Unsettled.Count, "fix", "fixes")} still offered after {MaxFixRounds} rounds, not applied: {string.Join(", ", plan.Unsettled.Select(f => f.Rule.Id).Distinct())}");

        var failLevel = FailLevelOf(o.FailLevel);
        return failLevel is { } level && remaining.Any(f => f.IsActive && f.Level >= level) ? ExitCode.Findings : ExitCode.Success;
    }

    // What the step's summary can still take: the check before wrote its table into the same file.
    private static int RoomLeft(string summary)
    {
        try
        {
            return (int)Math.Max(0, GitHubReporter.StepSummaryLimit - (File.Exists(summary) ? new FileInfo(summary).Length : 0));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return GitHubReporter.StepSummaryLimit;
        }
    }

    /// <summary>
    /// Writes edited sources, each whole or not at all, after checking that none changed on disk since
    /// it was read: a file someone saved meanwhile is not overwritten, and then nothing is written. A
    /// source that is a symbolic link (inside the repository, as the reader requires) stays one: the
    /// file it names is edited.
    /// </summary>
    private static void WriteEdited(string root, IReadOnlyDictionary<string, SourceText> originals, IReadOnlyDictionary<string, string> changed)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in changed.Keys)
        {
            var real = SourceFileGuard.Check(root, Path.Combine(root, path), path)
                ?? throw InputError.AtFile(path, "the file was removed while it was being fixed; nothing was written");
            if (SourceText.Read(path, real).Text != originals[path].Text)
                throw InputError.AtFile(path, "the file changed while it was being fixed; nothing was written");
            targets[path] = real;
        }

        foreach (var (path, text) in changed)
            AtomicFile.Replace(targets[path], path, text);
    }

    private static Severity? FailLevelOf(string failLevel) => failLevel switch
    {
        "none" => null,
        "note" => Severity.Note,
        "warning" => Severity.Warning,
        _ => Severity.Error,
    };

    /// <summary>
    /// The fixes of a repository, applied in memory round after round until none is left: the texts
    /// as read, the texts as fixed, the findings fixed, and what the fixed texts still report.
    /// </summary>
    private sealed record FixPlan(
        IReadOnlyDictionary<string, SourceText> Originals,
        IReadOnlyDictionary<string, string> Changed,
        IReadOnlyList<Finding> Fixed,
        IReadOnlyList<Finding> Unsettled,
        LintResult Remaining,
        BackendLint.Model.BackendModel Model,
        IReadOnlyList<InputError> Errors)
    {
        public static FixPlan Make(string root, SourcePaths paths, Configuration config, IReadOnlySet<string> only, IReadOnlyDictionary<string, string>? start = null)
        {
            var overlay = new Dictionary<string, string>(start ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            var (model, errors) = RepositoryReader.Read(root, paths);
            var originals = model.Sources.ToDictionary(s => s.Path, s => s.Text, StringComparer.Ordinal);
            if (errors.Count > 0)
                return new FixPlan(originals, overlay, [], [], new LintResult([], [], []), model, errors);
            if (overlay.Count > 0)
                (model, errors) = Reread(root, paths, overlay);

            var fixedFindings = new List<Finding>();
            var result = Lint(model, config);
            for (var round = 0; round < MaxFixRounds && errors.Count == 0; round++)
            {
                var fixable = result.Findings.Where(f => f.Fix is not null && f.Suppression is null && (only.Count == 0 || only.Contains(f.Rule.Id))).ToList();
                var current = model;
                var applied = FixApplier.Apply(fixable.Select(f => f.Fix!), path => current.Source(path)?.Text);
                if (applied.Texts.Count == 0)
                    break;
                var taken = applied.Applied.ToHashSet(ReferenceEqualityComparer.Instance);
                fixedFindings.AddRange(fixable.Where(f => taken.Contains(f.Fix!)));
                foreach (var (path, text) in applied.Texts)
                    overlay[path] = text;
                (model, errors) = Reread(root, paths, overlay);
                result = Lint(model, config);
            }

            var unsettled = result.Findings.Where(f => f.Fix is not null && f.Suppression is null && (only.Count == 0 || only.Contains(f.Rule.Id))).ToList();
            var changed = overlay.Where(o => originals.TryGetValue(o.Key, out var t) && t.Text != o.Value).ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
            return new FixPlan(originals, changed, fixedFindings, errors.Count > 0 ? [] : unsettled, result, model, errors);
        }

        // An edit that leaves a file unreadable is a defect of the fix, never the user's: nothing is written.
        private static ReadResult Reread(string root, SourcePaths paths, IReadOnlyDictionary<string, string> overlay)
        {
            var read = RepositoryReader.Read(root, paths, overlay);
            if (read.Errors.Count > 0)
                throw new InvalidOperationException($"an edit left a source unreadable ({read.Errors[0]}); nothing was written");
            return read;
        }
    }
}
