using BackendLint.Checks;
using BackendLint.Cli;
using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Parsing;
using BackendLint.Tests.Support;
using CsCheck;

namespace BackendLint.Tests.Fixing;

/// <summary>
/// The acceptance for the Makefile rules' fixes (BL3001–BL3004): each problem planted into the base
/// fixture's Makefile in every position (first, middle, last of a list, two at one place, an empty list,
/// no list), in every layout (one line, one item per line, items on continued lines, sorted), with CRLF
/// and without a final newline, with definitions and steps on continued lines. <c>backendlint fix</c> runs
/// in-process on a materialized copy; then every planted finding is gone, no finding appears that was
/// not there, a second <c>fix</c> changes no byte, and the file only grew by the intended words, in the
/// file's own order. BACKENDLINT_PROPERTY_ITERATIONS sets how many combined variants (CI: the default).
/// </summary>
[NonParallelizable]
public class MakefileFixProperties
{
    private static readonly string[] MakefileRules = [CheckIds.BackendMustBeNotParallel, CheckIds.BackendMustBeInDockerBuildBackends, CheckIds.DefinitionAndEvalMustPair, CheckIds.PreparedBackendMustBeTested];

    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("BACKENDLINT_PROPERTY_ITERATIONS"), out var n) ? n : 120;

    private static readonly ListShape[] Shapes =
    [
        ListShape.Pairs, ListShape.OneOneTwo, ListShape.OneLine, ListShape.OnePerLine, ListShape.FirstOnTargetLine,
        ListShape.OneLine.SortedBy(), ListShape.OnePerLine.SortedBy(),
    ];

    private Fixture _repository = null!;

    // One copy of the base for every case: each writes its Makefile, and fix writes nothing else.
    [OneTimeSetUp]
    public void Materialize() => _repository = Fixture.Materialize(Fixture.Base);

    [OneTimeTearDown]
    public void Remove() => _repository.Dispose();

    [Test]
    public void The_default_variant_is_the_base_fixture()
    {
        new MakefileVariant().Render().Should().Be(File.ReadAllText(Path.Combine(Fixture.BaseDirectory, "Makefile")));
    }

    /// <summary>One problem of one rule at a time, in every position and layout; exact where the layout allows one answer.</summary>
    [TestCaseSource(nameof(OneRuleAtATime))]
    public void Fix_removes_the_planted_problem_and_changes_nothing_else(MakefileVariant variant, bool restoresTheLayout)
    {
        var (before, after) = FixAndVerify(_repository.Path, variant);
        before.Should().Contain(f => f.Fix != null, "the variant plants a fixable problem");
        if (restoresTheLayout)
            after.Should().Be(variant.Complete().Render(), "one missing piece goes back where the layout has it");
    }

    /// <summary>Problems of every rule at once, in random positions and layouts.</summary>
    [Test]
    public void Fix_removes_every_planted_problem_and_changes_nothing_else()
    {
        Variants.Sample(variant => FixAndVerify(_repository.Path, variant), iter: Iterations, threads: 1, print: v => v.ToString());
    }

    public static IEnumerable<TestCaseData> OneRuleAtATime()
    {
        // Single items (first, middle, last; the explicit darwin target is not a definition), two at one place.
        string[][] notParallel = [["backends/llama-cpp"], ["backends/whisper"], ["backends/vllm"], ["backends/kokoro"], ["backends/llama-cpp-darwin"],
            ["backends/llama-cpp", "backends/whisper"], ["backends/vllm", "backends/kokoro"], ["backends/kokoro", "backends/llama-cpp-darwin"],
            // Sorted, both go after the last item, and their definitions are in the other order.
            ["backends/whisper", "backends/vllm"]];
        // The same, and the whole list: an empty 'docker-build-backends:'.
        string[][] dockerBuild = [["docker-build-llama-cpp"], ["docker-build-whisper"], ["docker-build-vllm"], ["docker-build-kokoro"],
            ["docker-build-llama-cpp", "docker-build-whisper"], ["docker-build-whisper", "docker-build-vllm"], ["docker-build-vllm", "docker-build-kokoro"], MakefileVariant.DockerBuildItems];
        ListShape[] shapes = [ListShape.OneLine, ListShape.OnePerLine, ListShape.FirstOnTargetLine, ListShape.OneLine.SortedBy(), ListShape.OnePerLine.SortedBy()];
        // CRLF where a fix writes line ends of its own: new lines and continued lines.
        ListShape[] crlfShapes = [ListShape.OnePerLine, ListShape.OnePerLine.SortedBy()];

        foreach (var shape in shapes.Append(ListShape.Pairs).Concat(crlfShapes.Append(ListShape.Pairs)).Select((s, i) => (Shape: s, Crlf: i > shapes.Length)))
        {
            foreach (var missing in notParallel)
                yield return Case(new MakefileVariant { NotParallel = shape.Shape, NotParallelMissing = missing.ToHashSet(), Crlf = shape.Crlf }, Restores(shape.Shape, missing.Length));
        }

        // The list is the file's last line: with CRLF and without a final newline, the hardest end.
        var lastLine = shapes.Append(ListShape.OneOneTwo).Select(s => (Shape: s, Crlf: false, FinalNewline: true))
            .Concat(crlfShapes.Append(ListShape.OneOneTwo).Select(s => (Shape: s, Crlf: true, FinalNewline: false)))
            .Concat(new[] { ListShape.OneLine, ListShape.OnePerLine }.Select(s => (Shape: s, Crlf: false, FinalNewline: false)));
        foreach (var (shape, crlf, finalNewline) in lastLine)
        {
            foreach (var missing in dockerBuild)
            {
                var restores = Restores(shape, missing.Length) || (shape == ListShape.OneLine && missing.Length == MakefileVariant.DockerBuildItems.Length);
                yield return Case(new MakefileVariant { DockerBuild = shape, DockerBuildMissing = missing.ToHashSet(), Crlf = crlf, FinalNewline = finalNewline }, restores);
            }
        }

        foreach (var crlf in new[] { false, true })
        {
            yield return Case(new MakefileVariant { NotParallel = null, Crlf = crlf }, false);
            yield return Case(new MakefileVariant { NotParallel = null, ContinuedDefinitions = true, Crlf = crlf }, false);

            foreach (var continued in new[] { false, true })
            {
                string[][] evals = [["LLAMA_CPP"], ["WHISPER"], ["VLLM"], ["KOKORO"], ["WHISPER", "VLLM"], ["LLAMA_CPP", "WHISPER"], MakefileVariant.Definitions];
                foreach (var missing in evals)
                    yield return Case(new MakefileVariant { EvalMissing = missing.ToHashSet(), ContinuedDefinitions = continued, Crlf = crlf }, missing.Length == 1);

                (string[] Untested, string[] Unprepared)[] steps =
                [
                    (["python/vllm"], []), (["python/kokoro"], []), (["go/whisper"], []), ([], ["python/vllm"]), ([], ["python/kokoro"]),
                    (["python/vllm", "python/kokoro"], []), (["python/kokoro", "go/whisper"], []), (["python/vllm", "python/kokoro", "go/whisper"], []),
                    ([], ["python/vllm", "python/kokoro"]), (["python/kokoro"], ["python/vllm"]),
                ];
                foreach (var (untested, unprepared) in steps)
                {
                    var variant = new MakefileVariant { TestMissing = untested.ToHashSet(), PrepareMissing = unprepared.ToHashSet(), ContinuedSteps = continued, Crlf = crlf };
                    yield return Case(variant, !continued && untested.Length + unprepared.Length == 1);
                }
            }
        }

        static TestCaseData Case(MakefileVariant variant, bool restores) =>
            new TestCaseData(variant, restores).SetArgDisplayNames(variant.ToString());

        // A list of one line or of one item per line takes one missing item back exactly where it was.
        static bool Restores(ListShape shape, int missing) =>
            missing == 1 && (shape.Name.StartsWith("one-line", StringComparison.Ordinal) || shape.Name.StartsWith("one-per-line", StringComparison.Ordinal));
    }

    private static readonly Gen<IReadOnlySet<string>> NotParallelSubset = Subset(MakefileVariant.NotParallelItems);

    private static readonly Gen<MakefileVariant> Variants =
        from absent in Gen.Int[0, 6]
        from shape in Shape()
        let notParallel = absent == 0 ? null : shape
        from notParallelMissing in NotParallelSubset
        from dockerBuild in Shape()
        from dockerBuildMissing in Subset(MakefileVariant.DockerBuildItems)
        from evalMissing in Subset(MakefileVariant.Definitions)
        from continuedDefinitions in Gen.Bool
        from steps in Gen.Int[0, 2].Array[3]
        from whisperUntested in Gen.Bool
        from continuedSteps in Gen.Bool
        from crlf in Gen.Bool
        from finalNewline in Gen.Bool
        select new MakefileVariant
        {
            NotParallel = notParallel,
            NotParallelMissing = notParallel is null ? new HashSet<string>() : notParallelMissing,
            DockerBuild = dockerBuild,
            DockerBuildMissing = dockerBuildMissing,
            EvalMissing = evalMissing,
            ContinuedDefinitions = continuedDefinitions,
            // Each Python backend keeps both steps (0), loses its test (1) or its preparation (2); whisper (Go) may lose its test.
            TestMissing = new[] { "python/vllm", "python/kokoro" }.Where((_, i) => steps[i] == 1).Append(whisperUntested ? "go/whisper" : "").Where(b => b.Length > 0).ToHashSet(),
            PrepareMissing = new[] { "python/vllm", "python/kokoro" }.Where((_, i) => steps[i] == 2).ToHashSet(),
            ContinuedSteps = continuedSteps,
            Crlf = crlf,
            FinalNewline = finalNewline,
        };

    private static Gen<ListShape> Shape() =>
        from shape in Gen.OneOf<ListShape>(ListShape.Pairs, ListShape.OneOneTwo, ListShape.OneLine, ListShape.OnePerLine, ListShape.FirstOnTargetLine)
        from sorted in Gen.Bool
        from spaces in Gen.Bool
        select (sorted ? shape.SortedBy() : shape).IndentedBy(spaces ? "    " : "\t");

    private static Gen<IReadOnlySet<string>> Subset(string[] items) =>
        Gen.Bool.Array[items.Length].Select(IReadOnlySet<string> (mask) => items.Where((_, i) => mask[i]).ToHashSet());

    /// <summary>Writes the variant, fixes it twice and checks every promise; the findings before and the fixed text.</summary>
    private static (List<Finding> Before, string After) FixAndVerify(string repository, MakefileVariant variant)
    {
        var makefile = Path.Combine(repository, "Makefile");
        var planted = variant.Render();
        File.WriteAllText(makefile, planted);
        var before = Findings(repository);
        before.Where(f => !MakefileRules.Contains(f.Rule.Id)).Should().BeEmpty($"only Makefile rules report on '{variant}'");

        var (exit, _, error) = Run.InProcess("fix", repository, "--no-color");
        error.Should().NotContain("still offered", $"every fix settles on '{variant}'");
        var after = File.ReadAllText(makefile);
        var remaining = Findings(repository);
        exit.Should().Be(remaining.Any(f => f.Level == Severity.Error) ? ExitCode.Findings : ExitCode.Success);

        // Every fixable finding is gone, and nothing new appears.
        remaining.Should().NotContain(f => f.Fix != null, $"fix leaves no fixable finding on '{variant}'");
        var known = before.Select(Key).ToHashSet();
        remaining.Select(Key).Where(k => !known.Contains(k)).Should().BeEmpty($"fix adds no finding on '{variant}'");
        remaining.Select(Key).Should().NotIntersectWith(before.Where(f => f.Fix != null).Select(Key));

        // A second run changes no byte.
        var (_, _, again) = Run.InProcess("fix", repository, "--no-color");
        again.Should().Be("backendlint: nothing to fix\n");
        File.ReadAllText(makefile).Should().Be(after, $"a second fix changes nothing on '{variant}'");

        // The file only grew, by the words that were missing, with its own line ends.
        var inserted = Insertions.WordsOf(planted, after);
        inserted.Should().NotBeNull($"fix only inserts on '{variant}':\n{after}");
        inserted!.Where(w => w != "\\").Should().BeEquivalentTo(variant.ExpectedWords(), $"fix inserts exactly what was missing on '{variant}':\n{after}");
        // In a CRLF file every line ends with CRLF; in an LF file no CR appears.
        var bare = variant.Crlf ? after.Replace("\r\n", "", StringComparison.Ordinal) : after;
        bare.Should().NotContainAny(["\r", variant.Crlf ? "\n" : "\r"], $"fix keeps the line ends on '{variant}'");
        after.EndsWith('\n').Should().Be(planted.EndsWith('\n'), $"fix keeps the final newline or its absence on '{variant}'");

        InFileOrder(variant, Read(after).Makefile);
        return (before, after);
    }

    // The fixed Makefile keeps its own orders: a sorted list sorted, a list in definition order in that
    // order, the evals in definition order, each recipe's steps in the other recipe's order.
    private static void InFileOrder(MakefileVariant variant, MakefileFacts facts)
    {
        ListOrder(variant.NotParallel, variant.NotParallelMissing, MakefileVariant.NotParallelItems, facts.NotParallel);
        ListOrder(variant.DockerBuild, variant.DockerBuildMissing, MakefileVariant.DockerBuildItems, facts.DockerBuildBackends);
        facts.Evals.Select(e => e.Variable.Value).Should().Equal(MakefileVariant.Definitions.Select(d => "BACKEND_" + d));

        // Steps missing from both recipes follow the other's order as planted, not as it was.
        if (variant.TestMissing.Count > 0 && variant.PrepareMissing.Count > 0)
            return;
        var prepared = facts.PrepareTestExtra!.Steps.Select(s => $"{s.Lang}/{s.Name}").ToList();
        var tested = facts.TestExtra!.Steps.Select(s => $"{s.Lang}/{s.Name}").ToList();
        tested.Where(prepared.Contains).Should().Equal(prepared.Where(tested.Contains), $"test-extra follows prepare-test-extra's order on '{variant}'");
    }

    private static void ListOrder(ListShape? shape, IReadOnlySet<string> missing, string[] items, MakeTargetList? list)
    {
        var values = list?.Prerequisites.Select(p => p.Value).ToList() ?? [];
        if (shape is null)
        {
            values.Should().Equal(items.Order(StringComparer.Ordinal), "a new list is sorted");
            return;
        }

        if (missing.Count == items.Length && items == MakefileVariant.NotParallelItems)
            return; // a bare '.NOTPARALLEL:' serializes everything and stays bare

        values.Should().BeEquivalentTo(items);
        if (shape.Sorted && items.Length - missing.Count >= 3)
            values.Should().BeInAscendingOrder(StringComparer.Ordinal);
        else if (!shape.Sorted)
            values.Where(v => !v.EndsWith("-darwin", StringComparison.Ordinal)).Should().Equal(items.Where(v => !v.EndsWith("-darwin", StringComparison.Ordinal)));
    }

    private static (string Rule, string? Identity) Key(Finding f) => (f.Rule.Id, f.Identity);

    private static List<Finding> Findings(string repository)
    {
        var (model, errors) = RepositoryReader.Read(repository, new SourcePaths());
        errors.Should().BeEmpty();
        return LintEngine.Run(model, CheckCatalog.All).Findings;
    }

    private static BackendModel Read(string makefile) => Lint.Model(makefile: makefile);
}
