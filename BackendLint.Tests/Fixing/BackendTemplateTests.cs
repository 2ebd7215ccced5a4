using BackendLint.Checks;
using BackendLint.Findings;
using BackendLint.Fixing;
using BackendLint.Model;
using BackendLint.Tests.Support;
using CsCheck;

namespace BackendLint.Tests.Fixing;

/// <summary>
/// What <c>add</c> plans, on inline repositories read by the real readers: NAME's copies carry NAME
/// where EXISTING's name is written, never inside another backend's name, and check then says
/// nothing about NAME but the source directory it leaves to the human.
/// </summary>
public class BackendTemplateTests
{
    private const string Makefile = """
        .NOTPARALLEL: backends/whisper backends/whisperx backends/faster-whisper

        prepare-test-extra: protogen-python
        	$(MAKE) -C backend/go/whisper
        	$(MAKE) -C backend/python/whisperx

        test-extra: prepare-test-extra
        	$(MAKE) -C backend/go/whisper test
        	$(MAKE) -C backend/python/whisperx test

        backends/%: docker-build-% docker-save-% build
        	./local-ai backends install "ocifile://$(abspath ./backend-images/$*.tar)"

        BACKEND_WHISPER = whisper|golang|.|false|true
        BACKEND_WHISPERX = whisperx|python|.|false|true
        BACKEND_FASTER_WHISPER = faster-whisper|python|.|false|true

        $(eval $(call generate-docker-build-target,$(BACKEND_WHISPER)))
        $(eval $(call generate-docker-build-target,$(BACKEND_WHISPERX)))
        $(eval $(call generate-docker-build-target,$(BACKEND_FASTER_WHISPER)))

        docker-build-backends: docker-build-whisper docker-build-whisperx docker-build-faster-whisper

        """;

    private const string Matrix = """
        include:
          - backend: "whisper"
            tag-suffix: '-cpu-whisper'
            platforms: 'linux/amd64'
            dockerfile: "./backend/Dockerfile.golang"
            context: "./"
          - backend: "faster-whisper"
            tag-suffix: '-cpu-faster-whisper'
            platforms: 'linux/amd64'
            dockerfile: "./backend/Dockerfile.python"
            context: "./"
          - backend: "whisperx"
            tag-suffix: '-cpu-whisperx'
            platforms: 'linux/amd64'
            dockerfile: "./backend/Dockerfile.python"
            context: "./"
        includeDarwin:
          - backend: "whisper"
            tag-suffix: "-metal-darwin-arm64-whisper"
            build-type: "metal"
            lang: "go"

        """;

    private const string Index = """
        - &whispercpp
          name: "whisper"
          alias: "whisper"
          description: "whisper.cpp: neither faster-whisper nor whisperx"
          capabilities:
            default: "cpu-whisper"
            metal: "metal-whisper"
        - &whisperx
          name: "whisperx"
          alias: "whisperx"
          capabilities:
            default: "cpu-whisperx"
        - &faster-whisper
          name: "faster-whisper"
          alias: "faster-whisper"
          capabilities:
            default: "cpu-faster-whisper"
        - !!merge <<: *whispercpp
          name: "whisper-development"
          capabilities:
            default: "cpu-whisper-development"
            metal: "metal-whisper-development"
        - !!merge <<: *whisperx
          name: "whisperx-development"
          capabilities:
            default: "cpu-whisperx-development"
        - !!merge <<: *faster-whisper
          name: "faster-whisper-development"
          capabilities:
            default: "cpu-faster-whisper-development"
        ## whisper
        - !!merge <<: *whispercpp
          name: "cpu-whisper"
          uri: "quay.io/go-skynet/local-ai-backends:latest-cpu-whisper"
        - !!merge <<: *whispercpp
          name: "cpu-whisper-development"
          uri: "quay.io/go-skynet/local-ai-backends:master-cpu-whisper"
        - !!merge <<: *whispercpp
          name: "metal-whisper"
          uri: "quay.io/go-skynet/local-ai-backends:latest-metal-darwin-arm64-whisper"
        - !!merge <<: *whispercpp
          name: "metal-whisper-development"
          uri: "quay.io/go-skynet/local-ai-backends:master-metal-darwin-arm64-whisper"
        ## whisperx
        - !!merge <<: *whisperx
          name: "cpu-whisperx"
          uri: "quay.io/go-skynet/local-ai-backends:latest-cpu-whisperx"
        - !!merge <<: *whisperx
          name: "cpu-whisperx-development"
          uri: "quay.io/go-skynet/local-ai-backends:master-cpu-whisperx"
        ## faster-whisper
        - !!merge <<: *faster-whisper
          name: "cpu-faster-whisper"
          uri: "quay.io/go-skynet/local-ai-backends:latest-cpu-faster-whisper"
        - !!merge <<: *faster-whisper
          name: "cpu-faster-whisper-development"
          uri: "quay.io/go-skynet/local-ai-backends:master-cpu-faster-whisper"

        """;

    private static readonly string[] PythonFiles = ["Makefile", "backend.py", "install.sh", "requirements.txt", "run.sh", "test.sh"];

    private static readonly string[] Tree =
    [
        "backend/Dockerfile.golang", "backend/Dockerfile.python", "backend/go/whisper/main.go",
        .. PythonFiles.Select(f => $"backend/python/whisperx/{f}"), .. PythonFiles.Select(f => $"backend/python/faster-whisper/{f}"),
    ];

    private sealed record Added(BackendAddition Addition, IReadOnlyDictionary<string, string> Texts)
    {
        public string Matrix => Texts[Lint.MatrixFile];

        public string Index => Texts[Lint.IndexFile];

        public string Makefile => Texts[Lint.MakefileFile];

        /// <summary>Check's findings about <paramref name="name"/> on the edited texts, with these files more in the tree.</summary>
        public List<Finding> About(string name, params string[] files) =>
            LintEngine.Run(Lint.Model(Matrix, Index, Makefile, tree: [.. Tree, .. files]), CheckCatalog.All).Findings.Where(f => f.Backend == name).ToList();
    }

    private static Added Add(string like, string name, string matrix = Matrix, string index = Index, string makefile = Makefile)
    {
        var model = Lint.Model(matrix, index, makefile, tree: Tree);
        var addition = BackendTemplate.Plan(model, like, name, Edits.AddToList);
        if (addition.Refusal is not null)
            return new Added(addition, new Dictionary<string, string>());
        var applied = FixApplier.Apply([new Fix("add", addition.Edits)], path => model.Source(path)?.Text);
        applied.Applied.Should().ContainSingle("the edits of one add never overlap");
        var texts = model.Sources.ToDictionary(s => s.Path, s => applied.Texts.GetValueOrDefault(s.Path) ?? s.Text.Text);
        return new Added(addition, texts);
    }

    [Test]
    public void The_base_reports_nothing()
    {
        LintEngine.Run(Lint.Model(Matrix, Index, Makefile, tree: Tree), CheckCatalog.All).Findings.Should().BeEmpty();
    }

    [Test]
    public void Adds_whisper2_like_whisper_without_touching_whisperx_or_faster_whisper()
    {
        var added = Add("whisper", "whisper2");

        added.Addition.Refusal.Should().BeNull();
        var all = string.Concat(added.Texts.Values);
        all.Should().NotContain("whisperx2").And.NotContain("faster-whisper2").And.NotContain("FASTER_WHISPER2");
        added.Matrix.Should().Contain("""
              - backend: "whisper2"
                tag-suffix: '-cpu-whisper2'
            """).And.Contain("""
              - backend: "whisper2"
                tag-suffix: "-metal-darwin-arm64-whisper2"
            """);
        added.Makefile.Should().Contain("BACKEND_WHISPER2 = whisper2|golang|.|false|true\n")
            .And.Contain("$(eval $(call generate-docker-build-target,$(BACKEND_WHISPER2)))\n")
            .And.Contain(".NOTPARALLEL: backends/whisper backends/whisper2 backends/whisperx")
            .And.Contain("docker-build-backends: docker-build-whisper docker-build-whisper2 docker-build-whisperx")
            .And.Contain("\t$(MAKE) -C backend/go/whisper2\n").And.Contain("\t$(MAKE) -C backend/go/whisper2 test\n");
        // The anchor has no hyphen-free form to rename ('whispercpp' is whisper's): its hyphen-free name part is renamed.
        added.Index.Should().Contain("- &whisper2cpp\n  name: \"whisper2\"\n  alias: \"whisper2\"\n")
            .And.Contain("- !!merge <<: *whisper2cpp\n  name: \"metal-whisper2-development\"\n  uri: \"quay.io/go-skynet/local-ai-backends:master-metal-darwin-arm64-whisper2\"");
        // Prose is copied as written: it describes whisper's upstream, which only a human can rewrite for whisper2.
        added.Index.Split("whisper.cpp: neither faster-whisper nor whisperx").Should().HaveCount(3);
    }

    [Test]
    public void After_adding_check_reports_only_the_missing_directory_and_with_it_nothing()
    {
        var added = Add("whisper", "whisper2");

        added.About("whisper2").Select(f => f.Rule.Id).Should().Equal("BL4001");
        added.About("whisper2", "backend/go/whisper2/main.go").Should().BeEmpty();
        var python = Add("whisperx", "whisperx2");
        python.About("whisperx2").Select(f => f.Rule.Id).Should().Equal("BL4001");
        python.About("whisperx2", [.. PythonFiles.Select(f => $"backend/python/whisperx2/{f}")]).Should().BeEmpty();
    }

    [Test]
    public void Adding_next_to_a_longer_name_copies_only_the_shorter_backend()
    {
        var added = Add("faster-whisper", "faster-whisper2");

        added.About("faster-whisper2", [.. PythonFiles.Select(f => $"backend/python/faster-whisper2/{f}")]).Should().BeEmpty();
        added.Index.Should().Contain("- &faster-whisper2\n").And.Contain("name: \"cpu-faster-whisper2-development\"");
        added.Matrix.Split("backend: \"whisper\"").Should().HaveCount(3, "whisper's own entries stay as they are");
    }

    [Test]
    public void The_copies_of_a_run_of_entries_follow_the_run_in_the_same_order()
    {
        var matrix = Matrix.Replace("""
              - backend: "faster-whisper"
            """, """
              - backend: "whisper"
                tag-suffix: '-cpu-whisper'
                platforms: 'linux/arm64'
                dockerfile: "./backend/Dockerfile.golang"
                context: "./"
              - backend: "faster-whisper"
            """);
        var added = Add("whisper", "whisper2", matrix: matrix);

        var lines = added.Matrix.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("platforms:", StringComparison.Ordinal) || l.StartsWith("- backend:", StringComparison.Ordinal)).ToList();
        lines.Take(8).Should().Equal(
            "- backend: \"whisper\"", "platforms: 'linux/amd64'", "- backend: \"whisper\"", "platforms: 'linux/arm64'",
            "- backend: \"whisper2\"", "platforms: 'linux/amd64'", "- backend: \"whisper2\"", "platforms: 'linux/arm64'");
    }

    [Test]
    public void A_build_no_image_uses_is_not_copied()
    {
        var matrix = Matrix.Replace("includeDarwin:", """
              - backend: "whisperx"
                tag-suffix: '-gpu-nvidia-cuda-13-whisperx'
                platforms: 'linux/amd64'
                dockerfile: "./backend/Dockerfile.python"
                context: "./"
            includeDarwin:
            """);
        var added = Add("whisperx", "whisperx2", matrix: matrix);

        added.Matrix.Should().NotContain("-gpu-nvidia-cuda-13-whisperx2");
        added.Addition.NotCopied.Should().ContainSingle().Which.Should().Contain("'-gpu-nvidia-cuda-13-whisperx'").And.Contain("[BL2001]");
        added.About("whisperx2", [.. PythonFiles.Select(f => $"backend/python/whisperx2/{f}")]).Should().BeEmpty();
    }

    [Test]
    public void An_image_nothing_builds_is_not_copied_nor_named_by_the_capabilities()
    {
        var index = Index.Replace("""
                default: "cpu-whisperx"
            """, """
                default: "cpu-whisperx"
                amd: "rocm-whisperx"
            """).Replace("""
            ## faster-whisper
            """, """
            - !!merge <<: *whisperx
              name: "rocm-whisperx"
              uri: "quay.io/go-skynet/local-ai-backends:latest-gpu-rocm-hipblas-whisperx"
            ## faster-whisper
            """);
        var added = Add("whisperx", "whisperx2", index: index);

        added.Index.Should().NotContain("rocm-whisperx2");
        added.Addition.NotCopied.Should().Contain(n => n.Contains("'rocm-whisperx'") && n.Contains("[BL1001]"));
        added.About("whisperx2", [.. PythonFiles.Select(f => $"backend/python/whisperx2/{f}")]).Should().BeEmpty();
    }

    [Test]
    public void Pieces_existing_lacks_are_written_as_check_asks_for_them()
    {
        // whisperx: not in .NOTPARALLEL (BL3001), no master image (BL1002), no development meta (BL1005),
        // and faster-whisper's development meta names a release image (BL1004).
        var makefile = Makefile.Replace(" backends/whisperx ", " ");
        var index = Index.Replace("""
            - !!merge <<: *whisperx
              name: "whisperx-development"
              capabilities:
                default: "cpu-whisperx-development"

            """, "").Replace("""
            - !!merge <<: *whisperx
              name: "cpu-whisperx-development"
              uri: "quay.io/go-skynet/local-ai-backends:master-cpu-whisperx"

            """, "");
        var added = Add("whisperx", "whisperx2", makefile: makefile, index: index);

        added.Addition.Completed.Should().HaveCount(3).And.Contain(c => c.Contains("[BL3001]")).And.Contain(c => c.Contains("[BL1002]")).And.Contain(c => c.Contains("[BL1005]"));
        added.Makefile.Should().Contain("backends/whisper backends/whisperx2 backends/faster-whisper");
        added.Index.Should().Contain("""
            - !!merge <<: *whisperx2
              name: "whisperx2-development"
              capabilities:
                default: "cpu-whisperx2-development"
            - !!merge <<: *whisperx2
              name: "cpu-whisperx2"
              uri: "quay.io/go-skynet/local-ai-backends:latest-cpu-whisperx2"
            - !!merge <<: *whisperx2
              name: "cpu-whisperx2-development"
              uri: "quay.io/go-skynet/local-ai-backends:master-cpu-whisperx2"
            """);
        added.About("whisperx2", [.. PythonFiles.Select(f => $"backend/python/whisperx2/{f}")]).Should().BeEmpty();

        var development = Add("faster-whisper", "faster-whisper2", index: Index.Replace("default: \"cpu-faster-whisper-development\"", "default: \"cpu-faster-whisper\""));
        development.Index.Should().Contain("name: \"faster-whisper2-development\"\n  capabilities:\n    default: \"cpu-faster-whisper2-development\"");
        development.Addition.Completed.Should().ContainSingle().Which.Should().Contain("[BL1004]");
    }

    [Test]
    public void A_meta_without_alias_gets_one_for_its_development_images()
    {
        var added = Add("whisperx", "whisperx2", index: Index.Replace("  alias: \"whisperx\"\n", ""));

        added.Index.Should().Contain("- &whisperx2\n  name: \"whisperx2\"\n  alias: \"whisperx2\"\n");
        added.Addition.Completed.Should().ContainSingle().Which.Should().Contain("[BL1005]");
        added.About("whisperx2", [.. PythonFiles.Select(f => $"backend/python/whisperx2/{f}")]).Should().BeEmpty();
    }

    [Test]
    public void A_backend_built_without_a_definition_gets_the_definition_check_asks_for()
    {
        var makefile = Makefile.Replace("BACKEND_WHISPERX = whisperx|python|.|false|true\n", "")
            .Replace("$(eval $(call generate-docker-build-target,$(BACKEND_WHISPERX)))\n", "")
            .Replace(" backends/whisperx ", " ").Replace(" docker-build-whisperx ", " ");
        var added = Add("whisperx", "whisperx2", makefile: makefile);

        added.Makefile.Should().Contain("BACKEND_FASTER_WHISPER = faster-whisper|python|.|false|true\nBACKEND_WHISPERX2 = whisperx2|python|./|false|true\n")
            .And.Contain("$(BACKEND_FASTER_WHISPER)))\n$(eval $(call generate-docker-build-target,$(BACKEND_WHISPERX2)))\n");
        added.Addition.Completed.Should().Contain(c => c.Contains("[BL2005]"));
        added.About("whisperx2", [.. PythonFiles.Select(f => $"backend/python/whisperx2/{f}")]).Should().BeEmpty();
    }

    [Test]
    public void An_entry_that_defines_an_anchor_or_shares_its_line_is_not_copied()
    {
        var matrix = Matrix.Replace("""
              - backend: "whisperx"
                tag-suffix: '-cpu-whisperx'
            """, """
              - &whisperx-cpu
                backend: "whisperx"
                tag-suffix: '-cpu-whisperx'
            """);
        var anchored = Add("whisperx", "whisperx2", matrix: matrix);

        anchored.Addition.Refusal.Should().BeNull();
        anchored.Addition.NotCopied.Should().Contain(n => n.Contains("defines an anchor"));
        anchored.Matrix.Should().NotContain("whisperx2");

        var flow = Add("whisper", "whisper2", matrix: Matrix.Replace("includeDarwin:\n  - backend: \"whisper\"\n    tag-suffix: \"-metal-darwin-arm64-whisper\"\n    build-type: \"metal\"\n    lang: \"go\"\n",
            "includeDarwin: [{backend: \"whisper\", tag-suffix: \"-metal-darwin-arm64-whisper\", build-type: \"metal\", lang: \"go\"}]\n"));
        flow.Addition.NotCopied.Should().Contain(n => n.Contains("shares its lines with other YAML"));
        flow.Matrix.Should().NotContain("-metal-darwin-arm64-whisper2");
    }

    [Test]
    public void A_backend_prepared_but_not_tested_is_neither_for_the_copy()
    {
        var added = Add("whisperx", "whisperx2", makefile: Makefile.Replace("\t$(MAKE) -C backend/python/whisperx test\n", ""));

        added.Makefile.Should().NotContain("backend/python/whisperx2");
        added.Addition.NotCopied.Should().ContainSingle().Which.Should().Contain("'prepare-test-extra' line of 'whisperx'").And.Contain("[BL3004]");
        added.About("whisperx2", [.. PythonFiles.Select(f => $"backend/python/whisperx2/{f}")]).Should().BeEmpty();
    }

    [Test]
    public void A_recipe_line_running_two_backends_is_not_copied()
    {
        var added = Add("whisper", "whisper2", makefile: Makefile.Replace(
            "\t$(MAKE) -C backend/go/whisper test\n", "\t$(MAKE) -C backend/go/whisper test && $(MAKE) -C backend/python/faster-whisper test\n"));

        added.Makefile.Should().Contain("\t$(MAKE) -C backend/go/whisper2\n").And.NotContain("backend/go/whisper2 test");
        added.Addition.NotCopied.Should().ContainSingle().Which.Should().Contain("it runs more than 'whisper''s step");
    }

    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("BACKENDLINT_PROPERTY_ITERATIONS"), out var n) ? n : 120;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    // Names made of LocalAI's words, so that they often contain, extend or sit inside the existing names.
    private static readonly Gen<string> Word = Gen.OneOf(
        Gen.OneOf<string>("whisper", "whisperx", "faster", "x", "2", "cpp", "cpu", "metal", "development", "latest", "master", "gpu"),
        Gen.Int[0, Alphabet.Length - 1].Select(i => Alphabet[i]).Array[1, 5].Select(c => new string(c)));

    private static readonly Gen<(string Like, string Name)> Adds = Gen.Select(
        Gen.OneOf<string>("whisper", "whisperx", "faster-whisper"),
        Word.Array[1, 3].Select(words => string.Join("-", words)));

    [Test]
    public void Any_valid_new_name_is_added_cleanly_or_refused_without_edits()
    {
        var names = new[] { "whisper", "whisperx", "faster-whisper" };
        Adds.Sample(add =>
        {
            var (like, name) = add;
            var added = Add(like, name);
            if (added.Addition.Refusal is { } refusal)
            {
                added.Addition.Edits.Should().BeEmpty();
                (BackendTemplate.NameProblem(name) is not null || names.Contains(name) || refusal.Contains("taken", StringComparison.Ordinal) || refusal.Contains("already exists", StringComparison.Ordinal))
                    .Should().BeTrue(refusal);
                return;
            }

            var lang = like == "whisper" ? "go" : "python";
            var files = lang == "go" ? [$"backend/go/{name}/main.go"] : PythonFiles.Select(f => $"backend/python/{name}/{f}").ToArray();
            var findings = LintEngine.Run(Lint.Model(added.Matrix, added.Index, added.Makefile, tree: [.. Tree, .. files]), CheckCatalog.All).Findings;
            findings.Should().BeEmpty($"'{name}' like '{like}' leaves nothing to report");
            Add(like, name, added.Matrix, added.Index, added.Makefile).Addition.Refusal.Should().Contain("already exists");
        }, iter: Iterations, threads: 1);
    }

    [TestCase("Whisper2", "lowercase")]
    [TestCase("whisper_2", "lowercase")]
    [TestCase("-whisper", "cannot start")]
    [TestCase("whisper--2", "repeat")]
    [TestCase("whisper2-", "end")]
    [TestCase("whisper2-development", "development build")]
    [TestCase("", "empty")]
    public void Refuses_a_name_that_is_no_backend_name(string name, string why)
    {
        BackendTemplate.NameProblem(name).Should().Contain(why);
        Add("whisper", name).Addition.Refusal.Should().Contain(why);
    }

    [TestCase("whisperx", "already exists (Makefile:15:20)")]
    [TestCase("whisper", "already exists")]
    [TestCase("cpu-whisper", "already exists (backend/index.yaml:")]
    public void Refuses_a_name_that_is_registered(string name, string why)
    {
        Add("whisper", name).Addition.Refusal.Should().Contain(why);
    }

    [Test]
    public void Refuses_an_unknown_backend_with_the_nearest_names()
    {
        Add("whispr", "whisper2").Addition.Refusal.Should().Be("--like: no backend named 'whispr' in the Makefile, the build matrix or the gallery; did you mean 'whisper'?");
        Add("zzz", "whisper2").Addition.Refusal.Should().Be("--like: no backend named 'zzz' in the Makefile, the build matrix or the gallery");
    }

    [Test]
    public void Refuses_a_target_that_is_no_backend_and_a_leftover_definition()
    {
        var makefile = Makefile.Replace(".NOTPARALLEL: backends/whisper", ".NOTPARALLEL: backends/whisper-darwin backends/whisper")
            + "BACKEND_GONE = gone|golang|.|false|true\n";
        Add("whisper-darwin", "whisper3", makefile: makefile).Addition.Refusal.Should().Contain("only named by the Makefile target 'backends/whisper-darwin'");
        Add("gone", "gone2", makefile: makefile).Addition.Refusal.Should().Contain("left over from a removed backend [BL2005]");
        Add("whisper", "whisper2", makefile: makefile).Addition.NotCopied.Should().ContainSingle()
            .Which.Should().StartWith("the Makefile targets 'backends/whisper-darwin' (Makefile:1:15): they have recipes of their own");
    }

    [Test]
    public void A_name_the_copies_would_write_that_is_taken_refuses_the_whole_add()
    {
        var index = Index.Replace("## whisperx", """
            - !!merge <<: *whisperx
              name: "metal-whisper2"
              uri: "quay.io/go-skynet/local-ai-backends:latest-metal-darwin-arm64-whisperx"
            ## whisperx
            """);
        var added = Add("whisper", "whisper2", index: index);

        added.Addition.Refusal.Should().Contain("gallery entry 'metal-whisper2' exists");
        added.Addition.Edits.Should().BeEmpty();
    }
}
