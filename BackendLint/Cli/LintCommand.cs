using System.Diagnostics.CodeAnalysis;
using System.Text;
using BackendLint.Adoption;
using BackendLint.Checks;
using BackendLint.Findings;
using BackendLint.Git;
using BackendLint.Model;
using BackendLint.Parsing;
using BackendLint.Reporting;
using BackendLint.Text;
using CommandLine;
using CommandLine.Text;

namespace BackendLint.Cli;

/// <summary>Parses the command line and runs one verb; every path ends in a documented exit code, never a stack trace.</summary>
public static partial class LintCommand
{
    private static readonly string[] Formats = ["text", "sarif", "github", "json"];
    private static readonly string[] RuleFormats = ["text", "json", "markdown"];
    private static readonly string[] FailLevels = ["error", "warning", "note", "none"];

    public static int Execute(string[] args) => Run(args, LintConsole.Process());

    // CommandLineParser reads the options types by reflection: keep their members in a trimmed build.
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(LintOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(ModelOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(RulesOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(BaselineOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(ExplainOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(FixOptions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(AddOptions))]
    public static int Run(string[] args, LintConsole console)
    {
        var timings = new PhaseTimings(console.Environment("BACKENDLINT_TIMINGS") is "1");
        try
        {
            using var parser = new Parser(s =>
            {
                s.HelpWriter = null;
                s.AutoHelp = true;
                s.AutoVersion = true;
            });
            if (HelpRequest(args) is { } help)
            {
                if (help.Page is null)
                    return Usage(help.Problem!, console);
                console.Out.Write(help.Page);
                return ExitCode.Success;
            }

            if (OptionWithoutValue(args) is { } missing)
                return Usage(missing, console);
            if (UnknownVerb(args) is { } unknown)
                return Usage(unknown, console);
            var result = parser.ParseArguments<LintOptions, BaselineOptions, ExplainOptions, ModelOptions, RulesOptions, FixOptions, AddOptions>(args);
            timings.Mark("parse arguments");
            return result.MapResult(
                (LintOptions o) => Check(o, console, timings),
                (BaselineOptions o) => WriteBaseline(o, console),
                (ModelOptions o) => Model(o, console),
                (RulesOptions o) => o.Rule is null ? Rules(o, console) : Explain(o.Rule, [], console),
                (ExplainOptions o) => Explain(o.Rule!, o.Extra, console),
                (FixOptions o) => Fix(o, console),
                (AddOptions o) => Add(o, console),
                errors => Usage(result, errors, console));
        }
        catch (InputError e)
        {
            console.Err.WriteLine(e.ToString());
            return ExitCode.InputError;
        }
        catch (CommandError e)
        {
            console.Err.WriteLine($"backendlint: {e.Message}");
            return ExitCode.InputError;
        }
        catch (Exception e)
        {
            console.Err.WriteLine($"backendlint: internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}; please report it at {ProductInfo.InformationUri}/issues");
            return ExitCode.InputError;
        }
        finally
        {
            timings.Report(console.Err);
        }
    }

    private static int Check(LintOptions o, LintConsole console, PhaseTimings timings)
    {
        if (!OneOf("--format", o.Format, Formats, console) || !OneOf("--fail-level", o.FailLevel, FailLevels, console))
            return ExitCode.Usage;
        var root = o.Path ?? FindRoot(console);
        if (UsageProblem(o, [("--sarif", o.Sarif), ("--output", o.Output), ("--config", o.Config), ("--baseline", o.Baseline), ("--new-since", o.NewSince)], root) is { } problem)
            return Usage(problem, console);
        if (o.Baseline is not null && o.NewSince is not null)
            return Usage("--baseline and --new-since both say what is already known: give one of them", console);
        if (PathPrefix.Problem(o.PathPrefix) is { } prefixProblem)
            return Usage(prefixProblem, console);
        var prefix = PathPrefix.Of(o.PathPrefix, root, o.Config, o.Baseline);

        Configuration config;
        ReadResult read;
        IReadOnlyList<BaselineEntry>? baseline;
        try
        {
            config = LoadConfiguration(o, root);
            baseline = LoadBaseline(o, root, config);
            read = RepositoryReader.Read(root, Paths(o, root, config));
            timings.Mark("read sources");
        }
        catch (InputError e)
        {
            // Nothing could be read. The SARIF file is still written, with the error as a notification, so the upload shows why.
            var error = prefix?.Apply(e) ?? e;
            var empty = SarifReporter.Write(CheckCatalog.Rules, [], [], [error]);
            if (o.Sarif is not null)
                AtomicFile.Write(o.Sarif, empty);
            if (o.Format == "sarif")
                Emit(o.Output, empty, console);
            if (prefix is null)
                throw;
            throw error;
        }

        var (model, errors) = read;
        var (findings, notRun, leftOut) = Lint(model, config);
        timings.Mark("checks");

        // What is already known: the baseline's findings, or those at a git revision.
        IReadOnlyList<BaselineEntry> absent = [];
        string? knownAs = null;
        if (baseline is not null)
        {
            (findings, var missing) = Adoption.Baseline.Compare(findings, baseline);
            absent = missing;
            knownAs = "in the baseline";
        }
        else if (o.NewSince is { } revision)
        {
            (findings, _) = Adoption.Baseline.Compare(findings, AtRevision(root, revision, Paths(o, root, config), config, model, findings, console));
            knownAs = $"already at {revision}";
            timings.Mark("checks at the revision");
        }

        var files = model.Sources.Select(s => s.Path).ToList();
        if (prefix is not null)
        {
            findings = findings.Select(prefix.Apply).ToList();
            errors = errors.Select(prefix.Apply).ToList();
            files = files.ConvertAll(prefix.Apply);
        }

        var active = findings.Where(f => f.IsActive).ToList();

        // Everything is rendered before anything is written: no half-written output. Code scanning
        // ignores SARIF suppressions, so suppressed results are left out unless asked for.
        var sarifFindings = o.IncludeSuppressed ? findings : findings.Where(f => f.Suppression is null).ToList();
        var texts = model.Sources.ToDictionary(s => prefix?.Apply(s.Path) ?? s.Path, s => s.Text, StringComparer.Ordinal);
        var sarif = o.Sarif is not null || o.Format == "sarif" ? SarifReporter.Write(CheckCatalog.Rules, sarifFindings, files, errors, notRun, leftOut, texts.GetValueOrDefault) : null;
        var output = o.Format switch
        {
            "sarif" => sarif!,
            "json" => Render(stream => JsonReporter.Write(stream, findings, errors, notRun, leftOut, absent.Select(a => (a.Rule, a.Backend, a.Message, a.Fingerprint)).ToList(), model.Backends.Count)),
            "github" => Render(writer => GitHubReporter.Write(writer, active)),
            _ => Render(writer => TextReporter.Write(writer, findings, Colored(o, console), o.ShowSuppressed, knownAs, model.Backends.Count, prefix is null ? Shown(root, console) : null)),
        };
        timings.Mark("render");

        // A source that could not be read is one line each; the rules it hides are named once.
        foreach (var error in errors)
            console.Err.WriteLine(error.ToString());
        var unread = notRun.Where(n => n.Reason.EndsWith("could not be read", StringComparison.Ordinal)).ToList();
        if (unread.Count > 0)
            console.Err.WriteLine($"backendlint: note: not run, as a source they need could not be read: {string.Join(", ", unread.Select(n => n.Rule.Id))}");
        foreach (var absentInput in notRun.Except(unread).GroupBy(n => n.Reason))
            console.Err.WriteLine($"backendlint: note: not run, as {absentInput.Key}: {string.Join(", ", absentInput.Select(n => n.Rule.Id))}");
        if (leftOut.Count > 0)
            console.Err.WriteLine($"backendlint: note: {leftOut.Sum(l => l.Count):N0} findings left out (a run reports at most {FindingCaps.Described}): {string.Join(", ", leftOut.Select(l => $"{l.Rule.Id} {l.Count:N0}"))}");
        if (absent.Count > 0)
            console.Err.WriteLine($"backendlint: note: {Plural(absent.Count, "baseline entry no longer occurs", "baseline entries no longer occur")} and can go ('backendlint baseline' writes it again): {string.Join(", ", absent.Select(a => a.Backend is null ? a.Rule : $"{a.Rule} {a.Backend}"))}");

        if (o.Sarif is not null)
            AtomicFile.Write(o.Sarif, sarif!);
        Emit(o.Output, output, console);
        if (o.Format == "github" && console.Environment("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
            AppendSummary(summary, GitHubReporter.Summary(active, TextReporter.Summary(findings, knownAs, model.Backends.Count)), console);
        timings.Mark("write");

        if (errors.Count > 0)
            return ExitCode.InputError;

        var failLevel = o.FailLevel switch
        {
            "none" => (Severity?)null,
            "note" => Severity.Note,
            "warning" => Severity.Warning,
            _ => Severity.Error,
        };
        return failLevel is { } level && active.Any(f => f.Level >= level) ? ExitCode.Findings : ExitCode.Success;
    }

    private static int WriteBaseline(BaselineOptions o, LintConsole console)
    {
        var root = o.Path ?? FindRoot(console);
        if (UsageProblem(o, [("--output", o.Output), ("--config", o.Config)], root) is { } problem)
            return Usage(problem, console);
        var config = LoadConfiguration(o, root);
        var (model, errors) = RepositoryReader.Read(root, Paths(o, root, config));
        if (errors.Count > 0)
        {
            // A baseline of a partial read would accept less than there is: nothing is written.
            foreach (var error in errors)
                console.Err.WriteLine(error.ToString());
            console.Err.WriteLine("backendlint: no baseline written, as a source could not be read");
            return ExitCode.InputError;
        }

        var (findings, _, _) = Lint(model, config);
        var recorded = findings.Where(f => f.Suppression is null).ToList();
        var path = o.Output ?? InRoot(root, config.PathOf("baseline") ?? Adoption.Baseline.DefaultPath);
        if (path.StartsWith("./", StringComparison.Ordinal))
            path = path[2..];
        AtomicFile.Write(path, Adoption.Baseline.Write(recorded));
        console.Err.WriteLine($"backendlint: {Plural(recorded.Count, "finding", "findings")} recorded in '{path}'");
        return ExitCode.Success;
    }

    /// <summary>The checks the configuration leaves on, then its levels and suppressions.</summary>
    private static LintResult Lint(BackendLint.Model.BackendModel model, Configuration config)
    {
        var (findings, notRun, leftOut) = LintEngine.Run(model, Triage.Enabled(config));
        return new LintResult(Triage.Apply(findings, model, config, notRun), notRun, leftOut);
    }

    /// <summary>
    /// <c>--config FILE</c>, else <c>.backendlint.yml</c> at the root when there is one. The file in
    /// the repository is read like a source (inside the root, a regular file); a bad one is an input error.
    /// </summary>
    private static Configuration LoadConfiguration(IConfigOptions o, string root)
    {
        if (o.NoConfig)
            return o.Config is null ? Configuration.Empty : throw new CommandError("--config and --no-config contradict each other");
        SourceText? text;
        if (o.Config is not null)
        {
            if (!File.Exists(o.Config))
                throw InputError.AtFile(o.Config.Replace('\\', '/'), Directory.Exists(o.Config) ? "expected a configuration file, found a directory" : "the configuration file does not exist");
            text = SourceText.Read(o.Config.Replace('\\', '/'), o.Config);
        }
        else
        {
            if (!Directory.Exists(root))
                return Configuration.Empty; // the reader says what is wrong with the root
            var full = Path.Combine(root, Configuration.DefaultPath);
            text = SourceFileGuard.Check(root, full, Configuration.DefaultPath) is { } real ? SourceText.Read(Configuration.DefaultPath, real) : null;
        }

        return text is null ? Configuration.Empty : ConfigurationReader.Read(text, CheckCatalog.Rules.Select(r => r.Id).ToList());
    }

    private static IReadOnlyList<BaselineEntry>? LoadBaseline(LintOptions o, string root, Configuration config)
    {
        if (o.Baseline is { } given)
        {
            if (!File.Exists(given))
                throw InputError.AtFile(given.Replace('\\', '/'), "the baseline file does not exist; write it with 'backendlint baseline'");
            return Adoption.Baseline.Read(SourceText.Read(given.Replace('\\', '/'), given));
        }

        if (config.PathOf("baseline") is not { } configured || o.NewSince is not null)
            return null;
        var relative = RepositoryReader.Relative(root, configured);
        var real = SourceFileGuard.Check(root, InRoot(root, configured), relative)
            ?? throw InputError.AtFile(relative, $"the baseline file named in '{config.Path}' does not exist; write it with 'backendlint baseline'");
        return Adoption.Baseline.Read(SourceText.Read(relative, real));
    }

    /// <summary>
    /// The fingerprints of the findings at a git revision: its sources read from the repository's
    /// object store (nothing is run, nothing is written), checked with today's configuration.
    /// </summary>
    private static List<BaselineEntry> AtRevision(string root, string revision, SourcePaths paths, Configuration config, BackendLint.Model.BackendModel today, IReadOnlyList<Finding> current, LintConsole console)
    {
        var realRoot = SourceFileGuard.RealDirectory(root) ?? throw InputError.AtFile(root, "the repository directory does not exist");
        var repository = GitRepository.Discover(realRoot)
            ?? throw new CommandError($"--new-since {revision}: '{root}' is not inside a git repository");
        string commit;
        try
        {
            commit = repository.Resolve(revision);
        }
        catch (GitError e) when (e.Problem == GitProblem.UnbornHead)
        {
            console.Err.WriteLine($"backendlint: note: --new-since {revision}: the repository has no commit yet, so every finding is new");
            return [];
        }
        catch (GitError e)
        {
            throw new CommandError($"--new-since {revision}: {e.Message}");
        }

        var top = repository.WorkTree is { } workTree ? SourceFileGuard.RealDirectory(workTree) ?? workTree : realRoot;
        var prefix = Path.GetRelativePath(top, realRoot).Replace('\\', '/');
        prefix = prefix == "." ? "" : prefix + "/";
        // The findings are a function of the sources' bytes and the configuration. When every source
        // is byte for byte what REV holds (the same blob id, or absent from both), the findings at
        // REV are today's: reading and checking REV again would repeat the same work. That is the
        // pre-commit hook's run on a tree whose sources are committed (docs/performance.md).
        // Listed once: Unchanged compares it, and reading REV in full uses the same listing.
        var treeListed = false;
        SourceTree? treeAtRevision = null;
        SourceTree? TreeAtRevision()
        {
            if (!treeListed)
            {
                treeAtRevision = ListTreeAtRevision();
                treeListed = true;
            }

            return treeAtRevision;
        }

        SourceTree? ListTreeAtRevision() => SourceTreeReader.Read(path =>
        {
            try
            {
                return repository.ListDirectory(commit, prefix + path)?.Select(e => new TreeEntry(e.Name, (e.Mode & 0xF000) switch
                {
                    0x4000 => TreeEntryKind.Directory,
                    0x8000 => TreeEntryKind.File,
                    0xA000 => TreeEntryKind.Link,
                    _ => TreeEntryKind.Other,
                }));
            }
            catch (GitError e)
            {
                throw InputError.AtFile(path, $"at {revision}: {e.Message}");
            }
        });

        if (Unchanged(repository, commit, prefix, root, paths, today, TreeAtRevision))
            return current.Select(f => new BaselineEntry(f.Fingerprint, f.Rule.Id, f.Backend, f.PlainMessage)).ToList();

        var read = RepositoryReader.Read(paths, path =>
        {
            var relative = RepositoryReader.Relative(root, path);
            try
            {
                return repository.ReadFile(commit, prefix + relative) is { } bytes ? SourceText.Decode(relative, bytes) : null;
            }
            catch (GitError e)
            {
                throw InputError.AtFile(relative, $"at {revision}: {e.Message}");
            }
        }, path => RepositoryReader.Relative(root, path), TreeAtRevision);

        foreach (var error in read.Errors)
            console.Err.WriteLine($"backendlint: note: at {revision}, {error}; the findings that need it count as new");
        var (findings, _, _) = Lint(read.Model, config);
        return findings.Select(f => new BaselineEntry(f.Fingerprint, f.Rule.Id, f.Backend, f.PlainMessage)).ToList();
    }

    /// <summary>
    /// Whether every source path (with the change filter's modules) names the same bytes in the work
    /// tree as at the commit, or is absent from both, and the backend tree lists the same names.
    /// </summary>
    private static bool Unchanged(GitRepository repository, string commit, string prefix, string root, SourcePaths paths, BackendLint.Model.BackendModel today, Func<SourceTree?> treeAtCommit)
    {
        // An input that could not be read today is read again at the commit, where it may be fine.
        if (!today.Inputs.HasFlag(ModelInputs.Tree) && !today.Absent.ContainsKey(ModelInputs.Tree))
            return false;
        if (!today.Inputs.HasFlag(ModelInputs.ChangeFilter) && !today.Absent.ContainsKey(ModelInputs.ChangeFilter))
            return false;
        foreach (var path in paths.All.Concat(today.ChangeFilter.LookedFor).Distinct(StringComparer.Ordinal))
        {
            var relative = RepositoryReader.Relative(root, path);
            string? atCommit;
            try
            {
                atCommit = repository.FileId(commit, prefix + relative);
            }
            catch (GitError)
            {
                return false; // reading REV in full says what is wrong
            }

            var full = Path.IsPathRooted(path) ? path : Path.Combine(root, path);
            string? real;
            try
            {
                real = SourceFileGuard.Check(root, full, relative);
            }
            catch (InputError)
            {
                return false;
            }

            if (real is null != atCommit is null || (real is not null && GitRepository.BlobIdOf(File.ReadAllBytes(real)) != atCommit))
                return false;
        }

        // The tree last: listing it at the commit costs more than comparing a few blob ids.
        try
        {
            var then = treeAtCommit();
            return today.Inputs.HasFlag(ModelInputs.Tree) ? then is not null && then.SameAs(today.Tree) : then is null;
        }
        catch (InputError)
        {
            return false;
        }
    }

    /// <summary>
    /// Without PATH, the repository is the nearest directory at or above the current one that has
    /// a configuration, a gallery or a .git, as git finds its repository: BackendLint run from
    /// backend/python/vllm lints the repository it is in.
    /// </summary>
    private static string FindRoot(LintConsole console)
    {
        for (var directory = new DirectoryInfo(console.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var here = directory.FullName;
            if (File.Exists(Path.Combine(here, Configuration.DefaultPath)) || File.Exists(Path.Combine(here, SourcePaths.DefaultIndex))
                || Directory.Exists(Path.Combine(here, ".git")) || File.Exists(Path.Combine(here, ".git")))
            {
                return here;
            }
        }

        throw new CommandError($"no repository at or above '{console.CurrentDirectory}': none of these directories has {Configuration.DefaultPath}, {SourcePaths.DefaultIndex} or .git; give the repository's PATH");
    }

    /// <summary>Repository-relative paths as the text format shows them: relative to the current directory.</summary>
    private static Func<string, string> Shown(string root, LintConsole console)
    {
        var prefix = Path.GetRelativePath(console.CurrentDirectory, Path.GetFullPath(root, console.CurrentDirectory)).Replace('\\', '/');
        return prefix == "." ? p => p : p => $"{prefix}/{p}";
    }

    private static string InRoot(string root, string path) => Path.IsPathRooted(path) ? path : Path.Combine(root, path);

    private static string Plural(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n:N0} {many}";

    private static int Model(ModelOptions o, LintConsole console)
    {
        var root = o.Path ?? FindRoot(console);
        if (UsageProblem(o, [("--backend", o.Backend), ("--config", o.Config)], root) is { } problem)
            return Usage(problem, console);
        var (model, errors) = RepositoryReader.Read(root, Paths(o, root, LoadConfiguration(o, root)));
        if (o.Backend is not null && model.Find(o.Backend) is null)
        {
            console.Err.WriteLine($"backendlint: --backend: no backend named '{o.Backend}' in the model");
            return ExitCode.Usage;
        }

        foreach (var error in errors)
            console.Err.WriteLine(error.ToString());
        console.Out.Write(Render(stream => ModelJsonWriter.Write(stream, model, o.Backend)));
        return errors.Count > 0 ? ExitCode.InputError : ExitCode.Success;
    }

    private static int Rules(RulesOptions o, LintConsole console)
    {
        if (!OneOf("--format", o.Format, RuleFormats, console))
            return ExitCode.Usage;
        console.Out.Write(o.Format switch
        {
            "json" => Render(stream => RulesReporter.WriteJson(stream, CheckCatalog.Rules)),
            "markdown" => RulesReporter.Markdown(CheckCatalog.Rules),
            _ => RulesReporter.Text(CheckCatalog.Rules),
        });
        return ExitCode.Success;
    }

    private static int Explain(string id, IEnumerable<string> extra, LintConsole console)
    {
        if (extra.FirstOrDefault() is { } more)
            return Usage($"unexpected argument '{more}': give one rule id", console);
        var rule = CheckCatalog.Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
        if (rule is null)
        {
            var near = CheckCatalog.Rules.FirstOrDefault(r => EditDistance.Between(r.Id, id.ToUpperInvariant()) <= 1);
            return Usage($"'{id}' is not a rule id" + (near is null ? "; 'backendlint rules' lists them" : $"; did you mean '{near.Id}'?"), console);
        }

        console.Out.Write(rule.HelpMarkdown);
        return ExitCode.Success;
    }

    private static int Usage(ParserResult<object> result, IEnumerable<Error> errors, LintConsole console)
    {
        var list = errors.ToList();
        if (list.Any(e => e is VersionRequestedError))
        {
            console.Out.WriteLine($"{ProductInfo.Name} {ProductInfo.Version}");
            return ExitCode.Success;
        }

        var help = HelpText.AutoBuild(result, h =>
        {
            h.Heading = $"{ProductInfo.Name} {ProductInfo.Version}";
            h.Copyright = "";
            h.AddDashesToOption = true;
            h.AddEnumValuesToHelpText = true;
            return HelpText.DefaultParsingErrorsHandler(result, h);
        }, e => e, verbsIndex: result.TypeInfo.Current == typeof(NullInstance));

        if (list.All(e => e is HelpRequestedError or HelpVerbRequestedError))
        {
            console.Out.WriteLine(help);
            return ExitCode.Success;
        }

        console.Err.WriteLine(help);
        return ExitCode.Usage;
    }

    /// <summary>
    /// What CommandLineParser lets through (option values are checked before it, in
    /// <see cref="OptionWithoutValue"/>): an empty PATH and arguments after PATH are usage errors,
    /// and the outputs may not be one file, nor a source the run reads.
    /// </summary>
    private static string? UsageProblem(ISourceOptions o, (string Option, string? Value)[] values, string root)
    {
        if (o.Path is "")
            return "PATH: the value is empty";
        if (o.Extra.FirstOrDefault() is { } extra)
            return $"unexpected argument '{extra}': give one PATH";

        var outputs = values.Where(v => v.Option is "--sarif" or "--output" && v.Value is not null).Select(v => (v.Option, Full: Path.GetFullPath(v.Value!))).ToList();
        if (outputs is [var first, var second] && first.Full == second.Full)
            return "--sarif and --output name the same file";
        var paths = Paths(o, root);
        var fullRoot = Path.GetFullPath(root).TrimEnd('/') + "/";
        foreach (var (option, value) in new[] { ("--index", o.Index), ("--makefile", o.Makefile), ("--matrix", o.MatrixData), ("--workflow", o.Workflow), ("--change-filter", o.ChangeFilter) })
        {
            if (value is not null && !Path.GetFullPath(Path.IsPathRooted(value) ? value : Path.Combine(root, value)).StartsWith(fullRoot, StringComparison.Ordinal))
                return $"{option}: '{value}' is outside the repository '{root}'; sources are read only inside it";
        }

        var sources = new[] { paths.Index, paths.Makefile, paths.MatrixData, paths.Workflow, paths.ChangeFilter }.Select(p => Path.GetFullPath(Path.IsPathRooted(p) ? p : Path.Combine(root, p)));
        foreach (var (option, full) in outputs)
        {
            if (sources.Contains(full))
                return $"{option}: '{full}' is a source the run reads";
        }

        return null;
    }

    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal)
    {
        "--format", "--sarif", "--output", "--fail-level", "--config", "--index", "--makefile", "--matrix", "--workflow", "--change-filter", "--backend", "--baseline", "--new-since", "--path-prefix", "-o", "--rule", "--like",
    };

    // CommandLineParser reads '--sarif --fail-level warning' as a SARIF file named 'fail-level' and
    // drops the level: the raw arguments are checked first.
    private static string? OptionWithoutValue(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--")
                return null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && ValueOptions.Contains(arg[..equals]))
            {
                if (equals == arg.Length - 1)
                    return $"{arg[..equals]}: the value is empty";
                continue;
            }

            if (!ValueOptions.Contains(arg))
                continue;
            if (i + 1 >= args.Length)
                return $"{arg}: a value is missing";
            var value = args[++i];
            if (value.Length == 0)
                return $"{arg}: the value is empty";
            if (value.StartsWith('-'))
                return $"{arg}: '{value}' looks like an option, not a value (a path starting with '-' can be written './{value}')";
        }

        return null;
    }

    private static readonly string[] Verbs = ["check", "fix", "add", "baseline", "explain", "model", "rules"];

    // '-h' and '--help' anywhere, 'help' and 'help VERB': the page of the verb the arguments name.
    private static (string? Page, string? Problem)? HelpRequest(string[] args)
    {
        if (args is ["help"])
            return (HelpPages.Top, null);
        if (args is ["help", var verb, ..])
        {
            var near = Verbs.FirstOrDefault(v => EditDistance.Between(v, verb) <= 2);
            return HelpPages.Of(verb) is { } page
                ? (page, null)
                : (null, $"'{verb}' is not a verb ({string.Join(", ", Verbs)})" + (near is null ? "" : $"; did you mean '{near}'?"));
        }

        var options = args.TakeWhile(a => a != "--");
        if (!options.Any(a => a is "-h" or "--help"))
            return null;
        return args[0] is "-h" or "--help" ? (HelpPages.Top, null) : (HelpPages.Of(args[0]) ?? HelpPages.Check, null);
    }

    // 'backendlint chekc' would lint a directory named 'chekc' (check is the default verb): a first
    // word that is no verb, no option and no directory, and looks like a word, is a usage error.
    private static string? UnknownVerb(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || Verbs.Contains(args[0]) || Directory.Exists(args[0]) || args[0] is "help" or "version")
            return null;
        var word = args[0];
        if (word.Length == 0 || !word.All(c => char.IsAsciiLetterLower(c) || c == '-'))
            return null;
        var near = Verbs.FirstOrDefault(v => EditDistance.Between(v, word) <= 2);
        return $"'{word}' is neither a verb ({string.Join(", ", Verbs)}) nor a directory" + (near is null ? "" : $"; did you mean '{near}'?");
    }

    private static int Usage(string problem, LintConsole console)
    {
        console.Err.WriteLine($"backendlint: {problem}");
        console.Err.WriteLine("Run 'backendlint --help' for usage.");
        return ExitCode.Usage;
    }

    private static bool OneOf(string option, string value, string[] allowed, LintConsole console)
    {
        if (allowed.Contains(value, StringComparer.Ordinal))
            return true;
        console.Err.WriteLine($"backendlint: {option}: '{value}' is not one of {string.Join(", ", allowed)}");
        console.Err.WriteLine("Run 'backendlint --help' for usage.");
        return false;
    }

    /// <summary>A flag wins over the configuration, which wins over the default; a named path must exist.</summary>
    private static SourcePaths Paths(ISourceOptions o, string root, Configuration? config = null)
    {
        config ??= Configuration.Empty;
        return new SourcePaths
        {
            Index = o.Index ?? config.PathOf("index") ?? SourcePaths.DefaultIndex,
            Makefile = o.Makefile ?? config.PathOf("makefile") ?? SourcePaths.DefaultMakefile,
            MatrixData = o.MatrixData ?? config.PathOf("matrix") ?? SourcePaths.DefaultMatrixData,
            Workflow = o.Workflow ?? config.PathOf("workflow") ?? SourcePaths.DefaultWorkflow,
            MatrixDataExplicit = (o.MatrixData ?? config.PathOf("matrix")) is not null,
            WorkflowExplicit = (o.Workflow ?? config.PathOf("workflow")) is not null,
            ChangeFilter = o.ChangeFilter ?? config.PathOf("change-filter") ?? SourcePaths.DefaultChangeFilter,
            ChangeFilterExplicit = (o.ChangeFilter ?? config.PathOf("change-filter")) is not null,
        };
    }

    private static bool Colored(LintOptions o, LintConsole console) => Colored(o.NoColor, o.Output, console);

    private static bool Colored(bool noColor, string? output, LintConsole console) =>
        output is null && !noColor && console.OutIsTerminal && string.IsNullOrEmpty(console.Environment("NO_COLOR")) && console.Environment("TERM") is not "dumb";

    private static void Emit(string? path, string content, LintConsole console)
    {
        if (path is null)
            console.Out.Write(content);
        else
            AtomicFile.Write(path, content);
    }

    // The job summary is a convenience: failing to write it must not change the result of the run.
    private static void AppendSummary(string path, string markdown, LintConsole console)
    {
        try
        {
            File.AppendAllText(path, markdown);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Err.WriteLine($"{path}: warning: cannot append the job summary: {e.Message}");
        }
    }

    private static string Render(Action<TextWriter> write)
    {
        var builder = new StringBuilder();
        using (var writer = new StringWriter(builder) { NewLine = "\n" })
            write(writer);
        return builder.ToString();
    }

    private static string Render(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}

/// <summary>A problem with the run itself rather than a source (no git repository, an unknown revision): one line, exit 3.</summary>
public sealed class CommandError(string message) : Exception(message);
