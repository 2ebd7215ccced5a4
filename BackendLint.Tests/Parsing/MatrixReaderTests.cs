using BackendLint.Model;
using BackendLint.Parsing;
using BackendLint.Parsing.Workflow;
using BackendLint.Text;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Parsing;

public class MatrixReaderTests
{
    [Test]
    public void Reads_both_lists_of_the_data_file_and_remembers_which()
    {
        const string text = "include:\n  - backend: \"vllm\"\n    tag-suffix: '-cpu-vllm'\n    context: \"./\"\nincludeDarwin:\n  - backend: \"mlx\"\n    tag-suffix: \"-metal-darwin-arm64-mlx\"\n";
        var entries = MatrixReader.ReadDataFile(Lint.Source(Lint.MatrixFile, text)).Entries;
        entries.Select(e => (e.List, e.Backend?.Value, e.Platform)).Should().Equal(("include", "vllm", BuildPlatform.Linux), ("includeDarwin", "mlx", BuildPlatform.Darwin));
        entries[0].TagSuffix!.Value.Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, text, 3, "-cpu-vllm"));
        entries[0].Fields.Select(f => f.Key.Value).Should().Equal("backend", "tag-suffix", "context");
        entries[0].Fields[2].Key.Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, text, 4, "context"));
    }

    [Test]
    public void A_missing_list_is_not_an_error()
    {
        MatrixReader.ReadDataFile(Lint.Source(Lint.MatrixFile, "include:\n  - backend: x\n")).Entries.Should().ContainSingle();
    }

    [Test]
    public void Reports_a_list_that_is_not_a_sequence()
    {
        var act = () => MatrixReader.ReadDataFile(Lint.Source(Lint.MatrixFile, "include: {backend: x}\n")).Entries;
        act.Should().Throw<InputError>().Which.ToString().Should().StartWith(".github/backend-matrix.yml:1:10: error: 'include' must be a sequence");
    }

    private const string Workflow = """
        jobs:
          generated:
            strategy:
              matrix: ${{ fromJson(needs.x.outputs.matrix) }}
          inline:
            uses: ./.github/workflows/backend_build.yml
            with:
              tag-suffix: ${{ matrix.tag-suffix }}
            strategy:
              matrix:
                include:
                  - backend: "whisper"
                    tag-suffix: '-cpu-whisper'
          literal:
            uses: ./.github/workflows/backend_build_darwin.yml
            with:
              tag-suffix: "-metal-darwin-arm64-piper"
          publish:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v6
              - uses: docker/metadata-action@v6
                with:
                  flavor: |
                    latest=auto
                    suffix=-metal-darwin-arm64-llama-cpp,onlatest=true
              - uses: docker/metadata-action@v6
                with:
                  flavor: |
                    suffix=${{ inputs.tag-suffix }},onlatest=true
        """;

    [Test]
    public void Reads_inline_matrices_and_skips_expression_matrices()
    {
        var (entries, _, _) = MatrixReader.ReadWorkflow(Lint.Source(Lint.WorkflowFile, Workflow));
        entries.Should().ContainSingle().Which.List.Should().Be("jobs.inline.strategy.matrix.include");
        entries[0].TagSuffix!.Value.Span.Should().Be(Lint.SpanOf(Lint.WorkflowFile, Workflow, 13, "-cpu-whisper"));
    }

    [Test]
    public void Reads_literal_suffixes_of_reusable_workflow_calls_and_metadata_flavors()
    {
        var (_, suffixes, _) = MatrixReader.ReadWorkflow(Lint.Source(Lint.WorkflowFile, Workflow));
        suffixes.Select(s => (s.Suffix.Value, s.Origin)).Should().Equal(
            ("-metal-darwin-arm64-piper", "jobs.literal.with.tag-suffix"),
            ("-metal-darwin-arm64-llama-cpp", "jobs.publish.steps[1].with.flavor"));
        suffixes[0].Suffix.Span.Should().Be(Lint.SpanOf(Lint.WorkflowFile, Workflow, 17, "-metal-darwin-arm64-piper"));
        suffixes[1].Suffix.Span.Should().Be(Lint.SpanOf(Lint.WorkflowFile, Workflow, 26, "-metal-darwin-arm64-llama-cpp"));
    }

    // A job's name says nothing about where it runs; its runner or the workflow it calls does.
    [TestCase("linux-no-darwin", "runs-on: ubuntu-latest", BuildPlatform.Linux)]
    [TestCase("darwin-named", "uses: ./.github/workflows/backend_build.yml", BuildPlatform.Linux)]
    [TestCase("apple", "runs-on: macOS-14", BuildPlatform.Darwin)]
    [TestCase("backend-jobs-mac", "uses: ./.github/workflows/backend_build_darwin.yml", BuildPlatform.Darwin)]
    public void An_inline_entry_builds_on_macos_only_where_its_job_runs_there(string job, string runs, BuildPlatform platform)
    {
        var workflow = $"jobs:\n  {job}:\n    {runs}\n    strategy:\n      matrix:\n        include:\n          - backend: x\n            tag-suffix: '-x'\n";
        MatrixReader.ReadWorkflow(Lint.Source(Lint.WorkflowFile, workflow)).Entries.Should().ContainSingle().Which.Platform.Should().Be(platform);
    }

    [Test]
    public void An_entry_of_its_own_macos_runner_builds_on_macos()
    {
        const string workflow = "jobs:\n  j:\n    runs-on: ${{ matrix.runs-on }}\n    strategy:\n      matrix:\n        include:\n          - backend: x\n            runs-on: 'macos-latest'\n          - backend: y\n            runs-on: 'ubuntu-latest'\n";
        MatrixReader.ReadWorkflow(Lint.Source(Lint.WorkflowFile, workflow)).Entries.Select(e => e.Platform).Should().Equal(BuildPlatform.Darwin, BuildPlatform.Linux);
    }

    [Test]
    public void Typed_fields_carry_their_spans()
    {
        const string text = "include:\n  - backend: \"vllm\"\n    tag-suffix: '-gpu-vllm'\n    dockerfile: \"./backend/Dockerfile.python\"\n    context: \"./\"\n    platforms: 'linux/amd64'\n    platform-tag: 'amd64'\n    build-type: 'cublas'\n    base-image: \"ubuntu:24.04\"\n    runs-on: 'ubuntu-latest'\n";
        var entry = MatrixReader.ReadDataFile(Lint.Source(Lint.MatrixFile, text)).Entries.Single();
        (entry.Backend, entry.TagSuffix, entry.Dockerfile, entry.Context, entry.Platforms, entry.PlatformTag, entry.BuildType, entry.BaseImage, entry.RunsOn)
            .Should().Be((At(2, "vllm"), At(3, "-gpu-vllm"), At(4, "./backend/Dockerfile.python"), At(5, "./"), At(6, "linux/amd64"), At(7, "amd64"), At(8, "cublas"), At(9, "ubuntu:24.04"), At(10, "ubuntu-latest")));

        Located<string> At(int line, string token) => new(token, Lint.SpanOf(Lint.MatrixFile, text, line, token));
    }

    [Test]
    public void An_expression_tag_suffix_is_no_literal_suffix()
    {
        var entry = MatrixReader.ReadDataFile(Lint.Source(Lint.MatrixFile, "include:\n  - backend: x\n    tag-suffix: ${{ matrix.s }}\n")).Entries.Single();
        entry.TagSuffix.Should().BeNull();
        entry.Get("tag-suffix")?.Value.Should().Be("${{ matrix.s }}");
    }

    [Test]
    public void A_workflow_without_jobs_has_no_matrix()
    {
        var (entries, suffixes, _) = MatrixReader.ReadWorkflow(Lint.Source(Lint.WorkflowFile, "name: x\n"));
        entries.Should().BeEmpty();
        suffixes.Should().BeEmpty();
    }
}
