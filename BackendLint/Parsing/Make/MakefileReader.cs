using BackendLint.Model;
using BackendLint.Text;

namespace BackendLint.Parsing.Make;

/// <summary>Reads the backend facts of a top-level LocalAI Makefile from its statements.</summary>
public static class MakefileReader
{
    public const string BackendPrefix = "BACKEND_";
    private const string TargetsPrefix = MakefileFacts.BackendTargetPrefix;

    public static (MakefileFacts Facts, List<Comment> Comments) Read(SourceText source)
    {
        var comments = new List<Comment>();
        var definitions = new List<MakeBackend>();
        var evals = new List<MakeEval>();
        var backendTargets = new List<Located<string>>();
        Located<string>? patternRule = null;
        SourceSpan? generateTarget = null;
        // Every line of a list adds to it: collected as they come, made into a list once (100,000
        // '.NOTPARALLEL:' lines used to copy the list each time).
        (Located<string> Target, List<Located<string>> Items)? notParallel = null;
        (Located<string> Target, List<Located<string>> Items)? dockerBuildBackends = null;
        StepCollector? prepare = null;
        StepCollector? test = null;
        StepCollector? current = null;

        foreach (var statement in MakefileLexer.Statements(source, comments))
        {
            if (statement is MakeRecipeLine recipe)
            {
                current?.Add(recipe);
                continue;
            }

            current = null;
            switch (statement)
            {
                case MakeAssignment assignment when Definition(assignment) is { } definition:
                    definitions.Add(definition);
                    break;
                case MakeExpressionLine expression when Eval(expression.Line) is { } eval:
                    evals.Add(eval);
                    break;
                case MakeDefine define when define.Name == MakeEval.GenerateTarget:
                    generateTarget = define.Extent;
                    break;
                case MakeRule rule:
                    foreach (var target in rule.Targets)
                    {
                        switch (target.Value)
                        {
                            case ".NOTPARALLEL":
                                (notParallel ??= (target, [])).Items.AddRange(rule.Prerequisites);
                                break;
                            case "docker-build-backends":
                                (dockerBuildBackends ??= (target, [])).Items.AddRange(rule.Prerequisites);
                                break;
                            case "prepare-test-extra":
                                current = prepare ??= new StepCollector(target, rule.Line.Extent);
                                break;
                            case "test-extra":
                                current = test ??= new StepCollector(target, rule.Line.Extent);
                                break;
                            case "backends/%":
                                patternRule ??= target;
                                break;
                            default:
                                if (target.Value.StartsWith(TargetsPrefix, StringComparison.Ordinal) && target.Value.Length > TargetsPrefix.Length && !target.Value.Contains('%'))
                                    backendTargets.Add(target);
                                break;
                        }
                    }

                    break;
            }
        }

        var facts = new MakefileFacts(source.Path, definitions, evals, List(notParallel), List(dockerBuildBackends),
            prepare?.ToRecipe(), test?.ToRecipe(), backendTargets, patternRule, generateTarget);
        return (facts, comments);
    }

    // Only five-field pipe values are backend definitions: "BACKEND_TEST_MODEL_URL ?= https://…" is not one.
    private static MakeBackend? Definition(MakeAssignment assignment)
    {
        if (!assignment.Name.Value.StartsWith(BackendPrefix, StringComparison.Ordinal) || assignment.Operator is "+=" or "!=")
            return null;
        var fields = assignment.Fields('|');
        if (fields.Count != 5 || fields[0].Value.Length == 0)
            return null;
        return new MakeBackend(assignment.Name, assignment.Operator, fields[0], fields[1], fields[2], fields[3], fields[4], assignment.Line.Extent);
    }

    // $(eval $(call generate-docker-build-target,$(BACKEND_X)))
    private static MakeEval? Eval(MakeLine line)
    {
        var text = line.Text;
        if (MakeReference.At(text, 0) is not { Name: "eval", Arguments.Count: 1 } eval || text[eval.End..].Trim().Length > 0)
            return null;
        if (MakeReference.At(text, eval.Arguments[0].Start) is not { Name: "call", Arguments.Count: >= 2 } call)
            return null;
        var (nameStart, nameEnd) = call.Arguments[0];
        if (text[nameStart..nameEnd].Trim() != MakeEval.GenerateTarget)
            return null;
        if (MakeReference.At(text, call.Arguments[1].Start) is not { IsFunction: false } variable)
            return null;

        var nameOffset = variable.Start + 2;
        return new MakeEval(line.Token(nameOffset, variable.End - 1), line.Extent);
    }

    private static MakeTargetList? List((Located<string> Target, List<Located<string>> Items)? list) =>
        list is { } l ? new MakeTargetList(l.Target, l.Items) : null;

    private sealed class StepCollector(Located<string> target, SourceSpan ruleLine)
    {
        private readonly List<MakeBackendStep> _steps = [];

        public void Add(MakeRecipeLine line)
        {
            if (Step(line.Words(), line.Line.Extent) is { } step)
                _steps.Add(step);
        }

        public MakeStepRecipe ToRecipe() => new(target, ruleLine, _steps);

        // $(MAKE) -C backend/python/vllm test; also ${MAKE}, make and --directory dir.
        private static MakeBackendStep? Step(List<Located<string>> words, SourceSpan line)
        {
            var make = words.FindIndex(w => w.Value is "$(MAKE)" or "${MAKE}" or "make");
            if (make < 0)
                return null;

            Located<string>? directory = null;
            Located<string>? target = null;
            for (var i = make + 1; i < words.Count; i++)
            {
                var word = words[i].Value;
                if (word is "&&" or "||" or ";" or "|")
                    break;
                if (directory is null && (word == "-C" || word == "--directory") && i + 1 < words.Count)
                {
                    directory = words[++i];
                    continue;
                }

                if (word.StartsWith('-') || word.Contains('='))
                    continue;
                if (directory is not null)
                {
                    target = words[i];
                    break;
                }
            }

            if (directory is not { } written)
                return null;
            var parts = written.Value.Trim('/').Split('/');
            if (parts.Length > 0 && parts[0] == ".")
                parts = parts[1..];
            if (parts.Length != 3 || parts[0] != "backend")
                return null;
            return new MakeBackendStep(written, parts[1], parts[2], target, line);
        }
    }
}
