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
        var entries = MatrixReader.ReadDataFile(new SourceFile(Lint.MatrixFile, text));
        entries.Select(e => (e.List, e.Backend!.Value, e.IsDarwin)).Should().Equal(("include", "vllm", false), ("includeDarwin", "mlx", true));
        entries[0].TagSuffix!.Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, text, 3, "-cpu-vllm"));
        entries[0].Fields.Select(f => f.Key.Value).Should().Equal("backend", "tag-suffix", "context");
        entries[0].Fields[2].Key.Span.Should().Be(Lint.SpanOf(Lint.MatrixFile, text, 4, "context"));
    }

    [Test]
    public void A_missing_list_is_not_an_error()
    {
        MatrixReader.ReadDataFile(new SourceFile(Lint.MatrixFile, "include:\n  - backend: x\n")).Should().ContainSingle();
    }

    [Test]
    public void Reports_a_list_that_is_not_a_sequence()
    {
        var act = () => MatrixReader.ReadDataFile(new SourceFile(Lint.MatrixFile, "include: {backend: x}\n"));
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
        var (entries, _) = MatrixReader.ReadWorkflow(new SourceFile(Lint.WorkflowFile, Workflow));
        entries.Should().ContainSingle().Which.List.Should().Be("jobs.inline.strategy.matrix.include");
        entries[0].TagSuffix!.Span.Should().Be(Lint.SpanOf(Lint.WorkflowFile, Workflow, 13, "-cpu-whisper"));
    }

    [Test]
    public void Reads_literal_suffixes_of_reusable_workflow_calls_and_metadata_flavors()
    {
        var (_, suffixes) = MatrixReader.ReadWorkflow(new SourceFile(Lint.WorkflowFile, Workflow));
        suffixes.Select(s => (s.Suffix.Value, s.Origin)).Should().Equal(
            ("-metal-darwin-arm64-piper", "jobs.literal.with.tag-suffix"),
            ("-metal-darwin-arm64-llama-cpp", "jobs.publish.steps[1].with.flavor"));
        suffixes[0].Suffix.Span.Should().Be(Lint.SpanOf(Lint.WorkflowFile, Workflow, 17, "-metal-darwin-arm64-piper"));
        suffixes[1].Suffix.Span.Should().Be(Lint.SpanOf(Lint.WorkflowFile, Workflow, 26, "-metal-darwin-arm64-llama-cpp"));
    }

    [Test]
    public void A_workflow_without_jobs_has_no_matrix()
    {
        var (entries, suffixes) = MatrixReader.ReadWorkflow(new SourceFile(Lint.WorkflowFile, "name: x\n"));
        entries.Should().BeEmpty();
        suffixes.Should().BeEmpty();
    }
}
