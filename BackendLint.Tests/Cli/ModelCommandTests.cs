using System.Text;
using System.Text.Json.Nodes;
using BackendLint.Tests.Support;

namespace BackendLint.Tests.Cli;

public class ModelCommandTests
{
    private static JsonNode Model(params string[] args)
    {
        var (exit, output, error) = Run.InProcess(["model", .. args]);
        exit.Should().Be(0, error);
        return JsonNode.Parse(output)!;
    }

    [Test]
    public void Groups_every_piece_of_a_backend_with_its_position()
    {
        var model = Model(Fixture.BaseDirectory, "--backend", "kokoro");
        var kokoro = model["backends"]!.AsArray().Should().ContainSingle().Subject!;
        var definition = kokoro["makefile"]!["definitions"]![0]!;
        ((string)definition["operator"]!).Should().Be(":=");
        definition["context"]!.ToJsonString().Should().Be("""{"value":"./","span":"Makefile:40:33-40:35"}""");
        kokoro["makefile"]!["notParallel"]!.ToJsonString().Should().Be("""["Makefile:3:16-3:31"]""");
        kokoro["makefile"]!["evals"]!.ToJsonString().Should().Be("""["Makefile:57:46-57:60"]""");
        kokoro["makefile"]!["testExtra"]![0]!["target"]!["value"]!.ToString().Should().Be("test");
        kokoro["matrix"]!.AsArray().Select(e => (string)e!["fields"]!["tag-suffix"]!["value"]!).Should().Equal("-nvidia-l4t-kokoro", "-cpu-kokoro");
        kokoro["gallery"]!["metas"]!.AsArray().Select(e => (string)e!["name"]!["value"]!).Should().Equal("kokoro", "kokoro-development");
        kokoro["gallery"]!["images"]!.AsArray().Should().HaveCount(4);
        var jetson = kokoro["gallery"]!["images"]![2]!;
        ((string)jetson["name"]!["value"]!).Should().Be("nvidia-l4t-arm64-kokoro");
        jetson["image"]!["tagSuffix"]!.ToJsonString().Should().Be("""{"value":"-nvidia-l4t-kokoro","span":"backend/index.yaml:154:51-154:69"}""");
        ((string)jetson["capabilitiesMergedAt"]!).Should().Be("backend/index.yaml:152:15-152:22");
    }

    [Test]
    public void Counts_what_was_read()
    {
        Model(Fixture.BaseDirectory)["counts"]!.ToJsonString().Should().Be(
            """{"backends":6,"definitions":4,"matrixEntries":10,"otherSuffixSources":0,"galleryImages":18,"galleryMetas":8}""");
        using var inline = Fixture.Materialize("localai-inline-matrix");
        Model(inline.Path)["otherSuffixSources"]!.AsArray().Should().HaveCount(2);
    }

    [Test]
    public void A_byte_order_mark_does_not_shift_line_one()
    {
        var repo = BrokenRepository.Create("backend/index.yaml",
            [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("- name: cpu-x\n  uri: quay.io/go-skynet/local-ai-backends:latest-cpu-x\n")]);
        try
        {
            var image = Model(repo, "--backend", "cpu-x")["backends"]![0]!["gallery"]!["images"]![0]!;
            ((string)image["name"]!["span"]!).Should().Be("backend/index.yaml:1:9-1:14");
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }
}
