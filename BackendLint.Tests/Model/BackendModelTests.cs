using BackendLint.Model;
using BackendLint.Parsing;
using BackendLint.Text;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Model;

/// <summary>The model as the checks see it: sources kept whole with their comments, and the joins made once.</summary>
public class BackendModelTests
{
    [Test]
    public void Comments_of_every_kind_of_source_are_kept_with_exact_spans()
    {
        const string matrix = "# matrix head\ninclude:\n  - backend: x # why x\n    tag-suffix: '-x'\n";
        const string workflow = "jobs:\n  j: # a job\n    runs-on: ubuntu-latest\n";
        const string index = "- name: x # the meta\n  # backendlint: ignore[BL1002] reason\n  uri: quay.io/go-skynet/local-ai-backends:latest-x\n";
        const string makefile = "# head\nBACKEND_X = x|python|.|false|true # the definition\n";
        var model = Lint.Model(matrix: matrix, index: index, makefile: makefile, workflow: workflow);

        Comments(model, Lint.MatrixFile).Should().Equal(
            ("# matrix head", new SourceSpan(Lint.MatrixFile, 1, 1, 1, 14)), ("# why x", Lint.SpanOf(Lint.MatrixFile, matrix, 3, "# why x")));
        Comments(model, Lint.WorkflowFile).Should().Equal(("# a job", Lint.SpanOf(Lint.WorkflowFile, workflow, 2, "# a job")));
        Comments(model, Lint.IndexFile).Should().Equal(
            ("# the meta", Lint.SpanOf(Lint.IndexFile, index, 1, "# the meta")),
            ("# backendlint: ignore[BL1002] reason", Lint.SpanOf(Lint.IndexFile, index, 2, "# backendlint: ignore[BL1002] reason")));
        Comments(model, Lint.MakefileFile).Should().Equal(
            ("# head", new SourceSpan("Makefile", 1, 1, 1, 7)), ("# the definition", Lint.SpanOf("Makefile", makefile, 2, "# the definition")));
        foreach (var comment in model.Sources.SelectMany(s => s.Comments))
            model.TextOf(comment.Span).Should().Be(comment.Text);
    }

    [Test]
    public void The_text_of_any_span_comes_from_the_model_without_reading_the_files_again()
    {
        var repo = BrokenRepository.Create("Makefile", File.ReadAllText(Path.Combine(Lint.FixturesDirectory, "localai-default", "Makefile"))
            + "\nBACKEND_NEWONE = newone|python|.|false|true\n");
        var (model, errors) = RepositoryReader.Read(repo, new SourcePaths());
        errors.Should().BeEmpty();
        Directory.Delete(repo, recursive: true); // from here on, any I/O would fail

        var findings = BackendLint.Checks.LintEngine.Run(model, BackendLint.Checks.CheckCatalog.All).Findings;
        findings.Select(f => (f.Rule.Id, model.TextOf(f.Span))).Should().Equal(
            ("BL3003", "BACKEND_NEWONE"), ("BL2005", "newone"), ("BL3001", "newone"), ("BL4001", "newone"));
        var fields = model.Matrix.Entries.SelectMany(e => e.Fields).ToList();
        fields.Should().NotBeEmpty();
        foreach (var field in fields)
        {
            model.TextOf(field.Key.Span).Should().Be(field.Key.Value);
            // An empty value spans its quotes: there is no text inside them to point at.
            (field.Value.Value.Length == 0 ? model.TextOf(field.Value.Span).Trim('\'', '"') : model.TextOf(field.Value.Span)).Should().Be(field.Value.Value);
        }

        foreach (var image in model.Gallery.Images)
        {
            var tag = image.Image!.Tag!.Value;
            model.TextOf(tag.Span).Should().Be(tag.Value);
        }
    }

    [Test]
    public void Builds_and_images_join_by_tag_suffix_with_mirrors_and_multi_arch_legs()
    {
        const string matrix = "include:\n"
            + "  - backend: whisper\n    tag-suffix: '-gpu-whisper'\n    platforms: 'linux/amd64'\n    platform-tag: 'amd64'\n"
            + "  - backend: whisper\n    tag-suffix: '-gpu-whisper'\n    platforms: 'linux/arm64'\n    platform-tag: 'arm64'\n";
        const string index = "- &whisper\n  name: whisper\n  capabilities: {nvidia: gpu-whisper-image}\n"
            + "- !!merge <<: *whisper\n  name: gpu-whisper-image\n  uri: quay.io/go-skynet/local-ai-backends:latest-gpu-whisper\n  mirrors:\n    - localai/localai-backends:latest-gpu-whisper\n    - localai/localai-backends:latest-other\n"
            + "- !!merge <<: *whisper\n  name: gpu-whisper-image-development\n  uri: quay.io/go-skynet/local-ai-backends:master-gpu-whisper\n";
        var model = Lint.Model(matrix: matrix, index: index);

        var suffix = model.TagSuffixes["-gpu-whisper"];
        suffix.Builds.Select(b => b.Entry!.PlatformTag?.Value).Should().Equal("amd64", "arm64");
        suffix.Images.Select(i => i.DisplayName).Should().Equal("gpu-whisper-image", "gpu-whisper-image-development");
        suffix.Uses.Should().Equal(suffix.Images, "an entry naming a suffix in its uri and a mirror is one use");
        model.TagSuffixes["-other"].Uses.Select(i => i.DisplayName).Should().Equal("gpu-whisper-image");
        model.TagSuffixes["-other"].IsBuilt.Should().BeFalse();

        var backend = model.Find("whisper")!;
        backend.MatrixEntries.Should().HaveCount(2);
        backend.Metas.Select(m => m.DisplayName).Should().Equal("whisper");
        backend.Images.Select(i => i.Channel).Should().Equal(TagChannel.Latest, TagChannel.Master);
    }

    [Test]
    public void An_image_belongs_to_the_backend_that_builds_its_suffix_whatever_its_name()
    {
        const string matrix = "include:\n  - backend: faster-whisper\n    tag-suffix: '-nvidia-l4t-faster-whisper'\n";
        const string index = "- name: nvidia-l4t-arm64-faster-whisper\n  uri: quay.io/go-skynet/local-ai-backends:latest-nvidia-l4t-faster-whisper\n";
        Lint.Model(matrix: matrix, index: index).Find("faster-whisper")!.Images.Should().ContainSingle();
    }

    // Lookup sets built lazily on records were part of record equality and copied by 'with'
    // (stale after a change). They are classes now, and the sets are made once, in the constructor.
    [TestCase(typeof(MakeTargetList))]
    [TestCase(typeof(MakeStepRecipe))]
    [TestCase(typeof(MakefileFacts))]
    public void Types_with_lookup_sets_are_not_records(Type type)
    {
        type.GetMethod("<Clone>$").Should().BeNull($"{type.Name} must not be copyable with 'with'");
        type.GetMethods().Where(m => m.Name == "Equals" && m.DeclaringType == type)
            .Should().BeEmpty($"{type.Name} must not have value equality over its lookup set");
    }

    [Test]
    public void A_merged_list_sees_the_items_of_every_line()
    {
        var facts = BackendLint.Parsing.Make.MakefileReader.Read(new SourceText("Makefile", ".NOTPARALLEL: backends/a\n.NOTPARALLEL: backends/b\n")).Facts;
        facts.NotParallel!.Contains("backends/a").Should().BeTrue();
        facts.NotParallel.Contains("backends/b").Should().BeTrue();
        facts.NotParallel.Contains("backends/c").Should().BeFalse();
    }

    private static List<(string, SourceSpan)> Comments(BackendModel model, string path) =>
        model.Source(path)!.Comments.Select(c => (c.Text, c.Span)).ToList();
}

/// <summary>What a tag suffix says about the platform, and the matrix entry facts the platform rules compare it with.</summary>
public class TagPlatformTests
{
    [TestCase("-nvidia-l4t-diffusers", false, true, false)]
    [TestCase("-nvidia-l4t-cuda-13-arm64-llama-cpp", true, true, true)]
    [TestCase("-gpu-nvidia-cuda-13-arm64-whisper", true, false, true)]
    [TestCase("-gpu-nvidia-cuda-13-whisper", false, false, true)]
    [TestCase("-gpu-nvidia-cuda-12-whisper", false, false, false)]
    [TestCase("-cpu-arm64x", false, false, false)]
    [TestCase("-cpu-cuda", false, false, false)]
    [TestCase("-metal-darwin-arm64-mlx", true, false, false)]
    public void Reads_the_platform_words_of_a_suffix(string suffix, bool arm64, bool l4t, bool cuda13)
    {
        TagPlatform.Of(suffix).Should().Be(new TagPlatform(arm64, l4t, cuda13));
        TagPlatform.Of(suffix).IsArm64Only.Should().Be(arm64 || l4t);
    }

    [Test]
    public void A_matrix_entry_knows_its_dockerfile_type_cuda_version_and_arm64_only_platforms()
    {
        const string matrix = "include:\n"
            + "  - dockerfile: \"./backend/Dockerfile.python\"\n    cuda-major-version: \"13\"\n    platforms: ' linux/arm64'\n    tag-suffix: '-nvidia-l4t-x'\n"
            + "  - dockerfile: \"Dockerfile\"\n    platforms: 'linux/amd64,linux/arm64'\n"
            + "  - dockerfile: ${{ matrix.dockerfile }}\n    platforms: ${{ matrix.platforms }}\n";
        var entries = Lint.Model(matrix: matrix).Matrix.Entries;
        entries.Select(e => e.DockerfileType).Should().Equal("python", null, null);
        entries.Select(e => e.BuildsOnlyArm64).Should().Equal(true, false, null);
        entries[0].CudaMajorVersion!.Value.Value.Should().Be("13");
        entries[1].CudaMajorVersion.Should().BeNull();
        entries[0].TagPlatform.Should().Be(new TagPlatform(false, true, false));
        entries[1].TagPlatform.Should().BeNull();
    }

    [Test]
    public void Builds_of_one_suffix_are_one_image_only_as_platform_legs_or_one_publishing_job()
    {
        const string matrix = "include:\n"
            + "  - platforms: 'linux/amd64'\n    platform-tag: 'amd64'\n    tag-suffix: '-a'\n"
            + "  - platforms: 'linux/arm64'\n    platform-tag: 'arm64'\n    tag-suffix: '-a'\n"
            + "  - platforms: 'linux/arm64'\n    tag-suffix: '-a'\n";
        var builds = Lint.Model(matrix: matrix).TagSuffixes["-a"].Builds;
        builds[1].IsPartOfOneImageWith(builds[0]).Should().BeTrue();
        builds[2].IsPartOfOneImageWith(builds[0]).Should().BeFalse();
        builds[2].IsPartOfOneImageWith(builds[1]).Should().BeFalse();

        const string workflow = "jobs:\n  j:\n    uses: ./.github/workflows/backend_build_darwin.yml\n    with:\n      tag-suffix: '-b'\n    steps:\n      - uses: docker/metadata-action@v5\n        with:\n          flavor: |\n            suffix=-b\n"
            + "  k:\n    strategy:\n      matrix:\n        include:\n          - tag-suffix: '-b'\n";
        var other = Lint.Model(workflow: workflow).TagSuffixes["-b"].Builds;
        other.Select(b => b.Job).Should().Equal("k", "j", "j");
        other[2].IsPartOfOneImageWith(other[1]).Should().BeTrue();
        other[1].IsPartOfOneImageWith(other[0]).Should().BeFalse();
    }

    [Test]
    public void A_definition_is_leftover_when_no_build_and_no_gallery_entry_names_it()
    {
        const string makefile = "BACKEND_A = a|golang|.|false|true\nBACKEND_B = b|golang|.|false|true\nBACKEND_C = c|golang|.|false|true\nBACKEND_H = h|golang|.|false|true\n";
        const string matrix = "include:\n  - backend: a\n    tag-suffix: '-cpu-a'\nincludeDarwin:\n  - backend: b\n    tag-suffix: '-metal-darwin-arm64-b'\n";
        const string index = "- name: c\n";
        var model = Lint.Model(matrix: matrix, index: index, makefile: makefile, tree: ["backend/go/a/main.go"]);
        model.Backends.Where(model.IsLeftoverDefinition).Select(b => b.Name).Should().Equal("h");

        // Its source directory, in any language, says it is not gone; an unread tree says nothing.
        var withSource = Lint.Model(matrix: matrix, index: index, makefile: makefile, tree: ["backend/python/h/backend.py"]);
        withSource.Backends.Where(withSource.IsLeftoverDefinition).Should().BeEmpty();
        var noTree = Lint.Model(matrix: matrix, index: index, makefile: makefile);
        noTree.Backends.Where(noTree.IsLeftoverDefinition).Should().BeEmpty();

        // An empty matrix or gallery says nothing about which backends exist.
        var empty = Lint.Model(index: index, makefile: makefile, tree: ["backend/go/a/main.go"]);
        empty.Backends.Where(empty.IsLeftoverDefinition).Should().BeEmpty();
        var noGallery = Lint.Model(matrix: matrix, makefile: makefile, tree: ["backend/go/a/main.go"]);
        noGallery.Backends.Where(noGallery.IsLeftoverDefinition).Should().BeEmpty();
    }
}
