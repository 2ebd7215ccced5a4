using BackendLint.Findings;
using BackendLint.Text;
using Microsoft.CodeAnalysis.Sarif;

namespace BackendLint.Reporting;

/// <summary>
/// SARIF 2.1.0 built with the Sarif.Sdk object model, for GitHub code scanning: the whole catalog
/// as rules in id order (stable <c>ruleIndex</c>), relative uris under <c>%SRCROOT%</c>, and
/// fingerprints that do not depend on line numbers. Nothing in it depends on the machine or the run.
/// </summary>
public static class SarifReporter
{
    public const string SourceRoot = "%SRCROOT%";

    /// <param name="rules">The catalog, in id order: every rule is listed, so <c>ruleIndex</c> is stable.</param>
    /// <param name="files">Every source read, for <c>artifacts</c>.</param>
    /// <param name="errors">Sources that could not be read, each a tool execution notification.</param>
    /// <param name="notRun">Rules that did not run because a source they need could not be read.</param>
    /// <param name="leftOut">Findings over the caps, by rule.</param>
    /// <param name="sources">The text of a reported file, for the regions of fixes (see <see cref="Fixes"/>).</param>
    public static string Write(IReadOnlyList<Rule> rules, IReadOnlyList<Finding> findings, IReadOnlyList<string> files,
        IReadOnlyList<InputError>? errors = null, IReadOnlyList<RuleNotRun>? notRun = null, IReadOnlyList<RuleLeftOut>? leftOut = null,
        Func<string, SourceText?>? sources = null) =>
        SarifJsonWriter.Write(Build(rules, findings, files, errors, notRun, leftOut, sources));

    /// <summary>The log as Sarif.Sdk objects; <see cref="SarifJsonWriter"/> writes it.</summary>
    public static SarifLog Build(IReadOnlyList<Rule> rules, IReadOnlyList<Finding> findings, IReadOnlyList<string> files,
        IReadOnlyList<InputError>? errors = null, IReadOnlyList<RuleNotRun>? notRun = null, IReadOnlyList<RuleLeftOut>? leftOut = null,
        Func<string, SourceText?>? sources = null)
    {
        errors ??= [];
        notRun ??= [];
        leftOut ??= [];
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
            ruleIndex[rules[i].Id] = i;

        var artifactFiles = files.Concat(findings.SelectMany(f => f.Related.Select(r => r.Span.File).Prepend(f.Span.File)))
            .Concat(findings.Where(f => f.Suppression is not null).Select(f => f.Suppression!.Where.File))
            .Concat(errors.Select(e => e.Span.File))
            .Concat(findings.SelectMany(f => f.Fix?.Edits.Select(e => e.Span.File) ?? []))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var artifactIndex = artifactFiles.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i, StringComparer.Ordinal);

        var run = new Run
        {
            Tool = new Tool
            {
                Driver = new ToolComponent
                {
                    Name = ProductInfo.Name,
                    Version = ProductInfo.Version,
                    SemanticVersion = ProductInfo.Version,
                    InformationUri = new Uri(ProductInfo.InformationUri),
                    Rules = rules.Select(Rule).ToList(),
                },
            },
            AutomationDetails = new RunAutomationDetails { Id = "backendlint/" },
            OriginalUriBaseIds = new Dictionary<string, ArtifactLocation>
            {
                [SourceRoot] = new() { Description = new Message { Text = "The root of the linted repository." } },
            },
            Artifacts = artifactFiles.Select(f => new Artifact
            {
                Location = Location(f, artifactIndex),
                Roles = ArtifactRoles.AnalysisTarget,
                SourceLanguage = f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal) ? "yaml"
                    : f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".mjs", StringComparison.Ordinal) ? "javascript"
                    : "makefile",
            }).ToList(),
            Invocations =
            [
                new Invocation
                {
                    ExecutionSuccessful = errors.Count == 0,
                    ToolExecutionNotifications = errors.Select(e => new Notification
                    {
                        Level = FailureLevel.Error,
                        Message = new Message { Text = e.Problem },
                        Locations = [new Location { PhysicalLocation = Physical(e.Span, artifactIndex) }],
                    }).Concat(notRun.Select(n => new Notification
                    {
                        Level = FailureLevel.Warning,
                        Message = new Message { Text = $"{n.Rule.Id} {n.Rule.Name} did not run: {n.Reason}." },
                        AssociatedRule = new ReportingDescriptorReference { Id = n.Rule.Id, Index = ruleIndex[n.Rule.Id] },
                    })).Concat(leftOut.Select(l => new Notification
                    {
                        Level = FailureLevel.Warning,
                        Message = new Message { Text = $"{l.Count:N0} more findings of {l.Rule.Id} {l.Rule.Name} were left out: a run reports at most {FindingCaps.Described}." },
                        AssociatedRule = new ReportingDescriptorReference { Id = l.Rule.Id, Index = ruleIndex[l.Rule.Id] },
                    })).ToList(),
                },
            ],
            Results = findings.Select(f => Result(f, ruleIndex[f.Rule.Id], artifactIndex, sources)).ToList(),
            ColumnKind = ColumnKind.Utf16CodeUnits,
        };

        return new SarifLog
        {
            Version = SarifVersion.Current,
            SchemaUri = new Uri("https://json.schemastore.org/sarif-2.1.0.json"),
            Runs = [run],
        };
    }

    // The full constructor takes the property bag as JSON text; PropertyBagHolder.SetProperty would
    // produce the same text through a Newtonsoft round trip (SarifJsonWriterTests compares the two).
    private static ReportingDescriptor Rule(Rule d) => new(
        id: d.Id,
        deprecatedIds: null,
        guid: null,
        deprecatedGuids: null,
        name: d.Name,
        deprecatedNames: null,
        shortDescription: new MultiformatMessageString { Text = d.ShortDescription },
        fullDescription: new MultiformatMessageString { Text = d.FullDescription },
        messageStrings: null,
        defaultConfiguration: new ReportingConfiguration { Level = Level(d.DefaultLevel) },
        helpUri: new Uri(d.HelpUri),
        help: new MultiformatMessageString
        {
            Text = $"{d.FullDescription} See {d.HelpUri}",
            Markdown = d.HelpMarkdown,
        },
        relationships: null,
        properties: new Dictionary<string, SerializedPropertyInfo>
        {
            ["tags"] = new($"[{JsonString(d.Tag)},{JsonString(d.Area)}]", false),
            ["precision"] = new(JsonString("very-high"), true),
        });

    private static Result Result(Finding f, int index, Dictionary<string, int> artifacts, Func<string, SourceText?>? sources)
    {
        var result = new Result
        {
            RuleId = f.Rule.Id,
            RuleIndex = index,
            Level = Level(f.Level),
            Message = new Message { Text = f.Message },
            Locations = [new Location { PhysicalLocation = Physical(f.Span, artifacts) }],
            RelatedLocations = f.Related.Select((r, i) => new Location
            {
                Id = i + 1,
                PhysicalLocation = Physical(r.Span, artifacts),
                Message = new Message { Text = r.Message },
            }).ToList(),
            PartialFingerprints = new Dictionary<string, string> { [Fingerprints.Key] = f.Fingerprint },
            BaselineState = f.Baseline switch
            {
                Findings.BaselineState.New => Microsoft.CodeAnalysis.Sarif.BaselineState.New,
                Findings.BaselineState.Unchanged => Microsoft.CodeAnalysis.Sarif.BaselineState.Unchanged,
                _ => Microsoft.CodeAnalysis.Sarif.BaselineState.None,
            },
        };

        // Code scanning ignores suppressions: a suppressed result is written only on request
        // (--include-suppressed), for viewers that honour it.
        if (f.Suppression is { } suppression)
        {
            result.Suppressions =
            [
                new Microsoft.CodeAnalysis.Sarif.Suppression
                {
                    Kind = suppression.Kind == Findings.SuppressionKind.InSource ? Microsoft.CodeAnalysis.Sarif.SuppressionKind.InSource : Microsoft.CodeAnalysis.Sarif.SuppressionKind.External,
                    Status = SuppressionStatus.Accepted,
                    Justification = suppression.Justification,
                    Location = new Location { PhysicalLocation = Physical(suppression.Where, artifacts) },
                },
            ];
        }

        if (f.Fix is { } fix && Fixes(fix, artifacts, sources) is { } fixes)
            result.Fixes = [fixes];
        return result;
    }

    /// <summary>
    /// A fix as SARIF <c>fixes</c>, which editors' SARIF viewers offer to apply (GitHub code scanning
    /// ignores them): one <c>artifactChange</c> per file, its replacements in the order of the file,
    /// each region in the text as read (SARIF 3.57.2). An empty region is an insertion point, and a
    /// replacement that only deletes has no <c>insertedContent</c>. Null when no edit changes anything.
    /// </summary>
    private static Microsoft.CodeAnalysis.Sarif.Fix? Fixes(Findings.Fix fix, Dictionary<string, int> artifacts, Func<string, SourceText?>? sources)
    {
        var changes = fix.Edits
            .Where(e => e.NewText.Length > 0 || e.Span.StartLine != e.Span.EndLine || e.Span.StartColumn != e.Span.EndColumn)
            .GroupBy(e => e.Span.File, StringComparer.Ordinal)
            .Select(file => new ArtifactChange
            {
                ArtifactLocation = Location(file.Key, artifacts),
                Replacements = file.OrderBy(e => e.Span.StartLine).ThenBy(e => e.Span.StartColumn).Select(e => new Replacement
                {
                    DeletedRegion = EditRegion(e.Span, sources?.Invoke(file.Key)),
                    InsertedContent = e.NewText.Length == 0 ? null : new ArtifactContent { Text = e.NewText },
                }).ToList(),
            })
            .ToList();
        return changes.Count == 0 ? null : new Microsoft.CodeAnalysis.Sarif.Fix
        {
            Description = new Message { Text = fix.Description },
            ArtifactChanges = changes,
        };
    }

    /// <summary>
    /// A fix's region. Spans place the end of a text that ends with a line end at column 1 of the empty
    /// line after it; SARIF has no such line, and places that point after the last line's line end
    /// (SARIF 3.30.2: "set endLine to the number of the last line … and endColumn to a value one
    /// greater than the number of characters on the line, including any trailing newline sequence").
    /// </summary>
    private static Region EditRegion(SourceSpan span, SourceText? text)
    {
        var (startLine, startColumn) = AtEnd(span.StartLine, span.StartColumn, text);
        var (endLine, endColumn) = AtEnd(span.EndLine, span.EndColumn, text);
        return new Region { StartLine = startLine, StartColumn = startColumn, EndLine = endLine, EndColumn = endColumn };

        static (int Line, int Column) AtEnd(int line, int column, SourceText? text)
        {
            if (text is null || line != text.LineCount || line < 2 || column != 1 || text.OffsetOf(line, 1) != text.Text.Length)
                return (line, column);
            var lastLineStart = text.OffsetOf(line - 1, 1);
            return (line - 1, text.Text.Length - lastLineStart + 1);
        }
    }

    private static PhysicalLocation Physical(SourceSpan span, Dictionary<string, int> artifacts) => new()
    {
        ArtifactLocation = Location(span.File, artifacts),
        Region = new Region
        {
            StartLine = span.StartLine,
            StartColumn = span.StartColumn,
            EndLine = span.EndLine,
            EndColumn = span.EndColumn,
        },
    };

    private static ArtifactLocation Location(string file, Dictionary<string, int> artifacts) => new()
    {
        Uri = new Uri(UriReference(file), UriKind.Relative),
        UriBaseId = SourceRoot,
        Index = artifacts[file],
    };

    /// <summary>
    /// A repository-relative path as a URI reference: each segment percent-encoded, so a ' ', '#',
    /// '?' or ':' in a file name stays part of the path instead of starting a fragment, a query or
    /// a scheme. LocalAI's paths have none of them and read as before.
    /// </summary>
    public static string UriReference(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static string JsonString(string value) =>
        "\"" + System.Text.Json.JsonEncodedText.Encode(value, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";

    public static FailureLevel Level(Severity severity) => severity switch
    {
        Severity.Error => FailureLevel.Error,
        Severity.Warning => FailureLevel.Warning,
        _ => FailureLevel.Note,
    };
}
