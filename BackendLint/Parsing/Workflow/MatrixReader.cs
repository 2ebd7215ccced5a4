using BackendLint.Model;
using BackendLint.Parsing.Yaml;
using BackendLint.Text;

namespace BackendLint.Parsing.Workflow;

/// <summary>
/// Reads the build matrix from both places LocalAI has kept it: the data file
/// <c>.github/backend-matrix.yml</c> (<c>include:</c> for Linux, <c>includeDarwin:</c> for macOS) and,
/// in trees up to spring 2026, literal <c>jobs.*.strategy.matrix.include</c> lists in
/// <c>.github/workflows/backend.yml</c>, plus the literal suffixes such a workflow publishes outside a matrix.
/// </summary>
public static class MatrixReader
{
    public static readonly IReadOnlyList<string> DataFileLists = ["include", "includeDarwin"];

    public static (List<MatrixEntry> Entries, IReadOnlyList<Comment> Comments) ReadDataFile(SourceText source)
    {
        var entries = new List<MatrixEntry>();
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var merges = new YamlMerges(source);
        // Each entry becomes a model entry as soon as it is read.
        var document = YamlDocumentReader.Read(source, itemDepth: 2, (list, item) =>
        {
            if (list is not null && DataFileLists.Contains(list))
                entries.Add(Entry(source.Path, list, list == "includeDarwin" ? BuildPlatform.Darwin : BuildPlatform.Linux, item, strings, merges));
        });
        var root = document.Root?.Resolve();
        if (root is null)
            return (entries, document.Comments);
        if (root is not YamlMapping mapping)
            throw new InputError(root.Span, "the matrix data file must be a mapping with 'include:' and 'includeDarwin:' lists");

        foreach (var list in DataFileLists)
        {
            var node = mapping.Get(list);
            if (node is not null && node is not YamlSequence && node is not YamlScalar { IsNull: true })
                throw new InputError(node.Span, $"'{list}' must be a sequence of matrix entries");
        }

        return (entries, document.Comments); // in file order
    }

    public static (List<MatrixEntry> Entries, List<BuiltSuffix> OtherSuffixes, IReadOnlyList<Comment> Comments) ReadWorkflow(SourceText source)
    {
        var document = YamlDocumentReader.Read(source);
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var merges = new YamlMerges(source);
        var entries = new List<MatrixEntry>();
        var suffixes = new List<BuiltSuffix>();
        if (document.Root?.Resolve() is not YamlMapping workflow || workflow.Get("jobs") is not YamlMapping jobs)
            return (entries, suffixes, document.Comments);

        foreach (var job in jobs.Pairs)
        {
            if (job.KeyScalar is not { } jobName || job.Value.Resolve() is not YamlMapping body)
                continue;
            var origin = $"jobs.{jobName.Value}";

            // A matrix written as ${{ fromJson(…) }} is not an error: the data file then holds the entries.
            if (body.Get("strategy") is YamlMapping strategy && strategy.Get("matrix") is YamlMapping matrix && matrix.Get("include") is YamlSequence include)
            {
                var jobRunsOn = (body.Get("runs-on") as YamlScalar)?.Value;
                var calls = (body.Get("uses") as YamlScalar)?.Value;
                foreach (var item in include.Items)
                {
                    var runsOn = ((item.Resolve() as YamlMapping)?.Get("runs-on") as YamlScalar)?.Value ?? jobRunsOn;
                    entries.Add(Entry(source.Path, $"{origin}.strategy.matrix.include", PlatformOf(runsOn, calls), item, strings, merges, jobName.Value));
                }
            }

            // A reusable-workflow call with a literal suffix: `with: tag-suffix: '-metal-darwin-arm64-x'`.
            if (body.Get("with") is YamlMapping with && with.Get("tag-suffix") is YamlScalar literal && IsLiteral(literal.Value))
                suffixes.Add(new BuiltSuffix(literal.Located, $"{origin}.with.tag-suffix", null, jobName.Value));

            if (body.Get("steps") is YamlSequence steps)
                suffixes.AddRange(FlavorSuffixes(source, jobName.Value, steps));
        }

        return (entries, suffixes, document.Comments);
    }

    // docker/metadata-action publishes `<branch><suffix>` and `latest<suffix>` for a literal
    // "suffix=-metal-darwin-arm64-llama-cpp,onlatest=true" line of its flavor block.
    private static IEnumerable<BuiltSuffix> FlavorSuffixes(SourceText source, string job, YamlSequence steps)
    {
        var origin = $"jobs.{job}";
        for (var i = 0; i < steps.Items.Count; i++)
        {
            if (steps.Items[i].Resolve() is not YamlMapping step
                || step.Get("uses") is not YamlScalar uses
                || !uses.Value.StartsWith("docker/metadata-action", StringComparison.Ordinal)
                || step.Get("with") is not YamlMapping with
                || with.Get("flavor") is not YamlScalar flavor)
                continue;

            var text = flavor.Value;
            var lineStart = 0;
            while (lineStart < text.Length)
            {
                var lineEnd = text.IndexOf('\n', lineStart);
                if (lineEnd < 0)
                    lineEnd = text.Length;
                var trimmedStart = lineStart;
                while (trimmedStart < lineEnd && char.IsWhiteSpace(text[trimmedStart]))
                    trimmedStart++;
                if (text.AsSpan(trimmedStart, lineEnd - trimmedStart).StartsWith("suffix="))
                {
                    var valueStart = trimmedStart + "suffix=".Length;
                    var valueEnd = text.IndexOf(',', valueStart, lineEnd - valueStart);
                    if (valueEnd < 0)
                        valueEnd = lineEnd;
                    while (valueEnd > valueStart && char.IsWhiteSpace(text[valueEnd - 1]))
                        valueEnd--;
                    var value = text[valueStart..valueEnd];
                    if (value.Length > 0 && IsLiteral(value))
                    {
                        yield return new BuiltSuffix(new Located<string>(value, YamlSpans.Within(source, flavor, valueStart, value.Length)),
                            $"{origin}.steps[{i}].with.flavor", null, job);
                    }
                }

                lineStart = lineEnd + 1;
            }
        }
    }

    private static bool IsLiteral(string value) => !BuildMatrix.IsExpression(value);

    /// <summary>
    /// An inline matrix builds on macOS when the runner is a macOS label, or when the job calls a
    /// reusable workflow that names darwin (<c>uses: ./.github/workflows/backend_build_darwin.yml</c>,
    /// as LocalAI's did). The job's own name decides nothing: <c>linux-no-darwin</c> is a name.
    /// </summary>
    public static BuildPlatform PlatformOf(string? runsOn, string? calls)
    {
        if (runsOn is not null && !BuildMatrix.IsExpression(runsOn) && runsOn.TrimStart().StartsWith("macos", StringComparison.OrdinalIgnoreCase))
            return BuildPlatform.Darwin;
        if (calls is not null && !calls.Contains("${{", StringComparison.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(calls.Split('@')[0]);
            if (name.Split('_', '-', '.').Contains("darwin", StringComparer.OrdinalIgnoreCase))
                return BuildPlatform.Darwin;
        }

        return BuildPlatform.Linux;
    }

    private static MatrixEntry Entry(string file, string list, BuildPlatform platform, YamlNode item, Dictionary<string, string> strings, YamlMerges merges, string? job = null)
    {
        if (item.Resolve() is not YamlMapping mapping)
            throw new InputError(item.Span, "a matrix entry must be a mapping of 'backend', 'tag-suffix', 'dockerfile', …");

        // Keys merged with '<<: *defaults' count as written: a wrong value there is reported where it is written.
        var pairs = merges.Pairs(mapping);
        var fields = new List<MatrixField>(pairs.Count);
        foreach (var (key, node) in pairs)
        {
            // An aliased value is reported where the alias is written, not at its anchor.
            var value = node is YamlScalar own ? new Located<string>(Share(own.Value), own.ValueSpan)
                : node.Resolve() is YamlScalar aliased ? new Located<string>(Share(aliased.Value), node.Span)
                : new Located<string>("", node.Span);
            fields.Add(new MatrixField(new Located<string>(Share(key.Value), key.ValueSpan), value));
        }

        return new MatrixEntry(file, list, platform, mapping.Span, fields, job);

        // Keys and most values ('ubuntu-latest', "12", '') repeat in every entry: one string each.
        // Measured on LocalAI's tree: a third of the matrix model.
        string Share(string text) => strings.TryGetValue(text, out var known) ? known : strings[text] = text;
    }
}
