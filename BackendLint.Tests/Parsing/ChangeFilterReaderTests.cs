using BackendLint.Cli;
using BackendLint.Parsing.Script;
using BackendLint.Tests.Support;
using BackendLint.Text;

namespace BackendLint.Tests.Parsing;

/// <summary>The CI change filter is read as text: its string literals outside comments, and the modules it imports.</summary>
public class ChangeFilterReaderTests
{
    private static List<string> Literals(string script) => ScriptLexer.Read(new SourceText("f.js", script)).Literals.Select(l => l.Value).ToList();

    [Test]
    public void Finds_quoted_and_template_literals_and_skips_comments()
    {
        const string script = """
            // if (item.dockerfile.endsWith("commented")) {
            /* "block" */
            if (item.dockerfile.endsWith("python")) {
              return `backend/python/${item.backend}/`;
            }
            if (item.dockerfile.endsWith('golang')) return `plain`;
            const s = "esc\"aped";
            """;

        Literals(script).Should().Equal("python", "golang", "plain", "esc\"aped");
    }

    [Test]
    public void Skips_regular_expressions_and_tells_them_from_a_division()
    {
        const string script = """
            const a = (item.dockerfile || "").replace(/^\.\/"/, "");
            if (!before || /^0+$/.test(before)) return null;
            const half = total / 2 / 1; const b = "after";
            const t = `a ${ {x: "in-substitution"}.x } b`;
            """;

        Literals(script).Should().Equal("", "", "after", "in-substitution");
    }

    [Test]
    public void Notes_imports_and_reads_relative_modules_once()
    {
        var script = new SourceText("scripts/changed-backends.js", "import fs from \"fs\";\nimport { a } from \"./lib/backend-filter.mjs\";\nconst m = import(\"./lib/backend-filter.mjs\");\n");
        var module = new SourceText("scripts/lib/backend-filter.mjs", "export const x = item => item.dockerfile.endsWith(\"ds4\");\n");

        var (filter, files) = ChangeFilterReader.Read(script.Path, p => p == script.Path ? script : p == module.Path ? module : null)!.Value;

        files.Select(f => f.Path).Should().Equal("scripts/changed-backends.js", "scripts/lib/backend-filter.mjs");
        filter.LookedFor.Should().Equal("scripts/changed-backends.js", "scripts/lib/backend-filter.mjs");
        filter.Knows("ds4").Should().BeTrue();
        filter.Knows("bonsai").Should().BeFalse();
        filter.Literals.Single(l => l.Value == "ds4").Span.Should().Be(new SourceSpan(module.Path, 1, 51, 1, 56));
    }

    [TestCase("scripts/a.js", "./lib/b.mjs", "scripts/lib/b.mjs")]
    [TestCase("scripts/a.js", "../c.js", "c.js")]
    [TestCase("scripts/a.js", "../../c.js", null)]
    [TestCase("scripts/a.js", "fs", null)]
    public void Resolves_relative_imports_inside_the_repository_only(string from, string import, string? expected) =>
        ChangeFilterReader.Resolve(from, import).Should().Be(expected);

    [Test]
    public void Without_the_default_filter_its_rules_are_not_run_with_a_note_and_a_normal_exit()
    {
        using var fixture = Fixture.Materialize(Fixture.Base);
        File.Delete(Path.Combine(fixture.Path, Lint.ChangeFilterFile));

        Run.InProcess("check", fixture.Path, "--no-color").Should().Be((ExitCode.Success, "0 errors, 0 warnings in 0 of 6 backends\n",
            "backendlint: note: not run, as the change filter 'scripts/changed-backends.js' does not exist: BL2006\n"));
    }

    [Test]
    public void An_explicitly_named_filter_must_exist()
    {
        using var fixture = Fixture.Materialize(Fixture.Base);

        var named = Run.InProcess("check", fixture.Path, "--no-color", "--change-filter", "ci/filter.js");

        named.Exit.Should().Be(ExitCode.InputError);
        named.Err.Should().StartWith($"ci/filter.js:1:1: error: the file does not exist in '{fixture.Path}'\n");
    }
}
