using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BackendLint.Parsing.Yaml;
using BackendLint.Tests.Support;
using BackendLint.Text;
using YamlDotNet.RepresentationModel;
using YamlNode = YamlDotNet.RepresentationModel.YamlNode;

namespace BackendLint.Tests;

/// <summary>
/// The files users load: an unquoted ': ' in a description once made action.yml unloadable. The
/// problem matcher must read the text output as it is, and the repository's home is written once.
/// </summary>
public class DeliveryFileTests
{
    public static IEnumerable<string> Files() =>
        new[] { "action.yml", ".pre-commit-hooks.yaml" }
            .Concat(Directory.GetFiles(Path.Combine(Lint.RepositoryRoot, ".github", "workflows"), "*.yml").Select(f => Path.GetRelativePath(Lint.RepositoryRoot, f)));

    [TestCaseSource(nameof(Files))]
    public void Parses_as_yaml(string file)
    {
        var source = new SourceText(file, File.ReadAllText(Path.Combine(Lint.RepositoryRoot, file)));
        YamlDocumentReader.Read(source).Root.Should().NotBeNull();
    }

    /// <summary>One fixture per level: an error, a warning, and a note (the configuration lowers BL3004).</summary>
    [TestCase("BL3001-not-notparallel")]
    [TestCase("BL3002-not-in-docker-build-backends")]
    [TestCase("adoption-config")]
    public void The_problem_matcher_reads_each_finding_of_the_text_output_and_nothing_else(string name)
    {
        using var fixture = Fixture.Materialize(name);
        var lines = Run.InProcess(fixture.Path, "--no-color").Out.TrimEnd('\n').Split('\n');
        using var json = JsonDocument.Parse(Run.InProcess(fixture.Path, "--format", "json").Out);
        var active = json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("suppression").ValueKind == JsonValueKind.Null).ToList();

        var matched = lines.Select(line => (Line: line, Matches: Matchers().Select(m => (m.Owner, m.DefaultSeverity, m.Pattern, Match: m.Regex.Match(line))).Where(m => m.Match.Success).ToList())).ToList();

        // The related locations (indented four spaces) and the summary line are not problems.
        matched.Where(m => m.Line.StartsWith("    ", StringComparison.Ordinal) || m.Line == lines[^1]).Should().OnlyContain(m => m.Matches.Count == 0);
        var problems = matched.Where(m => m.Matches.Count > 0).ToList();
        problems.Should().OnlyContain(m => m.Matches.Count == 1).And.HaveCount(active.Count).And.NotBeEmpty();
        foreach (var (problem, finding) in problems.Zip(active))
        {
            var (owner, defaultSeverity, pattern, match) = problem.Matches[0];
            var location = finding.GetProperty("location");
            var level = finding.GetProperty("level").GetString();
            string Group(string property) => match.Groups[pattern.GetProperty(property).GetInt32()].Value;

            Group("file").Should().Be(location.GetProperty("file").GetString());
            Group("line").Should().Be(location.GetProperty("startLine").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            Group("column").Should().Be(location.GetProperty("startColumn").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            Group("message").Should().Be(finding.GetProperty("message").GetString());
            Group("code").Should().Be(finding.GetProperty("ruleId").GetString());
            // The runner knows the severities error, warning and notice: a note is a notice, by the matcher's default.
            (pattern.TryGetProperty("severity", out _) ? Group("severity") : defaultSeverity).Should().Be(level == "note" ? "notice" : level);
            owner.Should().Be(level == "note" ? "backendlint-note" : "backendlint");
        }
    }

    [TestCase("backend/index.yaml:2:1: error: while parsing a flow sequence, did not find expected ',' or ']'", TestName = "An input error (the action annotates those itself)")]
    [TestCase("main.c:3:5: error: expected ';' before '}' token", TestName = "Another tool's line in a later step")]
    [TestCase("backendlint: note: not run, as a source they need could not be read: BL1001", TestName = "A note of the run")]
    [TestCase(" Makefile:41:19: error: Target 'x' is missing. [BL3001]", TestName = "An indented line")]
    public void The_problem_matcher_leaves_other_lines_alone(string line)
    {
        Matchers().Should().OnlyContain(m => !m.Regex.IsMatch(line));
    }

    /// <summary>
    /// An input written into the script as <c>${{ inputs.x }}</c> is text pasted into bash: a value
    /// with a quote runs as code. Every input reaches run.sh as an environment variable, and the
    /// script's command names none.
    /// </summary>
    [Test]
    public void Every_action_input_reaches_the_script_as_an_environment_variable()
    {
        var action = (YamlMappingNode)Yaml("action.yml");
        var inputs = ((YamlMappingNode)action["inputs"]).Children.Keys.Select(k => k.ToString()).ToList();
        inputs.Should().Contain("suggest-fixes");
        var step = ((YamlSequenceNode)((YamlMappingNode)action["runs"])["steps"])
            .Cast<YamlMappingNode>().Single(s => s.Children.ContainsKey("id") && s["id"].ToString() == "lint");
        var env = ((YamlMappingNode)step["env"]).Children.Values.Select(v => v.ToString()).ToList();
        foreach (var input in inputs)
            env.Should().Contain($"${{{{ inputs.{input} }}}}", $"input '{input}' goes to run.sh through the environment");
        step["run"].ToString().Should().NotContain("${{");
        ((YamlMappingNode)action["inputs"])["suggest-fixes"]["default"].ToString().Should().Be("false");
    }

    private static YamlNode Yaml(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Lint.RepositoryRoot, file))));
        return stream.Documents[0].RootNode;
    }

    [Test]
    public void The_repository_url_is_one_build_property()
    {
        var props = XDocument.Load(Path.Combine(Lint.RepositoryRoot, "Directory.Build.props"));
        var url = props.Descendants("RepositoryUrl").Single().Value;

        ProductInfo.InformationUri.Should().Be(url);
        File.ReadAllText(Path.Combine(Lint.RepositoryRoot, "Dockerfile")).Should().Contain($"\nARG REPOSITORY_URL={url}\n");
    }

    [Test]
    public void The_image_built_from_source_is_labelled_with_the_version()
    {
        var version = XDocument.Load(Path.Combine(Lint.RepositoryRoot, "Directory.Build.props")).Descendants("Version").Single().Value;

        File.ReadAllText(Path.Combine(Lint.RepositoryRoot, "Dockerfile")).Should().Contain($"\nARG VERSION={version}\n");
    }

    /// <summary>The matchers of <c>.github/backendlint-matcher.json</c>, compiled as the Actions runner compiles them.</summary>
    private static IEnumerable<(string Owner, string? DefaultSeverity, JsonElement Pattern, Regex Regex)> Matchers()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Lint.RepositoryRoot, ".github", "backendlint-matcher.json")));
        return document.RootElement.GetProperty("problemMatcher").EnumerateArray().Select(m =>
        {
            // One pattern per matcher: a second would make the runner wait for a following line.
            var pattern = m.GetProperty("pattern").EnumerateArray().Single().Clone();
            var regex = new Regex(pattern.GetProperty("regexp").GetString()!, RegexOptions.ECMAScript | RegexOptions.CultureInvariant);
            return (m.GetProperty("owner").GetString()!, m.TryGetProperty("severity", out var s) ? s.GetString() : null, pattern, regex);
        }).ToList();
    }
}
