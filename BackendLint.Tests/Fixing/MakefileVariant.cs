using System.Text;

namespace BackendLint.Tests.Fixing;

/// <summary>
/// How a prerequisite list is laid out: the line each item is on (0 is the target's line; an item on a
/// later line is on a continued line), whether the items are sorted, and the continued lines' indentation.
/// </summary>
public sealed record ListShape(string Name, Func<int, int> LineOf, bool Sorted = false, string Indent = "\t")
{
    public static readonly ListShape OneLine = new("one-line", _ => 0);
    public static readonly ListShape OnePerLine = new("one-per-line", i => i + 1);
    public static readonly ListShape FirstOnTargetLine = new("first-on-target-line", i => i);
    public static readonly ListShape Pairs = new("pairs", i => i / 2);

    // The base fixture's docker-build-backends: one, one, then two on the last line.
    public static readonly ListShape OneOneTwo = new("one-one-two", i => Math.Min(i, 2));

    public ListShape SortedBy() => this with { Name = Name + "-sorted", Sorted = true };

    public ListShape IndentedBy(string indent) => this with { Name = Name + (indent == "\t" ? "" : "-spaces"), Indent = indent };

    /// <summary>The list's items in the list's order, the full set given in definition order.</summary>
    public IReadOnlyList<string> Order(IReadOnlyList<string> items) => Sorted ? items.Order(StringComparer.Ordinal).ToList() : items;

    /// <summary>The rule, with <paramref name="missing"/> left out of the lines they would be on.</summary>
    public string Render(string target, IReadOnlyList<string> items, IReadOnlySet<string> missing)
    {
        var lines = new SortedDictionary<int, List<string>> { [0] = [] };
        var order = Order(items);
        for (var i = 0; i < order.Count; i++)
        {
            if (missing.Contains(order[i]))
                continue;
            var line = LineOf(i);
            if (!lines.TryGetValue(line, out var onLine))
                lines[line] = onLine = [];
            onLine.Add(order[i]);
        }

        var rendered = lines.Select((l, n) => (n == 0 ? target + ":" + (l.Value.Count > 0 ? " " : "") : Indent) + string.Join(' ', l.Value)).ToList();
        return string.Join(" \\\n", rendered);
    }

    public override string ToString() => Name;
}

/// <summary>
/// The base fixture's Makefile (<c>fixtures/localai-default/Makefile</c>) written from its parts, with
/// problems planted: list items, eval lines and recipe steps left out, lists laid out another way,
/// definitions and steps written on continued lines, CRLF line ends, no final newline. The default
/// variant is the fixture's Makefile byte for byte.
/// </summary>
public sealed record MakefileVariant
{
    public static readonly string[] Definitions = ["LLAMA_CPP", "WHISPER", "VLLM", "KOKORO"];
    public static readonly string[] NotParallelItems = ["backends/llama-cpp", "backends/whisper", "backends/vllm", "backends/kokoro", "backends/llama-cpp-darwin"];
    public static readonly string[] DockerBuildItems = ["docker-build-llama-cpp", "docker-build-whisper", "docker-build-vllm", "docker-build-kokoro"];

    /// <summary>The steps of prepare-test-extra, in its order: python backends first, then a blank line and whisper.</summary>
    public static readonly string[] PreparedBackends = ["python/vllm", "python/kokoro", "go/whisper"];

    /// <summary>The steps of test-extra, in its order.</summary>
    public static readonly string[] TestedBackends = ["python/vllm", "python/kokoro", "go/whisper", "go/llama-cpp-grpc"];

    // A recipe line's prefix, written out so that no tab hides in this file.
    private const string T = "\t";

    private static readonly Dictionary<string, string> Values = new()
    {
        ["LLAMA_CPP"] = " = llama-cpp|llama-cpp|.|false|false",
        ["WHISPER"] = " = whisper|golang|.|false|true",
        ["VLLM"] = " = vllm|python|.|false|true",
        ["KOKORO"] = " := kokoro|python|./|false|true",
    };

    /// <summary>Null: the Makefile has no <c>.NOTPARALLEL:</c> line at all.</summary>
    public ListShape? NotParallel { get; init; } = ListShape.Pairs;

    public IReadOnlySet<string> NotParallelMissing { get; init; } = new HashSet<string>();

    public ListShape DockerBuild { get; init; } = ListShape.OneOneTwo;

    public IReadOnlySet<string> DockerBuildMissing { get; init; } = new HashSet<string>();

    /// <summary>Definitions (<c>KOKORO</c> for <c>BACKEND_KOKORO</c>) whose eval line is left out.</summary>
    public IReadOnlySet<string> EvalMissing { get; init; } = new HashSet<string>();

    /// <summary>Each definition continued after its operator: <c>BACKEND_X = \</c>, the value on the next line.</summary>
    public bool ContinuedDefinitions { get; init; }

    /// <summary>Backends (<c>python/kokoro</c>) whose test-extra step is left out.</summary>
    public IReadOnlySet<string> TestMissing { get; init; } = new HashSet<string>();

    /// <summary>Backends whose prepare-test-extra step is left out.</summary>
    public IReadOnlySet<string> PrepareMissing { get; init; } = new HashSet<string>();

    /// <summary>Each step continued with <c>\</c> onto a second line.</summary>
    public bool ContinuedSteps { get; init; }

    public bool Crlf { get; init; }

    public bool FinalNewline { get; init; } = true;

    /// <summary>The same layout with nothing left out.</summary>
    public MakefileVariant Complete() => this with
    {
        NotParallel = NotParallel ?? ListShape.OneLine.SortedBy(),
        NotParallelMissing = new HashSet<string>(),
        DockerBuildMissing = new HashSet<string>(),
        EvalMissing = new HashSet<string>(),
        TestMissing = new HashSet<string>(),
        PrepareMissing = new HashSet<string>(),
    };

    public string Render()
    {
        var text = new StringBuilder();
        if (NotParallel is { } notParallel)
        {
            text.Append("# Disable parallel execution for backend builds\n")
                .Append(notParallel.Render(".NOTPARALLEL", NotParallelItems, NotParallelMissing)).Append("\n\n");
        }

        text.Append("""
            GOCMD=go
            UBUNTU_VERSION?=2404
            export BUILD_TYPE?=
            BACKEND_TEST_MODEL_URL?=https://huggingface.co/Qwen/Qwen3-0.6B-GGUF/resolve/main/Qwen3-0.6B-Q8_0.gguf

            prepare-test-extra: protogen-python

            """);
        foreach (var backend in PreparedBackends.Where(b => !PrepareMissing.Contains(b)))
        {
            if (backend == "go/whisper")
                text.Append('\n');
            text.Append(ContinuedSteps ? $"\t$(MAKE) \\\n\t\t-C backend/{backend}\n" : $"\t$(MAKE) -C backend/{backend}\n");
        }

        text.Append("\ntest-extra: prepare-test-extra\n");
        foreach (var backend in TestedBackends.Where(b => !TestMissing.Contains(b)))
            text.Append(ContinuedSteps ? $"\t$(MAKE) -C backend/{backend} \\\n\t\ttest\n" : $"\t$(MAKE) -C backend/{backend} test\n");

        text.Append($"""

            ########################################################
            ## Backends
            ########################################################

            # Pattern rule for standard backends (docker-based)
            backends/%: docker-build-% docker-save-% build
            {T}./local-ai backends install "ocifile://$(abspath ./backend-images/$*.tar)"

            # Darwin-specific backends keep explicit targets.
            backends/llama-cpp-darwin: build
            {T}bash ./scripts/build/llama-cpp-darwin.sh
            {T}./local-ai backends install "ocifile://$(abspath ./backend-images/llama-cpp.tar)"

            # Backend metadata: BACKEND_NAME | DOCKERFILE_TYPE | BUILD_CONTEXT | PROGRESS_FLAG | NEEDS_BACKEND_ARG

            """);
        foreach (var name in Definitions)
        {
            var value = Values[name];
            var op = value.Trim().Split(' ')[0];
            text.Append(ContinuedDefinitions ? $"BACKEND_{name} {op} \\\n\t{value.Trim()[(op.Length + 1)..]}\n" : $"BACKEND_{name}{value}\n");
        }

        text.Append($"""

            define docker-build-backend
            {T}docker build $(if $(filter-out false,$(4)),$(4)) \
            {T}{T}$(if $(filter true,$(5)),--build-arg BACKEND=$(1)) \
            {T}{T}-t local-ai-backend:$(1) -f backend/Dockerfile.$(2) $(3)
            endef

            define generate-docker-build-target
            docker-build-$(word 1,$(subst |, ,$(1))):
            {T}$$(call docker-build-backend,$(word 1,$(subst |, ,$(1))),$(word 2,$(subst |, ,$(1))),$(word 3,$(subst |, ,$(1))),$(word 4,$(subst |, ,$(1))),$(word 5,$(subst |, ,$(1))))
            endef

            # Generate all docker-build targets

            """);
        foreach (var name in Definitions.Where(d => !EvalMissing.Contains(d)))
            text.Append($"$(eval $(call generate-docker-build-target,$(BACKEND_{name})))\n");

        text.Append($"""

            docker-save-%: backend-images
            {T}docker save local-ai-backend:$* -o backend-images/$*.tar


            """);
        text.Append(DockerBuild.Render("docker-build-backends", DockerBuildItems, DockerBuildMissing));
        if (FinalNewline)
            text.Append('\n');

        var rendered = text.ToString();
        return Crlf ? rendered.Replace("\n", "\r\n", StringComparison.Ordinal) : rendered;
    }

    /// <summary>The words the fixes must insert: the items, eval lines, steps and list left out (a bare '.NOTPARALLEL:' lacks nothing).</summary>
    public List<string> ExpectedWords()
    {
        var words = new List<string>();
        if (NotParallel is null)
            words.AddRange([".NOTPARALLEL:", .. NotParallelItems]);
        else if (NotParallelMissing.Count < NotParallelItems.Length)
            words.AddRange(NotParallelMissing);
        words.AddRange(DockerBuildMissing);
        foreach (var name in EvalMissing)
            words.AddRange($"$(eval $(call generate-docker-build-target,$(BACKEND_{name})))".Split(' '));
        foreach (var backend in PreparedBackends.Where(b => TestMissing.Contains(b) && !PrepareMissing.Contains(b)))
            words.AddRange(["$(MAKE)", "-C", $"backend/{backend}", "test"]);
        foreach (var backend in TestedBackends.Where(b => b.StartsWith("python/", StringComparison.Ordinal) && PrepareMissing.Contains(b) && !TestMissing.Contains(b)))
            words.AddRange(["$(MAKE)", "-C", $"backend/{backend}"]);
        return words;
    }

    public override string ToString()
    {
        var parts = new List<string>
        {
            NotParallel is null ? "no-notparallel" : $"notparallel={NotParallel}{Missing(NotParallelMissing)}",
            $"docker-build={DockerBuild}{Missing(DockerBuildMissing)}",
        };
        if (EvalMissing.Count > 0 || ContinuedDefinitions)
            parts.Add($"evals{Missing(EvalMissing)}{(ContinuedDefinitions ? " continued-definitions" : "")}");
        if (TestMissing.Count + PrepareMissing.Count > 0 || ContinuedSteps)
            parts.Add($"steps{Missing(TestMissing, "untested")}{Missing(PrepareMissing, "unprepared")}{(ContinuedSteps ? " continued" : "")}");
        parts.Add(Crlf ? "crlf" : "lf");
        if (!FinalNewline)
            parts.Add("no-final-newline");
        return string.Join(" ", parts);
    }

    private static string Missing(IReadOnlySet<string> missing, string what = "missing") =>
        missing.Count == 0 ? "" : $" {what}=[{string.Join(",", missing.Order(StringComparer.Ordinal))}]";
}
