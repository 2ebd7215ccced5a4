using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Text;

namespace BackendLint.Fixing;

internal sealed partial class BackendPlanner
{
    /// <summary>
    /// The Makefile: NAME's definition after EXISTING's (same type, context, progress and backend
    /// argument, the type renamed when it is EXISTING's own Dockerfile), its eval line after
    /// EXISTING's, its items in <c>.NOTPARALLEL</c> and <c>docker-build-backends</c> next to
    /// EXISTING's, and its <c>prepare-test-extra</c>/<c>test-extra</c> lines after EXISTING's.
    /// </summary>
    private void PlanMakefile()
    {
        var makefile = _model.Makefile;
        if (_model.Source(makefile.File)?.Text is not { } text)
            return;
        var parts = new List<string>();
        var variables = _names.ForVariables(_model.Backends.Select(b => b.Name).Where(n => n != Like));

        if (_like.Definitions is [var definition, ..])
        {
            var variable = variables.Apply(definition.Variable.Value);
            if (variable == definition.Variable.Value)
                variable = "BACKEND_" + NameSubstitution.VariablePart(_name);
            var type = Rename(definition.DockerfileType.Value);
            if (type != definition.DockerfileType.Value)
                _ownDockerfiles.Add(definition.DockerfileType.Value);
            var whole = definition.Variable.Span with { EndLine = definition.NeedsBackendArg.Span.EndLine, EndColumn = definition.NeedsBackendArg.Span.EndColumn };
            var (start, end) = TextBlock.Lines(text, whole);
            _edits.Add(TextBlock.Insert(text, end, TextBlock.Copy(text, start, end,
            [
                (definition.Variable.Span, variable),
                (definition.Name.Span, _name),
                (definition.DockerfileType.Span, type),
                (definition.Context.Span, Rename(definition.Context.Value)),
            ])));
            PlanRegistration(text, variable, Like, _like.Evals.FirstOrDefault(), parts);
        }
        else if (makefile.Definitions.Count > 0 && _like.MatrixEntries.FirstOrDefault(e => e.Platform == BuildPlatform.Linux && e.DockerfileType is not null) is { } build)
        {
            // EXISTING is built by CI but not defined [BL2005]: NAME's definition is what check asks
            // for, after the last definition of the same Dockerfile type.
            var variable = "BACKEND_" + NameSubstitution.VariablePart(_name);
            var context = build.Context is { } c && c.Value.Length > 0 && !BuildMatrix.IsExpression(c.Value) ? Rename(c.Value) : ".";
            var line = $"{variable} = {_name}|{Rename(build.DockerfileType!)}|{context}|false|true";
            var neighbour = makefile.Definitions.LastOrDefault(d => d.DockerfileType.Value == build.DockerfileType) ?? makefile.Definitions[^1];
            var (_, end) = TextBlock.Lines(text, neighbour.Variable.Span with { EndLine = neighbour.NeedsBackendArg.Span.EndLine, EndColumn = neighbour.NeedsBackendArg.Span.EndColumn });
            _edits.Add(TextBlock.Insert(text, end, line + TextBlock.NewLine(text)));
            _completed.Add($"the definition {Finding.Quote(line)}, which {Finding.Quote(Like)} lacks [BL2005], after {Finding.Quote(neighbour.Variable.Value)}");
            PlanRegistration(text, variable, neighbour.Name.Value, makefile.Evals.FirstOrDefault(e => e.Variable.Value == neighbour.Variable.Value), parts);
        }
        else if (_like.Targets.Count > 0)
        {
            _notCopied.Add($"the Makefile rules of {Finding.Quote(Like)} ({Finding.Quote(_like.Targets[0].Value)} at {_position(_like.Targets[0].Span)}): this Makefile has no 'BACKEND_*' definitions to copy, write {Finding.Quote(_name)}'s rules by hand");
        }

        PlanSteps(text, makefile.PrepareTestExtra, _like.PrepareTestExtra, _like.TestExtra.Count > 0, parts);
        PlanSteps(text, makefile.TestExtra, _like.TestExtra, true, parts);

        // Targets beside 'backends/<name>' that carry EXISTING's name ('backends/ds4-darwin') have recipes of their own.
        // Other backends protect their names ('backends/faster-whisper'); a target that is only a target ('backends/ds4-darwin') does not.
        var plain = new NameSubstitution(Like, _name, _model.Backends.Where(b => b.Name != Like && (b.Definitions.Count > 0 || b.MatrixEntries.Count > 0 || b.Metas.Count > 0 || b.Images.Count > 0)).Select(b => b.Name));
        var others = makefile.BackendTargets.Concat(makefile.NotParallel?.Prerequisites ?? [])
            .Where(t => t.Value != MakefileFacts.BackendTargetPrefix + Like && plain.Carries(t.Value))
            .DistinctBy(t => t.Value).ToList();
        if (others.Count > 0 && _like.Definitions.Count > 0)
            _notCopied.Add($"the Makefile targets {string.Join(", ", others.Select(t => $"{Finding.Quote(t.Value)}"))} ({_position(others[0].Span)}): they have recipes of their own; write {Finding.Quote(_name)}'s by hand if it needs them");

        if (parts.Count > 0)
            _added.Add($"{makefile.File}: {string.Join(", ", parts)}");
    }

    /// <summary>The rest of a definition: its eval line after <paramref name="eval"/> (else after the last one), and its list items after <paramref name="after"/>'s.</summary>
    private void PlanRegistration(SourceText text, string variable, string after, MakeEval? eval, List<string> parts)
    {
        var makefile = _model.Makefile;
        if (makefile.IsDefined(variable))
            _collisions.Add($"{Finding.Quote(variable)} is defined in {makefile.File}");
        parts.Add($"{Finding.Quote(variable)}");
        PlanEval(text, variable, eval, parts);
        PlanList(text, makefile.NotParallel, MakefileFacts.BackendTargetPrefix, makefile.BackendPatternRule is not null, after, "'.NOTPARALLEL'", parts);
        PlanList(text, makefile.DockerBuildBackends, MakefileFacts.DockerBuildPrefix, true, after, "'docker-build-backends'", parts);
    }

    private void PlanEval(SourceText text, string variable, MakeEval? copied, List<string> parts)
    {
        if (copied is { } eval)
        {
            var (start, end) = TextBlock.Lines(text, eval.Line);
            _edits.Add(TextBlock.Insert(text, end, TextBlock.Copy(text, start, end, [(eval.Variable.Span, variable)])));
            parts.Add("its eval line");
        }
        else if (_model.Makefile.Evals is [.., var last])
        {
            // EXISTING's docker-build target is never generated (BL3003): NAME's eval line goes after the last one.
            var (_, end) = TextBlock.Lines(text, last.Line);
            _edits.Add(TextBlock.Insert(text, end, MakeEval.LineFor(variable) + TextBlock.NewLine(text)));
            parts.Add("its eval line");
            if (_like.Definitions.Count > 0)
                _completed.Add($"the eval line {Finding.Quote(MakeEval.LineFor(variable))}, which {Finding.Quote(Like)} lacks [BL3003], after the last eval line");
        }
    }

    /// <summary>NAME's item in a prerequisite list, the way the list is kept, next to EXISTING's when it is there.</summary>
    private void PlanList(SourceText text, MakeTargetList? list, string prefix, bool required, string after, string what, List<string> parts)
    {
        // An empty '.NOTPARALLEL:' serializes every target; without a list there is nothing to add to.
        if (list is not { Prerequisites.Count: > 0 } || !required)
            return;
        var item = prefix + _name;
        if (list.Contains(item))
        {
            _collisions.Add($"{Finding.Quote(item)} is in {what}");
            return;
        }

        var order = new List<string>();
        foreach (var definition in _model.Makefile.Definitions)
        {
            order.Add(prefix + definition.Name.Value);
            if (definition.Name.Value == after)
                order.Add(item);
        }

        if (_addToList(text, list, item, order) is not { } edit)
            return;
        _edits.Add(edit);
        parts.Add(what);
        if (after == Like && !list.Contains(prefix + Like))
            _completed.Add($"{Finding.Quote(item)} in {what}, where {Finding.Quote(prefix + Like)} is missing [{(prefix == MakefileFacts.BackendTargetPrefix ? "BL3001" : "BL3002")}]");
    }

    /// <summary>NAME's lines of a test recipe, after EXISTING's: <c>$(MAKE) -C backend/python/NAME [test]</c>.</summary>
    private void PlanSteps(SourceText text, MakeStepRecipe? recipe, List<MakeBackendStep> steps, bool copy, List<string> parts)
    {
        if (recipe is null || steps.Count == 0)
            return;
        var target = recipe.Target.Value;
        if (!copy)
        {
            _notCopied.Add($"the {Finding.Quote(target)} line of {Finding.Quote(Like)} ({_position(steps[0].Directory.Span)}): 'test-extra' does not test {Finding.Quote(Like)} [BL3004], so {Finding.Quote(_name)} is neither prepared nor tested");
            return;
        }

        var copied = 0;
        foreach (var step in steps)
        {
            // A line that runs another command too (another backend's step after '&&') would be copied with it.
            var line = TextBlock.Line(text, step.Directory.Span.StartLine);
            if (recipe.Steps.Count(s => s.Directory.Span.StartLine == step.Directory.Span.StartLine) > 1 || !step.Directory.Span.IsSingleLine
                || line.Contains("&&", StringComparison.Ordinal) || line.Contains("||", StringComparison.Ordinal) || line.Contains(';', StringComparison.Ordinal) || line.TrimEnd().EndsWith('\\'))
            {
                _notCopied.Add($"the {Finding.Quote(target)} line at {_position(step.Directory.Span)}: it runs more than {Finding.Quote(Like)}'s step");
                continue;
            }

            var (start, end) = TextBlock.Lines(text, step.Directory.Span);
            var replacements = new List<(SourceSpan, string)> { (step.Directory.Span, Rename(step.Directory.Value)) };
            if (step.Target is { } stepTarget)
                replacements.Add((stepTarget.Span, Rename(stepTarget.Value)));
            _edits.Add(TextBlock.Insert(text, end, TextBlock.Copy(text, start, end, replacements)));
            copied++;
        }

        if (copied > 0)
            parts.Add($"{Finding.Quote(target)}");
    }
}
