using BackendLint.Tests.Support;
using CsCheck;

namespace BackendLint.Tests.Fixing;

/// <summary>
/// The issue's property for the gallery rules: each fixable problem planted into the base fixture's
/// gallery, in the first, a middle and the last entry of its kind, in every way of writing the file
/// (LF and CRLF, with and without a final line end, block and flow lists and maps, double and single
/// quotes, development metas kept together or before their images). <c>fix</c> must give back the
/// gallery as it was before the problem was planted, byte for byte: the finding is gone, nothing else
/// is reported, nothing outside the repaired lines changed; and a second <c>fix</c> has nothing to do.
/// </summary>
[NonParallelizable]
public class GalleryFixProperties
{
    private const string Index = "backend/index.yaml";

    private static readonly string[] Families = ["llama-cpp", "whisper", "vllm", "kokoro"];

    /// <summary>Ways of writing the same gallery; each is itself clean (the test checks it).</summary>
    private static readonly (string Name, Func<string, string> Write)[] Styles =
    [
        ("as committed", t => t),
        ("CRLF", t => t),
        ("no final line end", t => t.TrimEnd('\n')),
        ("flow mirrors", FlowLists),
        ("flow capabilities", FlowMaps),
        ("single quotes", SingleQuotes),
        ("development metas before their images", DevelopmentMetasBeforeImages),
        ("development metas after their metas", DevelopmentMetasAfterMetas),
    ];

    /// <summary>The planted problems: the rule that reports each, where it is, and the gallery with it (and how the clean gallery must be written for the fix to give it back exactly).</summary>
    private static readonly (string Rule, string Where, Func<string, string> Plant, Func<string, string>? Prepare)[] Plants =
    [
        ("BL1002", "first image", t => RemoveEntry(t, "cpu-llama-cpp-development"), null),
        ("BL1002", "middle image, without mirrors", t => RemoveEntry(t, "metal-whisper-development"), null),
        ("BL1002", "last entry", t => RemoveEntry(t, "nvidia-l4t-arm64-kokoro-development"), null),
        ("BL1004", "first meta", t => Repoint(t, "llama-cpp-development", "default", "cpu-llama-cpp-development", "cpu-llama-cpp"), null),
        ("BL1004", "middle meta", t => Repoint(t, "whisper-development", "metal", "metal-whisper-development", "metal-whisper"), null),
        ("BL1004", "last meta", t => Repoint(t, "kokoro-development", "nvidia-l4t", "nvidia-l4t-arm64-kokoro-development", "nvidia-l4t-arm64-kokoro"), null),
        ("BL1004", "first meta, inherited map", t => RemoveKey(t, "llama-cpp-development", "capabilities"), null),
        ("BL1004", "last meta, inherited map", t => RemoveKey(t, "kokoro-development", "capabilities"), null),
        ("BL1005", "first meta, alias", t => RemoveKey(t, "llama-cpp", "alias"), AliasesAfterNames),
        ("BL1005", "middle meta, alias", t => RemoveKey(t, "vllm", "alias"), AliasesAfterNames),
        ("BL1005", "last meta, alias", t => RemoveKey(t, "kokoro", "alias"), AliasesAfterNames),
        ("BL1005", "first development meta", t => RemoveEntry(t, "llama-cpp-development"), null),
        ("BL1005", "middle development meta", t => RemoveEntry(t, "vllm-development"), null),
        ("BL1005", "last development meta", t => RemoveEntry(t, "kokoro-development"), null),
        ("BL1008", "copy of the first image", t => CopyEntry(t, "cpu-llama-cpp", after: "cpu-llama-cpp", requote: false), null),
        ("BL1008", "copy of a middle image, at the end", t => CopyEntry(t, "metal-whisper", after: null, requote: false), null),
        ("BL1008", "copy of the last entry, written otherwise", t => CopyEntry(t, "nvidia-l4t-arm64-kokoro-development", after: null, requote: true), null),
        ("BL1008", "copy of a development meta", t => CopyEntry(t, "whisper-development", after: "whisper-development", requote: false), null),
        ("BL1002", "a family without development channel (BL1005 follows)", t => RemoveEntry(RemoveEntry(RemoveEntry(t, "cpu-kokoro-development"), "nvidia-l4t-arm64-kokoro-development"), "kokoro-development"), null),
    ];

    private static string BaseIndex => File.ReadAllText(Path.Combine(Fixture.BaseDirectory, Index)).ReplaceLineEndings("\n");

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var plant in Plants)
        {
            foreach (var style in Styles)
                yield return new TestCaseData(plant.Rule, plant.Where, style.Name).SetName($"Fix_restores_the_gallery({plant.Rule}, {plant.Where}, {style.Name})");
        }
    }

    // One copy of the base repository for every case: only its gallery is rewritten, and no fix here touches another file.
    private Fixture? _repo;

    private readonly HashSet<string> _checkedClean = [];

    private string Repo => _repo!.Path;

    [OneTimeSetUp]
    public void MaterializeBase() => _repo = Fixture.Materialize(Fixture.Base);

    [OneTimeTearDown]
    public void DeleteBase() => _repo?.Dispose();

    [TestCaseSource(nameof(Cases))]
    public void Fix_restores_the_gallery(string rule, string where, string style)
    {
        var plant = Plants.Single(p => p.Rule == rule && p.Where == where);
        var write = Styles.Single(s => s.Name == style);
        var clean = write.Write((plant.Prepare ?? (t => t))(BaseIndex));
        var planted = plant.Plant(clean);
        if (style == "CRLF")
            (clean, planted) = (clean.ReplaceLineEndings("\r\n"), planted.ReplaceLineEndings("\r\n"));
        FixRestores(clean, planted, rule.Split(' '));
    }

    /// <summary>Several families broken at once, each its own way, in any style: one <c>fix</c> repairs them all, in as many rounds as it takes.</summary>
    [Test]
    public void Fix_restores_a_gallery_with_several_problems_at_once()
    {
        Func<string, string, string>[] breaks =
        [
            (t, f) => t,
            (t, f) => RemoveEntry(t, $"cpu-{f}-development"),
            (t, f) => RemoveEntry(t, $"{f}-development"),
            (t, f) => Repoint(t, $"{f}-development", "default", $"cpu-{f}-development", $"cpu-{f}"),
            (t, f) => RemoveKey(t, $"{f}-development", "capabilities"),
            (t, f) => RemoveKey(t, f, "alias"),
            (t, f) => CopyEntry(t, $"cpu-{f}", after: null, requote: true),
            (t, f) => RemoveEntry(RemoveEntry(t, $"cpu-{f}-development"), $"{f}-development"),
        ];
        // With three of the four development metas gone, the one left cannot say where the file keeps them.
        var breaksMeta = new[] { 2, 7 };
        var chosenBreaks = Gen.Int[0, breaks.Length - 1].Array[Families.Length].Where(c => c.Count(breaksMeta.Contains) <= 2);
        Gen.Select(Gen.Int[0, Styles.Length - 1], chosenBreaks).Sample((style, chosen) =>
        {
            var clean = Styles[style].Write(AliasesAfterNames(BaseIndex));
            var planted = clean;
            for (var i = 0; i < Families.Length; i++)
                planted = breaks[chosen[i]](planted, Families[i]);
            if (Styles[style].Name == "CRLF")
                (clean, planted) = (clean.ReplaceLineEndings("\r\n"), planted.ReplaceLineEndings("\r\n"));
            FixRestores(clean, planted, []);
        }, iter: Iterations, threads: 1);
    }

    // What a hand edit leaves in a gallery: comments, quotes, flow brackets, anchors, merges, odd indentation.
    private static readonly string[] Fragments =
    [
        "# c", " # c", "'", "\"", "[", "]", "{", "}", ", ", ": ", "&x ", "*vllm", "<<: *kokoro", "!!merge ", "- ", "  ", "\t", "|", ">",
        "-development", "latest-", "master-", "alias: x", "name: cpu-vllm", "mirrors: [a, b]", "capabilities: {default: cpu-vllm}",
    ];

    /// <summary>
    /// Whatever the gallery, with problems planted and its text mutated around them: <c>fix</c> never
    /// writes a gallery it cannot read (that is an internal error, and nothing is written), and what it
    /// writes has nothing left to fix.
    /// </summary>
    [Test]
    public void Fix_never_breaks_a_gallery()
    {
        Func<string, string>[] plants =
        [
            t => RemoveEntry(t, "cpu-vllm-development"),
            t => RemoveEntry(t, "kokoro-development"),
            t => RemoveKey(t, "whisper", "alias"),
            t => RemoveKey(t, "llama-cpp-development", "capabilities"),
            t => Repoint(t, "vllm-development", "nvidia", "cuda12-vllm-development", "cuda12-vllm"),
            t => CopyEntry(t, "metal-whisper", after: null, requote: true),
        ];
        var gen = Gen.Select(Gen.Int[0, Styles.Length - 1], Gen.Int[0, plants.Length - 1].Array[1, 3], Gen.Int[0, 4], Gen.Int);
        gen.Sample((style, planted, mutations, seed) =>
        {
            var text = Styles[style].Write(BaseIndex);
            foreach (var plant in planted.Distinct())
                text = plants[plant](text);
            var random = new Random(seed);
            var lines = Lines(text);
            for (var i = 0; i < mutations; i++)
            {
                var at = random.Next(lines.Count);
                switch (random.Next(4))
                {
                    case 0: lines.RemoveAt(at); break;
                    case 1: lines.Insert(at, lines[at]); break;
                    case 2: lines[at] = lines[at].Insert(random.Next(lines[at].Length + 1), Fragments[random.Next(Fragments.Length)]); break;
                    default: lines.Insert(at, Fragments[random.Next(Fragments.Length)]); break;
                }
            }

            var path = Path.Combine(Repo, Index);
            File.WriteAllText(path, string.Join(Styles[style].Name == "CRLF" ? "\r\n" : "\n", lines));
            var fix = Run.InProcess("fix", "--fail-level", "none", Repo);
            fix.Err.Should().NotContain("internal error").And.NotContain("   at ").And.NotContain("still offered");
            fix.Exit.Should().BeOneOf(0, 3);
            if (fix.Exit == 0)
                Run.InProcess("fix", "--dry-run", "--fail-level", "none", Repo).Should().Be((0, "", "backendlint: nothing to fix\n"));
        }, iter: Iterations * 2, threads: 1);
    }

    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("BACKENDLINT_PROPERTY_ITERATIONS"), out var n) ? n : 60;

    private void FixRestores(string clean, string planted, string[] rules)
    {
        var path = Path.Combine(Repo, Index);
        if (_checkedClean.Add(clean))
        {
            File.WriteAllText(path, clean);
            Check(Repo).Should().Be((0, "0 errors, 0 warnings in 0 of 6 backends\n"), "the clean gallery, written this way, reports nothing");
        }

        File.WriteAllText(path, planted);
        var before = Check(Repo);
        foreach (var rule in rules)
            before.Out.Should().Contain($"(fixable) [{rule}]");

        var fix = Run.InProcess("fix", Repo);
        fix.Exit.Should().Be(0, fix.Out + fix.Err);
        File.ReadAllText(path).Should().Be(clean, "fixing gives back the gallery without the problem, and changes nothing else");

        // Nothing is left at any level, and a second fix has nothing to do.
        var again = Run.InProcess("fix", "--dry-run", "--fail-level", "note", Repo);
        (again.Exit, again.Out, again.Err).Should().Be((0, "", "backendlint: nothing to fix\n"));
    }

    private static (int Exit, string Out) Check(string repo)
    {
        var result = Run.InProcess("check", "--fail-level", "note", "--no-color", repo);
        return (result.Exit, result.Out);
    }

    // The lines of one entry: from its '- ' line to the next entry or comment at column 1.
    private static (int Start, int End) EntryLines(List<string> lines, string name)
    {
        var at = lines.FindIndex(l => l.TrimEnd() is var t && (t == $"  name: \"{name}\"" || t == $"  name: '{name}'" || t == $"  name: {name}"));
        at.Should().BeGreaterThanOrEqualTo(0, $"the gallery has an entry '{name}'");
        var start = lines.FindLastIndex(at, l => l.StartsWith("- ", StringComparison.Ordinal));
        var end = lines.FindIndex(at, l => l.Length == 0 || l[0] is '-' or '#');
        return (start, end < 0 ? lines.Count : end);
    }

    private static List<string> Lines(string text) => [.. text.Split('\n')];

    private static string RemoveEntry(string text, string name)
    {
        var lines = Lines(text);
        var (start, end) = EntryLines(lines, name);
        lines.RemoveRange(start, end - start);
        return string.Join('\n', lines);
    }

    private static string RemoveKey(string text, string entry, string key)
    {
        var lines = Lines(text);
        var (start, end) = EntryLines(lines, entry);
        var at = lines.FindIndex(start, end - start, l => l.StartsWith($"  {key}:", StringComparison.Ordinal));
        var count = 1;
        while (at + count < end && lines[at + count].StartsWith("    ", StringComparison.Ordinal))
            count++;
        lines.RemoveRange(at, count);
        return string.Join('\n', lines);
    }

    private static string Repoint(string text, string entry, string key, string from, string to)
    {
        var lines = Lines(text);
        var (start, end) = EntryLines(lines, entry);
        var at = lines.FindIndex(start, end - start, l => l.Contains($"{key}: ", StringComparison.Ordinal) && l.Contains(from, StringComparison.Ordinal));
        var value = lines[at].IndexOf(from, lines[at].IndexOf($"{key}: ", StringComparison.Ordinal), StringComparison.Ordinal);
        lines[at] = lines[at][..value] + to + lines[at][(value + from.Length)..];
        return string.Join('\n', lines);
    }

    // A second entry of the name, after the entry 'after' or at the end of the file, as written or with its quotes changed (the same entry to LocalAI).
    private static string CopyEntry(string text, string name, string? after, bool requote)
    {
        var lines = Lines(text);
        var (start, end) = EntryLines(lines, name);
        var copy = lines.GetRange(start, end - start).Select(l => requote ? l.Replace('"', '\'') : l).ToList();
        var at = after is null ? (lines[^1].Length == 0 ? lines.Count - 1 : lines.Count) : EntryLines(lines, after).End;
        lines.InsertRange(at, copy);
        return string.Join('\n', lines);
    }

    // 'mirrors:' and its '- item' lines written as 'mirrors: [item, …]'.
    private static string FlowLists(string text) => Flow(text, "  mirrors:", "    - ", "[", "]");

    // 'capabilities:' and its 'key: value' lines written as 'capabilities: {key: value, …}'.
    private static string FlowMaps(string text) => Flow(text, "  capabilities:", "    ", "{", "}");

    private static string Flow(string text, string key, string itemPrefix, string open, string close)
    {
        var lines = Lines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] != key)
                continue;
            var items = new List<string>();
            while (i + 1 < lines.Count && lines[i + 1].StartsWith(itemPrefix, StringComparison.Ordinal))
            {
                items.Add(lines[i + 1][itemPrefix.Length..]);
                lines.RemoveAt(i + 1);
            }

            lines[i] = $"{key} {open}{string.Join(", ", items)}{close}";
        }

        return string.Join('\n', lines);
    }

    // Every double-quoted value written single-quoted.
    private static string SingleQuotes(string text) =>
        string.Join('\n', Lines(text).Select(l => l.TrimStart().StartsWith('#') ? l : l.Replace('"', '\'')));

    // LocalAI's usual place for a development meta: right before its family's first image.
    private static string DevelopmentMetasBeforeImages(string text)
    {
        foreach (var family in Families)
        {
            var lines = Lines(text);
            var (start, end) = EntryLines(lines, $"{family}-development");
            var meta = lines.GetRange(start, end - start);
            lines.RemoveRange(start, end - start);
            lines.InsertRange(EntryLines(lines, $"cpu-{family}").Start, meta);
            text = string.Join('\n', lines);
        }

        return text;
    }

    // Each development meta right after the meta it merges.
    private static string DevelopmentMetasAfterMetas(string text)
    {
        foreach (var family in Families)
        {
            var lines = Lines(text);
            var (start, end) = EntryLines(lines, $"{family}-development");
            var meta = lines.GetRange(start, end - start);
            lines.RemoveRange(start, end - start);
            lines.InsertRange(EntryLines(lines, family).End, meta);
            text = string.Join('\n', lines);
        }

        return text;
    }

    // The fix writes a missing alias right after the name, as most of LocalAI's metas have it.
    private static string AliasesAfterNames(string text)
    {
        foreach (var family in Families)
        {
            var lines = Lines(text);
            var (start, end) = EntryLines(lines, family);
            var alias = lines.FindIndex(start, end - start, l => l.StartsWith("  alias:", StringComparison.Ordinal));
            var line = lines[alias];
            lines.RemoveAt(alias);
            lines.Insert(lines.FindIndex(start, l => l.StartsWith("  name:", StringComparison.Ordinal)) + 1, line);
            text = string.Join('\n', lines);
        }

        return text;
    }
}
