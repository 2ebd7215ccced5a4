using System.Text;
using System.Text.RegularExpressions;
using BackendLint.Cli;
using BackendLint.Tests.Support;
using CsCheck;

namespace BackendLint.Tests.Hostile;

/// <summary>
/// The contract for every input, checked on generated ones: mutations of the base fixture's
/// gallery, matrix and Makefile (lines deleted, doubled, swapped, truncated; YAML and Make syntax,
/// merges, aliases, control characters and invalid bytes inserted) and YAML written from scratch.
/// Whatever the input: exit 0, 1 or 3; stderr holds only positioned errors and notes, never a stack
/// trace; for 3, at least one positioned error; the SARIF file is written and valid; and the run
/// ends within a generous bound. BACKENDLINT_PROPERTY_ITERATIONS sets how many inputs (CI: the default).
/// </summary>
[NonParallelizable]
public partial class ContractProperties
{
    // The change filter is a source too: the lexer reads whatever a pull request writes there.
    private static readonly string[] Sources = ["backend/index.yaml", ".github/backend-matrix.yml", "Makefile", "scripts/changed-backends.js"];

    // Fragments an attacker or an accident puts into these files.
    private static readonly string[] Fragments =
    [
        ":", "- ", "&a ", "*a", "<<: *a", "<<: [*a, *a]", "!!merge ", "[", "]", "{", "}", "# c", "|", ">", "'", "\"", "\t", "\n", "\r\n", "\r",
        "---\n", "...\n", "%YAML 1.1\n", "? ", "define x\n", "endef\n", "\\\n", "$(eval $(call generate-docker-build-target,$(BACKEND_X)))\n",
        "BACKEND_X = x|python|.|false|true\n", ".NOTPARALLEL: backends/x\n", "\u001b[31m", "\u202e", "\0", "\u00e9", "uri: quay.io/go-skynet/local-ai-backends:latest-x\n",
        "  - backend: x\n    tag-suffix: '-x'\n", "include: ~\n", "name: [x](1)\n",
        "# backendlint: ignore[BL3001] x", "# backendlint: ignore-file[BL1001,BL1002] y\n", "# backendlint: ignore[", "# backendlint: \u202e[BL3001]",
        "`", "${", "/*", "//", "/", "\\", "import x from \"./", "endsWith(\"", "backend/Dockerfile.x",
    ];

    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("BACKENDLINT_PROPERTY_ITERATIONS"), out var n) ? n : 120;

    private static readonly Gen<(int File, int Mutations, int Seed)> Mutation = Gen.Select(Gen.Int[0, Sources.Length - 1], Gen.Int[1, 6], Gen.Int);

    [Test]
    public void Every_mutation_of_the_base_fixture_keeps_the_contract()
    {
        var originals = Sources.ToDictionary(s => s, s => File.ReadAllBytes(Path.Combine(Lint.FixturesDirectory, "localai-default", s)));
        var repo = BrokenRepository.Create("README", "");
        try
        {
            Mutation.Sample(m =>
            {
                foreach (var (file, bytes) in originals)
                    File.WriteAllBytes(Path.Combine(repo, file), bytes);
                var path = Sources[m.File];
                File.WriteAllBytes(Path.Combine(repo, path), Mutate(originals[path], m.Mutations, new Random(m.Seed)));
                CheckContract(repo);
            }, iter: Iterations, threads: 1);
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }

    // YAML from scratch: nesting, anchors, aliases and merges in any arrangement, in the gallery and the matrix.
    private static readonly Gen<string> Yaml = Gen.Int[0, 6].SelectMany(depth => Node(depth));

    private static Gen<string> Node(int depth) => depth == 0
        ? Gen.OneOf<string>("x", "'q'", "\"d\\n\"", "~", "*a", "''", "-1", "latest-x")
        : Gen.OneOf(
            Node(depth - 1).Array[0, 4].Select(items => "[" + string.Join(", ", items) + "]"),
            Gen.Select(Gen.OneOf<string>("name", "uri", "<<", "capabilities", "mirrors", "alias", "k"), Node(depth - 1)).Array[0, 4]
                .Select(pairs => "{" + string.Join(", ", pairs.Select(p => $"{p.Item1}: {p.Item2}")) + "}"),
            Node(depth - 1).Select(n => "&a " + n));

    [Test]
    public void Yaml_written_from_scratch_keeps_the_contract()
    {
        var repo = BrokenRepository.Create("README", "");
        try
        {
            Gen.Select(Gen.Bool, Yaml.Array[1, 6]).Sample(input =>
            {
                var (gallery, items) = input;
                var text = gallery ? string.Concat(items.Select(i => $"- {i}\n")) : "include:\n" + string.Concat(items.Select(i => $"  - {i}\n"));
                File.WriteAllText(Path.Combine(repo, gallery ? "backend/index.yaml" : ".github/backend-matrix.yml"), text);
                CheckContract(repo);
            }, iter: Iterations, threads: 1);
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }

    // A configuration from scratch: its keys, rule ids and levels in any arrangement and type.
    private static Gen<string> ConfigNode(int depth) => depth == 0
        ? Gen.OneOf<string>("x", "''", "~", "off", "warning", "BL3001", "bl3001", "BL9999", "'[x](1)'", "\"\\u202e\"", "*a", "'**'", "Makefile")
        : Gen.OneOf(
            ConfigNode(depth - 1).Array[0, 3].Select(items => "[" + string.Join(", ", items) + "]"),
            Gen.Select(Gen.OneOf<string>("rules", "ignore", "rule", "backend", "path", "reason", "BL3001", "BL0001", "index", "makefile", "baseline", "<<", "k"), ConfigNode(depth - 1)).Array[0, 4]
                .Select(pairs => "{" + string.Join(", ", pairs.Select(p => $"{p.Item1}: {p.Item2}")) + "}"),
            ConfigNode(depth - 1).Select(n => "&a " + n));

    [Test]
    public void A_configuration_written_from_scratch_keeps_the_contract()
    {
        var originals = Sources.ToDictionary(s => s, s => File.ReadAllBytes(Path.Combine(Lint.FixturesDirectory, "localai-default", s)));
        var repo = BrokenRepository.Create("README", "");
        try
        {
            foreach (var (file, bytes) in originals)
                File.WriteAllBytes(Path.Combine(repo, file), bytes);
            Gen.Int[0, 5].SelectMany(ConfigNode).Sample(config =>
            {
                File.WriteAllText(Path.Combine(repo, ".backendlint.yml"), config + "\n");
                CheckContract(repo);
            }, iter: Iterations, threads: 1);
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }

    private static byte[] Mutate(byte[] original, int mutations, Random random)
    {
        var lines = Encoding.UTF8.GetString(original).Split('\n').ToList();
        for (var i = 0; i < mutations && lines.Count > 0; i++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(7))
            {
                case 0: lines.RemoveAt(at); break;
                case 1: lines.Insert(at, lines[at]); break;
                case 2: (lines[at], lines[^1]) = (lines[^1], lines[at]); break;
                case 3: lines.RemoveRange(at, lines.Count - at); break;
                case 4: lines[at] = lines[at].Insert(random.Next(lines[at].Length + 1), Fragments[random.Next(Fragments.Length)]); break;
                case 5: lines.Insert(at, Fragments[random.Next(Fragments.Length)]); break;
                default:
                    // An invalid UTF-8 byte, written as a marker replaced below.
                    lines[at] = lines[at].Insert(random.Next(lines[at].Length + 1), "\uFFFF");
                    break;
            }
        }

        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        return ReplaceMarker(bytes);
    }

    // U+FFFF encodes as EF BF BF; the mutation wants one lone 0xFF byte instead.
    private static byte[] ReplaceMarker(byte[] bytes)
    {
        var result = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (i + 2 < bytes.Length && bytes[i] == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBF)
            {
                result.Add(0xFF);
                i += 2;
                continue;
            }

            result.Add(bytes[i]);
        }

        return [.. result];
    }

    private static void CheckContract(string repo)
    {
        var sarifPath = Path.Combine(repo, "out.sarif");
        File.Delete(sarifPath);
        var (exit, _, error) = Within.Seconds(30, () => Run.InProcess("check", repo, "--no-color", "--sarif", sarifPath));

        exit.Should().BeOneOf(ExitCode.Success, ExitCode.Findings, ExitCode.InputError);
        error.Should().NotContain("   at ").And.NotContain("internal error");
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines)
            Contract().IsMatch(line).Should().BeTrue($"'{line}' should be a positioned error or a note");
        if (exit == ExitCode.InputError)
            lines.Should().Contain(l => PositionedError().IsMatch(l));

        File.Exists(sarifPath).Should().BeTrue("the SARIF file is written whatever happened");
        SarifSchema.Errors(File.ReadAllText(sarifPath)).Should().BeEmpty();
    }

    [GeneratedRegex(@"^(.+:\d+:\d+: error: .+|backendlint: note: .+)$")]
    private static partial Regex Contract();

    [GeneratedRegex(@"^.+:\d+:\d+: error: .+$")]
    private static partial Regex PositionedError();
}
