using System.Text.Json.Nodes;
using BackendLint.Checks;
using BackendLint.Findings;
using BackendLint.Reporting;
using BackendLint.Tests.Support;
using BackendLint.Text;

namespace BackendLint.Tests.Reporting;

/// <summary>
/// Fixes in the reports: SARIF <c>fixes</c>, which editors' SARIF viewers apply, and the JSON <c>fix</c>.
/// A viewer that applies the SARIF replacements as the specification reads them must get exactly
/// the text <c>backendlint fix</c> writes.
/// </summary>
public class FixOutputTests
{
    [Test]
    public void A_fixable_result_carries_its_fix_as_an_insertion_at_an_empty_region_of_the_result_file()
    {
        using var repository = Fixture.Materialize("BL3001-not-notparallel");
        var result = Results(repository.Path).Should().ContainSingle().Subject;
        var fix = result["fixes"]!.AsArray().Should().ContainSingle().Subject!;
        ((string)fix["description"]!["text"]!).Should().Be("Add 'backends/kokoro' to '.NOTPARALLEL'.");
        var change = fix["artifactChanges"]!.AsArray().Should().ContainSingle().Subject!;
        change["artifactLocation"]!.ToJsonString().Should().Be(result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!.ToJsonString());
        var replacement = change["replacements"]!.AsArray().Should().ContainSingle().Subject!;
        replacement["deletedRegion"]!.ToJsonString().Should().Be("""{"startLine":4,"startColumn":1,"endLine":4,"endColumn":1}""");
        ((string)replacement["insertedContent"]!["text"]!).Should().Be("\tbackends/kokoro \\\n");
    }

    [TestCase("BL3001-not-notparallel")]
    [TestCase("BL3002-not-in-docker-build-backends")]
    [TestCase("adoption-debt")]
    public void A_viewer_applying_the_sarif_fixes_gets_what_backendlint_fix_writes(string fixture)
    {
        using var repository = Fixture.Materialize(fixture);
        AppliedAsAViewerDoes(repository.Path).Should().Equal(FixedByBackendLint(repository.Path));
    }

    [Test]
    public void A_result_without_a_fix_has_no_fixes_and_its_json_finding_a_null_fix()
    {
        using var repository = Fixture.Materialize("BL1001-image-not-built");
        Results(repository.Path).Should().ContainSingle().Which.AsObject().ContainsKey("fixes").Should().BeFalse();
        var finding = JsonNode.Parse(Run.InProcess(repository.Path, "--format", "json").Out)!["findings"]![0]!.AsObject();
        finding.ContainsKey("fix").Should().BeTrue("every finding has the same fields");
        finding["fix"].Should().BeNull();
    }

    // The last line of the Makefile ends with a continuation, so the missing item goes on a line of
    // its own after it: at the very end of the file.
    [TestCase("\n", 22)]
    [TestCase("\r\n", 23)]
    public void An_insertion_at_the_end_of_a_file_ending_with_a_line_end_is_after_the_last_line_end(string newLine, int column)
    {
        using var repository = Fixture.Materialize("localai-default");
        var makefile = Path.Combine(repository.Path, "Makefile");
        File.WriteAllText(makefile, File.ReadAllText(makefile).Replace("\tdocker-build-vllm docker-build-kokoro\n", "\tdocker-build-vllm \\\n").ReplaceLineEndings(newLine));

        var json = JsonNode.Parse(Run.InProcess(repository.Path, "--format", "json").Out)!;
        var edit = json["findings"]!.AsArray().Should().ContainSingle().Subject!["fix"]!["edits"]![0]!;
        ((int)edit["startLine"]!, (int)edit["startColumn"]!).Should().Be((65, 1), "a span places the end of such a file on the empty line after it");

        // SARIF has no line 65: SARIF 3.30.2 puts the end of the file one past the last line's line end.
        var result = Results(repository.Path).Should().ContainSingle().Subject;
        var region = result["fixes"]![0]!["artifactChanges"]![0]!["replacements"]![0]!["deletedRegion"]!;
        region.ToJsonString().Should().Be($$"""{"startLine":64,"startColumn":{{column}},"endLine":64,"endColumn":{{column}}}""");
        AppliedAsAViewerDoes(repository.Path).Should().Equal(FixedByBackendLint(repository.Path));

        var prefixed = Results(repository.Path, "--path-prefix", "sub").Should().ContainSingle().Subject;
        var change = prefixed["fixes"]![0]!["artifactChanges"]![0]!;
        ((string)change["artifactLocation"]!["uri"]!).Should().Be("sub/Makefile");
        change["replacements"]![0]!["deletedRegion"]!.ToJsonString().Should().Be(region.ToJsonString(), "the prefix names the file, the region stays");
    }

    [Test]
    public void Each_file_of_a_fix_is_one_artifact_change_with_its_replacements_in_file_order()
    {
        var rule = CheckCatalog.All[0].Rule;
        var fix = new Fix("Repair 'x'.",
        [
            new TextEdit(new SourceSpan("b.yaml", 5, 1, 5, 1), "late\n"),
            new TextEdit(new SourceSpan("a.mk", 2, 3, 2, 7), ""),
            new TextEdit(new SourceSpan("b.yaml", 1, 2, 1, 4), "early"),
            new TextEdit(new SourceSpan("a.mk", 9, 1, 9, 1), ""),
        ]);
        var finding = rule.At(new SourceSpan("b.yaml", 1, 1, 1, 2), "A problem.", "x", "x") with { Fix = fix };
        var sarif = SarifReporter.Write(CheckCatalog.Rules, [finding], ["b.yaml"]);
        SarifSchema.Errors(sarif).Should().BeEmpty();

        var run = JsonNode.Parse(sarif)!["runs"]![0]!;
        var artifacts = run["artifacts"]!.AsArray().Select(a => (string)a!["location"]!["uri"]!).ToList();
        artifacts.Should().Equal("a.mk", "b.yaml");
        var changes = run["results"]![0]!["fixes"]![0]!["artifactChanges"]!.AsArray();
        changes.Select(c => ((string)c!["artifactLocation"]!["uri"]!, (int)c["artifactLocation"]!["index"]!)).Should().Equal(("b.yaml", 1), ("a.mk", 0));
        changes[0]!["replacements"]!.AsArray().Select(r => (string)r!["insertedContent"]!["text"]!).Should().Equal("early", "late\n");
        var deletion = changes[1]!["replacements"]!.AsArray().Should().ContainSingle("an edit that neither deletes nor inserts is left out").Subject!;
        deletion["deletedRegion"]!.ToJsonString().Should().Be("""{"startLine":2,"startColumn":3,"endLine":2,"endColumn":7}""");
        deletion.AsObject().ContainsKey("insertedContent").Should().BeFalse("a deletion inserts nothing");
    }

    [Test]
    public void A_fix_whose_edits_change_nothing_is_left_out()
    {
        var finding = CheckCatalog.All[0].Rule.At(new SourceSpan("b.yaml", 1, 1, 1, 2), "A problem.", "x", "x") with
        {
            Fix = new Fix("Nothing.", [new TextEdit(new SourceSpan("b.yaml", 3, 1, 3, 1), "")]),
        };
        var sarif = SarifReporter.Write(CheckCatalog.Rules, [finding], ["b.yaml"]);
        JsonNode.Parse(sarif)!["runs"]![0]!["results"]![0]!.AsObject().ContainsKey("fixes").Should().BeFalse();
        SarifSchema.Errors(sarif).Should().BeEmpty("artifactChanges and replacements may not be empty");
    }

    [Test]
    public void A_json_finding_carries_its_edits_in_the_coordinates_of_its_location()
    {
        using var repository = Fixture.Materialize("BL3001-not-notparallel");
        var finding = JsonNode.Parse(Run.InProcess(repository.Path, "--format", "json").Out)!["findings"]![0]!;
        finding["fix"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Should().Be(
            """{"description":"Add 'backends/kokoro' to '.NOTPARALLEL'.","edits":[{"file":"Makefile","startLine":4,"startColumn":1,"endLine":4,"endColumn":1,"text":"\tbackends/kokoro \\\n"}]}""");
        var prefixed = JsonNode.Parse(Run.InProcess(repository.Path, "--format", "json", "--path-prefix", "sub").Out)!["findings"]![0]!;
        ((string)prefixed["fix"]!["edits"]![0]!["file"]!).Should().Be("sub/Makefile");
    }

    [Test]
    public void The_documented_json_fix_is_real_output()
    {
        var doc = File.ReadAllText(Path.Combine(Lint.RepositoryRoot, "docs", "json-format.md"));
        var start = doc.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var example = JsonNode.Parse(doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)])!;
        using var repository = Fixture.Materialize("BL3001-not-notparallel");
        var real = JsonNode.Parse(Run.InProcess(repository.Path, "--format", "json").Out)!;
        JsonNode.DeepEquals(example["findings"]![0]!["fix"], real["findings"]![0]!["fix"]).Should().BeTrue();
    }

    [Test]
    public void The_json_fix_description_has_no_sarif_escapes()
    {
        var finding = CheckCatalog.All[0].Rule.At(new SourceSpan("Makefile", 1, 1, 1, 2), "A problem.", "x", "x") with
        {
            Fix = new Fix($"Add {Finding.Quote("a[b]")} to the list.", [new TextEdit(new SourceSpan("Makefile", 1, 1, 1, 1), "a[b] ")]),
        };
        using var stream = new MemoryStream();
        JsonReporter.Write(stream, [finding]);
        var json = JsonNode.Parse(stream.ToArray())!;
        ((string)json["findings"]![0]!["fix"]!["description"]!).Should().Be("Add 'a[b]' to the list.");
    }

    private static List<JsonNode> Results(string repository, params string[] options)
    {
        var (exit, output, error) = Run.InProcess(["check", repository, "--format", "sarif", .. options]);
        error.Should().BeEmpty();
        exit.Should().BeOneOf(0, 1);
        return JsonNode.Parse(output)!["runs"]![0]!["results"]!.AsArray().Select(r => r!).ToList();
    }

    /// <summary>The files <c>backendlint fix</c> writes, read back, on a copy of the repository.</summary>
    private static Dictionary<string, string> FixedByBackendLint(string repository)
    {
        var copy = Directory.CreateTempSubdirectory("backendlint-fix-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(repository, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(repository, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            Run.InProcess("fix", copy, "--fail-level", "none").Exit.Should().Be(0);
            return Directory.GetFiles(copy, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(copy, f).Replace('\\', '/'))
                .Where(f => File.ReadAllText(Path.Combine(copy, f)) != File.ReadAllText(Path.Combine(repository, f)))
                .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(copy, f)));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    /// <summary>
    /// Every result's first fix applied as SARIF 3.57 reads it: regions over the original text, lines
    /// ended by CR, LF or CRLF, an empty region an insertion point. Replacements of fixes that touch
    /// the same places are applied once, as <c>backendlint fix</c> applies repeated edits once.
    /// </summary>
    private static Dictionary<string, string> AppliedAsAViewerDoes(string repository)
    {
        var replacements = new Dictionary<string, HashSet<(int Start, int End, string Text)>>(StringComparer.Ordinal);
        foreach (var result in Results(repository))
        {
            if (result["fixes"] is not JsonArray fixes)
                continue;
            foreach (var change in fixes[0]!["artifactChanges"]!.AsArray())
            {
                var uri = (string)change!["artifactLocation"]!["uri"]!;
                var text = File.ReadAllText(Path.Combine(repository, uri));
                var set = replacements.TryGetValue(uri, out var s) ? s : replacements[uri] = [];
                foreach (var r in change["replacements"]!.AsArray())
                {
                    var region = r!["deletedRegion"]!;
                    set.Add((Offset(text, (int)region["startLine"]!, (int)region["startColumn"]!), Offset(text, (int)region["endLine"]!, (int)region["endColumn"]!),
                        (string?)r["insertedContent"]?["text"] ?? ""));
                }
            }
        }

        return replacements.ToDictionary(p => p.Key, p =>
        {
            var text = File.ReadAllText(Path.Combine(repository, p.Key));
            foreach (var (start, end, inserted) in p.Value.OrderByDescending(r => r.Start))
                text = text[..start] + inserted + text[end..];
            return text;
        });
    }

    private static int Offset(string text, int line, int column)
    {
        var start = 0;
        for (var l = 1; l < line; l++)
        {
            var end = text.IndexOfAny(['\r', '\n'], start);
            end.Should().BeGreaterThanOrEqualTo(0, $"the text has a line {line}");
            start = text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
        }

        // A column runs at most one past the line's line end (the end of a file ending with one).
        var next = text.IndexOfAny(['\r', '\n'], start);
        var lineEnd = next < 0 ? text.Length : text[next] == '\r' && next + 1 < text.Length && text[next + 1] == '\n' ? next + 2 : next + 1;
        var offset = start + column - 1;
        offset.Should().BeLessThanOrEqualTo(lineEnd, $"column {column} is on line {line}");
        return offset;
    }
}
