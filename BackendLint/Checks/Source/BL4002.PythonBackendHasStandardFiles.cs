using BackendLint.Findings;
using BackendLint.Model;

namespace BackendLint.Checks.Source;

/// <summary>A Python backend directory without one of LocalAI's standard files cannot be installed, run or tested the standard way.</summary>
internal sealed class PythonBackendHasStandardFiles : ICheck
{
    private static readonly string[] Required = ["Makefile", "install.sh", "run.sh", "test.sh", "backend.py"];

    public Rule Rule { get; } = new(
        CheckIds.PythonBackendHasStandardFiles, nameof(PythonBackendHasStandardFiles),
        "Every Python backend directory has Makefile, install.sh, run.sh, test.sh, backend.py and a requirements*.txt.",
        Severity.Error,
        "Dockerfile.python and 'make test-extra' drive every Python backend the same way: 'make' in its directory runs install.sh (which installs requirements*.txt), the image starts run.sh (which starts backend.py), and 'make test' runs test.sh. A backend directory missing one of them fails its image build, its start or its tests.",
        "consistency");

    public ModelInputs Needs => ModelInputs.Tree | ModelInputs.Makefile | ModelInputs.Matrix;

    public IEnumerable<Finding> Run(BackendModel model)
    {
        foreach (var directory in model.Tree.Directories)
        {
            // Only backends a source names: backend/python/common holds shared scripts, not a backend.
            if (directory.Lang != "python" || model.Find(directory.Name) is not { } backend)
                continue;
            var missing = Required.Where(f => !directory.Has(f)).ToList();
            if (!directory.Entries.Any(e => e.Kind is TreeEntryKind.File or TreeEntryKind.Link && e.Name.StartsWith("requirements", StringComparison.Ordinal) && e.Name.EndsWith(".txt", StringComparison.Ordinal)))
                missing.Add("requirements*.txt");
            if (missing.Count == 0)
                continue;
            Text.SourceSpan? site = backend.Definitions.Count > 0 ? backend.Definitions[0].Name.Span
                : backend.MatrixEntries.FirstOrDefault(e => e.Backend is not null)?.Backend?.Span;
            if (site is not { } span)
                continue;
            var files = string.Join(", ", missing.Select(Finding.Quote));
            yield return Rule.At(span,
                $"Python backend {Finding.Quote(backend.Name)} has no {files} in {Finding.Quote(directory.Path + "/")}: add {(missing.Count == 1 ? "it" : "them")} as the other Python backends have them.",
                backend.Name, $"python-files={directory.Name}:{string.Join(",", missing)}");
        }
    }
}
