using BackendLint.Checks;
using BackendLint.Findings;
using BackendLint.Fixing;
using BackendLint.Parsing;
using BackendLint.Text;

namespace BackendLint.Cli;

public static partial class LintCommand
{
    /// <summary>
    /// <c>backendlint add NAME --like EXISTING [PATH] [--dry-run]</c>: NAME's registration planned
    /// (<see cref="BackendTemplate"/>), applied in memory, read back and checked, then written like
    /// fixes (or printed as a diff). A second run refuses: NAME exists then.
    /// </summary>
    private static int Add(AddOptions o, LintConsole console)
    {
        if (o.Name is null)
            return Usage("add: give the new backend's NAME: backendlint add NAME --like EXISTING [PATH]", console);
        if (o.Like is null)
            return Usage($"add: --like EXISTING is missing: the backend whose registration {Finding.Quote(o.Name)} copies", console);
        if (BackendTemplate.NameProblem(o.Name) is { } nameProblem)
            return Usage($"add: {nameProblem}", console);
        var root = o.Path ?? FindRoot(console);
        if (UsageProblem(o, [("--config", o.Config)], root) is { } problem)
            return Usage(problem, console);

        var config = LoadConfiguration(o, root);
        var paths = Paths(o, root, config);
        var (model, errors) = RepositoryReader.Read(root, paths);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
                console.Err.WriteLine(error.ToString());
            console.Err.WriteLine("backendlint: nothing added, as a source could not be read");
            return ExitCode.InputError;
        }

        var shown = Shown(root, console);
        string Position(SourceSpan span) => $"{shown(span.File)}:{span.StartLine}:{span.StartColumn}";
        var addition = BackendTemplate.Plan(model, o.Like, o.Name, Edits.AddToList, Position);
        if (addition.Refusal is { } refusal)
            return Usage($"add: {refusal}", console);

        var applied = FixApplier.Apply([new Fix($"Add {Finding.Quote(o.Name)} like {Finding.Quote(o.Like)}.", addition.Edits)], path => model.Source(path)?.Text);
        if (applied.Applied.Count == 0)
            throw new InvalidOperationException("the edits of 'add' overlap or point outside their files; nothing was written");
        var after = RepositoryReader.Read(root, paths, applied.Texts);
        if (after.Errors.Count > 0)
            throw new InvalidOperationException($"'add' left a source unreadable ({after.Errors[0]}); nothing was written");

        // What check says about NAME now, and anything add changed for the others (nothing, unless a defect).
        var beforeFindings = Lint(model, config).Findings;
        var before = beforeFindings.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var inherited = beforeFindings.Where(f => f.Backend == o.Like && f.Suppression is null).Select(f => f.Rule.Id).ToHashSet(StringComparer.Ordinal);
        var findings = Lint(after.Model, config).Findings.Where(f => f.Suppression is null).ToList();
        var aboutName = findings.Where(f => f.Backend == o.Name).ToList();
        var others = findings.Where(f => f.Backend != o.Name && !before.Contains(f.Fingerprint)).ToList();

        var originals = model.Sources.ToDictionary(s => s.Path, s => s.Text, StringComparer.Ordinal);
        var changed = applied.Texts.OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        // Planned again, to name EXISTING's places where they are once NAME's lines are in: the report reads against the files as written.
        addition = BackendTemplate.Plan(model, o.Like, o.Name, Edits.AddToList, span => Position(Moved(span, model, addition.Edits, applied.Texts)));
        var meta = addition.MetaName is { } metaName ? after.Model.Gallery.MetaNamed(metaName) : null;
        var report = AddReport(addition, o.DryRun, meta?.Name?.Span, aboutName, inherited, others, Position);
        if (o.DryRun)
        {
            foreach (var (path, text) in changed)
                console.Out.Write(UnifiedDiff.Of(path, originals[path].Text, text));
            console.Err.Write(report);
        }
        else
        {
            WriteEdited(root, originals, changed);
            console.Out.Write(report);
        }

        return ExitCode.Success;
    }

    /// <summary>Where a place of the text as read is in the text with insertions made (the edits of 'add' only insert).</summary>
    private static SourceSpan Moved(SourceSpan span, BackendLint.Model.BackendModel model, IReadOnlyList<TextEdit> edits, IReadOnlyDictionary<string, string> texts)
    {
        if (model.Source(span.File)?.Text is not { } before || !texts.TryGetValue(span.File, out var after))
            return span;
        int Shift(int offset) => offset + edits.Where(e => e.Span.File == span.File && before.OffsetOf(e.Span.StartLine, e.Span.StartColumn) <= offset).Sum(e => e.NewText.Length);
        var moved = new SourceText(span.File, after);
        return moved.Span(Shift(before.OffsetOf(span.StartLine, span.StartColumn)), Shift(before.OffsetOf(span.EndLine, span.EndColumn)));
    }

    private static string AddReport(BackendAddition addition, bool dryRun, SourceSpan? meta, List<Finding> aboutName, IReadOnlySet<string> inherited, List<Finding> others, Func<SourceSpan, string> position)
    {
        string Line(Finding f) => $"{position(f.Span)}: {f.Level.Name()}: {f.PlainMessage} [{f.Rule.Id}]";

        var report = new System.Text.StringBuilder();
        report.Append(dryRun ? $"Would add {Finding.Quote(addition.Name)} like {Finding.Quote(addition.Like)} (nothing was changed):\n" : $"Added {Finding.Quote(addition.Name)} like {Finding.Quote(addition.Like)}:\n");
        foreach (var line in addition.Added)
            report.Append("  ").Append(line).Append('\n');
        Section("Written although '" + addition.Like + "' lacks it (what check asks of every backend):", addition.Completed);
        Section("Not copied:", addition.NotCopied);
        var byHand = addition.ByHand.ToList();
        if (meta is { } at)
            byHand.Add($"describe {Finding.Quote(addition.Name)} at {position(at)}: its description, urls, tags and license are {Finding.Quote(addition.Like)}'s, copied as they are");
        Section("Left to you:", byHand);
        Section($"Until then, check reports about {Finding.Quote(addition.Name)}:", aboutName.Where(f => !inherited.Contains(f.Rule.Id)).Select(Line).ToList());
        Section($"As it does about {Finding.Quote(addition.Like)}, check reports about {Finding.Quote(addition.Name)} (a decision 'add' leaves to you, in both):", aboutName.Where(f => inherited.Contains(f.Rule.Id)).Select(Line).ToList());
        Section($"Findings about other backends that adding {Finding.Quote(addition.Name)} caused (please report them as a defect of 'add'):", others.Select(Line).ToList());
        return report.ToString();

        void Section(string title, IReadOnlyList<string> lines)
        {
            if (lines.Count == 0)
                return;
            report.Append(title).Append('\n');
            foreach (var line in lines)
                report.Append("  ").Append(line).Append('\n');
        }
    }
}
