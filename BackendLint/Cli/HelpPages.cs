namespace BackendLint.Cli;

/// <summary>
/// What <c>--help</c>, <c>-h</c>, <c>help</c> and <c>help VERB</c> print: written by hand, in the
/// shape of the README's command-line section, so it reads as one page. HelpTests check that every
/// option of every verb is on its page.
/// </summary>
public static class HelpPages
{
    private const string Paths = """
          --index FILE            gallery index (default backend/index.yaml)
          --makefile FILE         top-level Makefile (default Makefile)
          --matrix FILE           matrix data file (default .github/backend-matrix.yml)
          --workflow FILE         workflow with inline matrices (default .github/workflows/backend.yml)
          --change-filter FILE    CI change filter, read as text (default scripts/changed-backends.js, if any)
        """;

    private const string Config = """
          --config FILE           configuration (default: .backendlint.yml at the root, if any)
          --no-config             ignore .backendlint.yml
        """;

    public const string Check = """
        backendlint [check] [PATH] [options]
          Lint the repository at PATH. Without PATH, the nearest directory at or above the current
          one that has .backendlint.yml, backend/index.yaml or .git.

          --format FORMAT         stdout: text (default), sarif, github or json
          --sarif FILE            also write SARIF 2.1.0 to FILE, whatever --format says
          --output FILE           write the --format output to FILE instead of stdout
          --fail-level LEVEL      lowest level that makes the exit code 1: error (default), warning, note, none
          --baseline FILE         findings recorded in FILE (by 'backendlint baseline') do not count
          --new-since REV         findings already present at git revision REV do not count
          --show-suppressed       text: also list suppressed and already known findings, with the reason
          --include-suppressed    SARIF: also write suppressed results, with 'suppressions'
          --no-color              no colour (NO_COLOR and TERM=dumb are honoured too)
          --path-prefix DIR       report paths under DIR: PATH is the folder DIR of a larger checkout

        """ + "\n" + Config + "\n" + Paths + "\n";

    public const string Fix = """
        backendlint fix [PATH] [options]
          Apply the fixes of every fixable finding, round after round until none is left, as minimal
          edits: nothing else in a file changes. Files are written whole or not at all. The exit code
          is that of 'check' on what remains.

          --rule ID[,ID...]       fix only these rules
          --dry-run               change nothing: print the edits as a unified diff ('git apply' reads it)
          --format FORMAT         text (default), or github with --dry-run: the diff goes into the job
                                  summary ($GITHUB_STEP_SUMMARY) as Markdown, cut to fit
          --fail-level LEVEL      lowest level of what remains that makes the exit code 1 (default error)
          --no-color              no colour (NO_COLOR and TERM=dumb are honoured too)
          --path-prefix DIR       name paths under DIR: PATH is the folder DIR of a larger checkout

        """ + "\n" + Config + "\n" + Paths + "\n";

    public const string Baseline = """
        backendlint baseline [PATH] [options]
          Record today's findings in a baseline file, so that 'check --baseline' (or 'baseline:' in
          .backendlint.yml) reports only new ones. Nothing is written if a source cannot be read.

          -o, --output FILE       the file (default: 'baseline:' of the configuration, else .backendlint-baseline.json)

        """ + "\n" + Config + "\n" + Paths + "\n";

    public const string Add = """
        backendlint add NAME --like EXISTING [PATH] [options]
          Register a new backend NAME by analogy with EXISTING: its Makefile definition, eval line and
          list items, one build-matrix entry per entry of EXISTING, and its gallery meta, development
          meta and images, each after EXISTING's. No source code is written: it says what to create.
          A second run refuses, as NAME exists then.

          --like EXISTING         the backend whose registration NAME copies (required)
          --dry-run               change nothing: print the edits as a unified diff ('git apply' reads it)

        """ + "\n" + Config + "\n" + Paths + "\n";

    public const string Explain = """
        backendlint explain RULE
          Print a rule's page: what breaks for users, a before and after, where the finding points,
          and what the rule accepts. Also: backendlint rules RULE.
        """ + "\n";

    public const string Model = """
        backendlint model [PATH] [options]
          Print, as JSON, what BackendLint understood about each backend and where each piece is written.

          --backend NAME          only this backend

        """ + "\n" + Config + "\n" + Paths + "\n";

    public const string Rules = """
        backendlint rules [RULE] [--format FORMAT]
          Print the rule catalog (text, json or markdown), or with RULE that rule's page.

          --format FORMAT         text (default), json or markdown
        """ + "\n";

    public static string Top => $"""
        {ProductInfo.Name} {ProductInfo.Version}: checks that a LocalAI-shaped repository's build matrix,
        backend gallery and Makefile agree, and reports at the exact token what a contributor forgot.

        Verbs:
          check       lint a repository (the default)
          fix         apply the fixes of fixable findings (--dry-run: print them as a diff)
          add         register a new backend like an existing one
          baseline    record today's findings, so that only new ones count
          explain     print a rule's page
          model       print what BackendLint understood, as JSON
          rules       print the rule catalog
          help VERB   print a verb's options

        {Check}
        Exit codes: 0 nothing at or above --fail-level, 1 findings, 2 usage error, 3 a source, the
        configuration or the baseline could not be read. Also: backendlint --version.
        Rules and documentation: {ProductInfo.InformationUri}
        """ + "\n";

    /// <summary>The page of a verb, or null for a word that is none.</summary>
    public static string? Of(string verb) => verb switch
    {
        "check" => Check,
        "fix" => Fix,
        "add" => Add,
        "baseline" => Baseline,
        "explain" => Explain,
        "model" => Model,
        "rules" => Rules,
        _ => null,
    };
}
