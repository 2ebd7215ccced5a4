using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Text;

namespace BackendLint.Fixing;

internal sealed partial class BackendPlanner
{
    /// <summary>
    /// The build matrix: one copy of each of EXISTING's entries, with NAME in every value that carries
    /// EXISTING's name, after EXISTING's entries of the same list (the guide's "CPU builds after other
    /// CPU builds"): a run of consecutive entries gets its copies after its last entry. A build whose
    /// suffix no gallery image of EXISTING uses is not copied (nobody could install NAME's either).
    /// Returns EXISTING's suffixes that NAME builds.
    /// </summary>
    private HashSet<string> PlanMatrix()
    {
        var copied = new HashSet<string>(StringComparer.Ordinal);
        if (_like.MatrixEntries.Count == 0)
            return copied;
        var index = new Dictionary<MatrixEntry, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < _model.Matrix.Entries.Count; i++)
            index[_model.Matrix.Entries[i]] = i;

        var checkGallery = _model.Inputs.HasFlag(ModelInputs.Gallery) && _model.Gallery.Entries.Count > 0;
        var likeEntries = _like.Images.Concat(_like.Metas).ToHashSet(ReferenceEqualityComparer.Instance);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var unused = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var run in Runs(_like.MatrixEntries, (a, b) => a.File == b.File && a.List == b.List && a.Job == b.Job && index[b] == index[a] + 1))
        {
            var last = run[^1];
            if (_model.Source(last.File)?.Text is not { } text)
                continue;
            var block = new System.Text.StringBuilder();
            foreach (var entry in run)
            {
                if (entry.TagSuffix is { } suffix && checkGallery
                    && !(_model.TagSuffixes.TryGetValue(suffix.Value, out var joined) && joined.Images.Exists(i => likeEntries.Contains(i) && i.Channel is TagChannel.Latest or TagChannel.Master)))
                {
                    unused.Add(suffix.Value);
                    continue;
                }

                if (CopyEntry(text, entry) is not { } copy)
                    continue;
                block.Append(copy);
                counts[entry.File] = counts.GetValueOrDefault(entry.File) + 1;
                if (entry.TagSuffix is { } built)
                    copied.Add(built.Value);
            }

            if (block.Length > 0)
                _edits.Add(TextBlock.Insert(text, TextBlock.Lines(text, LastCopyable(text, run)).End, Header(text, run[0].Span.StartLine) + block));
        }

        foreach (var suffix in unused)
            _notCopied.Add($"the build {Finding.Quote(suffix)} of {Finding.Quote(Like)}: no gallery image uses it [BL2001], so nobody could install {Finding.Quote(Rename(suffix))}");
        foreach (var (file, count) in counts)
            _added.Add($"{file}: {Count(count, "build-matrix entry", "build-matrix entries")}");
        return copied;
    }

    // The run's copies go after its last entry that is written on lines of its own.
    private static SourceSpan LastCopyable(SourceText text, List<MatrixEntry> run) => run.Last(e => CopyableLayout(text, e)).Span;

    /// <summary>EXISTING's entry as text with NAME in its values, or null when it is not written on lines of its own.</summary>
    private string? CopyEntry(SourceText text, MatrixEntry entry)
    {
        if (!CopyableLayout(text, entry))
        {
            _notCopied.Add($"the build-matrix entry at {_position(entry.Span)}: it shares its lines with other YAML or defines an anchor, so it cannot be copied as lines");
            return null;
        }

        var (start, end) = TextBlock.Lines(text, entry.Span);
        var replacements = new List<(SourceSpan, string)>();
        foreach (var field in entry.Fields)
        {
            var raw = text.Slice(field.Value.Span);
            var renamed = Rename(raw);
            if (renamed == raw)
                continue;
            replacements.Add((field.Value.Span, renamed));
            if (field.Key.Value == "dockerfile" && SourceTree.DockerfileSuffix(field.Value.Value) is { } own)
                _ownDockerfiles.Add(own);
        }

        var collision = entry.TagSuffix is { } suffix && _model.TagSuffixes.ContainsKey(Rename(suffix.Value)) ? Rename(suffix.Value) : null;
        if (collision is not null)
            _collisions.Add($"tag suffix {Finding.Quote(collision)} is already built or used");
        return TextBlock.Copy(text, start, end, replacements);
    }

    /// <summary>
    /// Whether the entry is the only thing on its lines: only indentation and '- ' before it, and at
    /// most a comment after it. A flow-style list (<c>include: [{…}, {…}]</c>) cannot be copied by lines.
    /// </summary>
    private static bool CopyableLayout(SourceText text, MatrixEntry entry)
    {
        var first = TextBlock.Line(text, entry.Span.StartLine);
        var before = first[..Math.Min(first.Length, entry.Span.StartColumn - 1)].Trim();
        var end = text.OffsetOf(entry.Span.EndLine, entry.Span.EndColumn);
        var lineEnd = TextBlock.Lines(text, entry.Span).End;
        var after = end < lineEnd ? text.Text[end..lineEnd].Trim() : "";
        // An entry with an anchor ('- &cpu-defaults') would define it twice.
        var anchored = text.Text[text.OffsetOf(entry.Span.StartLine, entry.Span.StartColumn)] == '&';
        return before is "-" && !anchored && (after.Length == 0 || after.StartsWith('#'));
    }
}
