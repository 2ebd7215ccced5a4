using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Text;

namespace BackendLint.Checks.Gallery;

/// <summary>
/// The repairs of the gallery rules that need no decision, written the way <c>backend/index.yaml</c>
/// already is: copies of its own lines with names and tags moved to the other channel, its own
/// quoting and indentation, its own placement of development entries. Each returns null when the
/// repair cannot be exact; the finding then offers no fix.
/// </summary>
internal static class GalleryFixes
{
    public const string DevelopmentSuffix = "-development";

    private const string Latest = "latest";
    private const string Master = "master";

    /// <summary>
    /// BL1002: the development image of a release image, a copy of its lines right after it, named
    /// <c>X-development</c> and with <c>latest</c> turned to <c>master</c> in its uri and mirrors.
    /// An image that writes a capabilities map of its own is left alone: its copy would name release images.
    /// </summary>
    public static Fix? DevelopmentImage(BackendModel model, GalleryEntry release)
    {
        if (model.Source(model.Gallery.File) is not { } file || release.Lines is not { } lines
            || release.Name is not { IsInherited: false } name || release.Uri is not { IsInherited: false }
            || release.Image is not { Channel: TagChannel.Latest, ChannelSpan: { } channel }
            || name.Text.EndsWith(DevelopmentSuffix, StringComparison.Ordinal) || release.Field("capabilities") is not null)
            return null;
        var development = name.Text + DevelopmentSuffix;
        if (model.Gallery.HasEntryNamed(development) || !YamlEdits.IsPlainName(development))
            return null;

        // An alias of its own goes into the copy: it must be the one its family's development images need (BL1005).
        if (release.Alias is { IsInherited: false } alias && release.MergeRoot is { } root && alias.Text != ExpectedAlias(root))
            return null;

        var replacements = new List<(SourceSpan, string, string)> { (name.Span, name.Text, development), (channel, Latest, Master) };
        foreach (var mirror in release.Mirrors)
        {
            // A mirror that is not a 'latest' tag, or that the entry inherits, has no development counterpart to write.
            if (mirror.Value.IsInherited || mirror.Image is not { Channel: TagChannel.Latest, ChannelSpan: { } tag })
                return null;
            replacements.Add((tag, Latest, Master));
        }

        var copy = YamlEdits.CopyLines(file, lines.StartLine, lines.EndLine, replacements);
        return copy is null
            ? null
            : new Fix($"Add the development image {Finding.Quote(development)} after {Finding.Quote(name.Text)}.", [YamlEdits.InsertAfter(file.Text, lines.EndLine, copy)]);
    }

    /// <summary>
    /// BL1005: the <c>X-development</c> meta of a family: a <c>&lt;&lt;: *x</c> line and a name line
    /// written as those of the nearest family's development meta (else of the family's first image),
    /// and the meta's capabilities map naming the development images. Placed where the file keeps
    /// its development metas.
    /// </summary>
    public static Fix? DevelopmentMeta(BackendModel model, GalleryFamily family)
    {
        var root = family.Root;
        if (model.Source(model.Gallery.File) is not { } file || root.Name is not { } name || !root.WritesCapabilities
            || root.Anchor is null || family.Images.FirstOrDefault() is not { Lines: not null } first)
            return null;
        var development = name.Text + DevelopmentSuffix;
        if (!YamlEdits.IsPlainName(development) || Capabilities(model, root, TagChannel.Master, file) is not { } capabilities
            || YamlEdits.Indentation(file.Text, root.Field("capabilities")!.Key.Span) is not { } indentation)
            return null;

        var metas = model.Gallery.Families.Select(f => (Family: f, Meta: DevelopmentMetaOf(f))).Where(m => m.Meta is { Lines: not null }).ToList();
        var previous = metas.LastOrDefault(m => m.Family.Root.Index < root.Index).Meta;
        var next = metas.FirstOrDefault(m => m.Family.Root.Index > root.Index).Meta;
        var head = new[] { previous, next, first }.OfType<GalleryEntry>().Select(t => Head(file, t, root.Anchor, development, indentation)).FirstOrDefault(h => h is not null);
        if (head is null)
            return null;

        // Where the file keeps its development metas: most of LocalAI's stand right before their
        // family's first image (42 of 66 at 82c191afa); a gallery may also keep each right after its
        // meta, or all together in the order of their metas (then the new one goes after the
        // development meta of the nearest family before it, else before that of the nearest after
        // it, as long as that is below the meta it merges). What most of them do decides.
        var beforeImages = metas.Count(m => m.Family.Images.FirstOrDefault() is { } image && image.Index == m.Meta!.Index + 1);
        var afterMeta = metas.Count(m => m.Meta!.Index == m.Family.Root.Index + 1);
        var lines = head.Concat(capabilities).ToList();
        TextEdit edit;
        if (beforeImages * 2 > metas.Count || metas.Count == 0)
            edit = Edits.InsertLinesBefore(file.Text, first.Lines!.Value.StartLine, [.. lines]);
        else if (afterMeta * 2 > metas.Count && root.Lines is { } rootLines)
            edit = YamlEdits.InsertAfter(file.Text, rootLines.EndLine, lines);
        else if (previous is { Index: var p } && p > root.Index)
            edit = YamlEdits.InsertAfter(file.Text, previous.Lines!.Value.EndLine, lines);
        else if (next is { Index: var n } && n > root.Index)
            edit = Edits.InsertLinesBefore(file.Text, next.Lines!.Value.StartLine, [.. lines]);
        else
            edit = Edits.InsertLinesBefore(file.Text, first.Lines!.Value.StartLine, [.. lines]);

        return new Fix($"Add the meta {Finding.Quote(development)} naming the development images of {Finding.Quote(name.Text)}.", [edit]);
    }

    // The first two lines of a new entry copied from another: its '- !!merge <<: *x' line, merging
    // the anchor instead, and its name line, naming the new entry; each alone on its line and the name
    // at the indentation the new entry's keys need.
    private static List<string>? Head(SourceFile file, GalleryEntry template, string anchor, string name, string indentation)
    {
        if (template.Lines is not { } lines || template.Fields is not [{ Key.Value: "<<" } merge, ..] || template.Merges is not [var alias]
            || merge.Key.Span.StartLine != lines.StartLine || !merge.Value.IsSingleLine || !YamlEdits.EndsLine(file, merge.Value)
            || template.Name is not { IsInherited: false } written || template.Field("name") is not { } field
            || field.Key.Span.StartLine == lines.StartLine || !YamlEdits.EndsLine(file, field.Value)
            || YamlEdits.Indentation(file.Text, field.Key.Span) != indentation)
            return null;
        var head = YamlEdits.CopyLines(file, lines.StartLine, lines.StartLine, [(alias.Span, "*" + alias.Value, "*" + anchor)]);
        var nameLine = YamlEdits.CopyLines(file, field.Key.Span.StartLine, field.Value.EndLine, [(written.Span, written.Text, name)]);
        return head is [var h] && nameLine is [var n] ? [h, n] : null;
    }

    /// <summary>
    /// BL1004, a meta inheriting the other channel's map: its own capabilities map, the map it
    /// inherits with each image moved to its channel, after its last line.
    /// </summary>
    public static Fix? OwnCapabilities(BackendModel model, GalleryEntry meta, TagChannel want)
    {
        if (model.Source(model.Gallery.File) is not { } file || meta.Lines is not { } lines || meta.Field("name") is not { } nameField
            || model.Gallery.Entries.FirstOrDefault(e => e.WritesCapabilities && ReferenceEquals(e.Capabilities, meta.Capabilities)) is not { } writer
            || YamlEdits.Indentation(file.Text, nameField.Key.Span) is not { } indentation
            || YamlEdits.Indentation(file.Text, writer.Field("capabilities")!.Key.Span) != indentation
            || Capabilities(model, writer, want, file) is not { } capabilities)
            return null;
        return new Fix($"Give {Finding.Quote(meta.DisplayName)} its own capabilities map naming the {(want == TagChannel.Master ? "development" : "release")} images.",
            [YamlEdits.Append(file.Text, lines.EndLine, capabilities)]);
    }

    /// <summary>BL1004: the capability names the image of the same build in the meta's channel.</summary>
    public static Fix? Repoint(BackendModel model, Capability capability, GalleryEntry twin)
    {
        if (model.Source(model.Gallery.File) is not { } file || twin.Name is not { } name || model.Gallery.EntryNamed(name.Text) != twin
            || YamlEdits.ReplaceValue(file, capability.Value, name.Text) is not { } edit)
            return null;
        return new Fix($"Name {Finding.Quote(name.Text)} for {Finding.Quote(capability.Key.Value)}.", [edit]);
    }

    /// <summary>BL1005: <c>alias: X</c> on the family's meta, which its images inherit, on the line after its name and quoted as it.</summary>
    public static Fix? Alias(BackendModel model, GalleryEntry root)
    {
        if (model.Source(model.Gallery.File) is not { } file || root.Name is not { IsInherited: false } name || root.Alias is not null
            || root.Field("name") is not { } field || !YamlEdits.IsExactly(file, name.Span, name.Text) || !field.Value.IsSingleLine
            || !YamlEdits.EndsLine(file, field.Value) || YamlEdits.Indentation(file.Text, field.Key.Span) is not { } indentation)
            return null;
        var line = $"{indentation}alias: {file.Text.Slice(field.Value)}";
        return new Fix($"Add 'alias: {name.Text}' to {Finding.Quote(name.Text)}.", [YamlEdits.Append(file.Text, field.Value.EndLine, [line])]);
    }

    /// <summary>BL1008: deletes the lines of an identical copy; one that defines an anchor others may merge stays.</summary>
    public static Fix? DeleteCopy(BackendModel model, GalleryEntry copy) =>
        model.Source(model.Gallery.File) is { } file && copy.Lines is { } lines && copy.Anchor is null
            ? new Fix($"Delete the copy of {Finding.Quote(copy.DisplayName)}.", [YamlEdits.DeleteLines(file.Text, lines)])
            : null;

    /// <summary>The alias the development images of a family need: its merged entry's alias, else its name.</summary>
    private static string? ExpectedAlias(GalleryEntry root) => root.Alias?.Text ?? root.Name?.Text;

    /// <summary>
    /// The lines of the capabilities map <paramref name="writer"/> writes, each value naming the
    /// image of the same build in <paramref name="want"/>'s channel. Null unless every value names
    /// an image installable for its key (BL1003, BL1009) whose counterpart exists: a value naming a
    /// pinned tag stays as it is, one naming another channel's image is moved to its twin.
    /// </summary>
    private static List<string>? Capabilities(BackendModel model, GalleryEntry writer, TagChannel want, SourceFile file)
    {
        if (writer.Field("capabilities") is not { } field || !YamlEdits.EndsLine(file, field.Value))
            return null;
        var replacements = new List<(SourceSpan, string, string)>();
        foreach (var capability in writer.Capabilities)
        {
            var target = model.Gallery.EntryNamed(capability.Value.Value);
            if (target?.Image is not { } image || ImagePlatform.Of(image).AcceptedBy(capability.Key.Value) == false)
                return null;
            if (image.Channel == want || image.Channel == TagChannel.Other)
                continue;
            var twin = model.Gallery.Twin(target, want);
            if (twin?.Name is not { } twinName || model.Gallery.EntryNamed(twinName.Text) != twin || !YamlEdits.IsPlainName(twinName.Text))
                return null;
            replacements.Add((capability.Value.Span, capability.Value.Value, twinName.Text));
        }

        return YamlEdits.CopyLines(file, field.Key.Span.StartLine, field.Value.EndLine, replacements);
    }

    private static GalleryEntry? DevelopmentMetaOf(GalleryFamily family) =>
        family.Root.Name is { } name
            ? family.Members.FirstOrDefault(m => m.IsMeta && m.Name?.Text == name.Text + DevelopmentSuffix)
            : null;
}
