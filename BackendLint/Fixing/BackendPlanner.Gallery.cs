using BackendLint.Findings;
using BackendLint.Model;
using BackendLint.Text;

namespace BackendLint.Fixing;

internal sealed partial class BackendPlanner
{
    private const string Development = "-development";

    /// <summary>
    /// The gallery: a copy of EXISTING's meta, of its development meta, and of the <c>latest</c> and
    /// <c>master</c> image of every platform NAME builds, each after EXISTING's run of entries it
    /// copies; capabilities map each key to NAME's image of the platform EXISTING's value names (its
    /// development image in the development meta). Returns the name of NAME's meta.
    /// </summary>
    private string? PlanGallery(HashSet<string> builtSuffixes)
    {
        var gallery = _model.Gallery;
        if (_model.Source(gallery.File)?.Text is not { } text)
            return null;
        var entries = _like.Metas.Concat(_like.Images).OrderBy(e => e.Index).ToList();
        if (entries.Count == 0)
            return null;
        return new GalleryCopy(this, text, entries, builtSuffixes).Plan();
    }

    /// <summary>The state of one gallery copy: which of EXISTING's entries NAME gets, under which names.</summary>
    private sealed class GalleryCopy(BackendPlanner planner, SourceText text, List<GalleryEntry> entries, HashSet<string> builtSuffixes)
    {
        private readonly Dictionary<string, (GalleryEntry? Latest, GalleryEntry? Master)> _platforms = new(StringComparer.Ordinal);
        private readonly Dictionary<GalleryEntry, string> _names = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<string, string> _anchors = new(StringComparer.Ordinal);
        private readonly List<string> _newNames = [];
        private GalleryEntry? _meta;
        private GalleryEntry? _developmentMeta;
        private string? _metaName;
        private bool _addAlias;
        private bool _synthesizeDevelopmentMeta;

        private string Like => planner.Like;

        private GalleryIndex Gallery => planner._model.Gallery;

        public string? Plan()
        {
            ChooseImages();
            if (_platforms.Count == 0)
            {
                // A meta whose images are all left out would install nothing.
                var metas = entries.Where(e => e.IsMeta).Select(e => $"{Finding.Quote(e.DisplayName)}").ToList();
                if (metas.Count > 0)
                    planner._notCopied.Add($"the {(metas.Count == 1 ? "meta" : "metas")} {string.Join(", ", metas)} of {Finding.Quote(Like)}: none of its images is copied, so a meta of {Finding.Quote(planner._name)} would install nothing");
                return null;
            }

            ChooseMetas();
            if (!NameEverything())
                return null;

            var images = 0;
            foreach (var run in Runs(entries, (a, b) => b.Index == a.Index + 1))
            {
                var block = new System.Text.StringBuilder();
                foreach (var entry in run)
                    images += Append(block, entry);
                if (block.Length > 0)
                    planner._edits.Add(TextBlock.Insert(text, TextBlock.Lines(text, run[^1].Span).End, planner.Header(text, run[0].Span.StartLine) + block));
            }

            var parts = new List<string>();
            if (_meta is not null)
                parts.Add($"meta {Finding.Quote(_metaName!)}");
            if (_developmentMeta is not null || _synthesizeDevelopmentMeta)
                parts.Add($"development meta {Finding.Quote(DevelopmentMetaName)}");
            if (images > 0)
                parts.Add(Count(images, "image", "images"));
            if (parts.Count > 0)
                planner._added.Add($"{Gallery.File}: {string.Join(", ", parts)}");
            foreach (var name in _newNames.Where(Gallery.HasEntryNamed))
                planner._collisions.Add($"gallery entry {Finding.Quote(name)} exists");
            foreach (var name in _newNames.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                planner._collisions.Add($"two of the copies would be named {Finding.Quote(name.Key)}");
            return _metaName;
        }

        private string DevelopmentMetaName => _developmentMeta is not null ? _names[_developmentMeta] : (_metaName ?? planner._name) + Development;

        /// <summary>The images NAME gets: per tag suffix that a copied build produces, EXISTING's first 'latest' and first 'master' image.</summary>
        private void ChooseImages()
        {
            var checkMatrix = planner._model.Inputs.HasFlag(ModelInputs.Matrix) && planner._model.Matrix.Entries.Count > 0;
            var unbuilt = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var image in entries.Where(e => e.IsImage))
            {
                if (image.Image is not { IsBuiltByMatrix: true, TagSuffix: { } suffix, Channel: TagChannel.Latest or TagChannel.Master } reference)
                {
                    planner._notCopied.Add($"the image {Finding.Quote(image.DisplayName)} of {Finding.Quote(Like)}: its uri is not a 'latest' or 'master' tag of the backends repositories, so which build it installs is not known");
                    continue;
                }

                if (checkMatrix && !builtSuffixes.Contains(suffix.Value))
                {
                    if (!unbuilt.TryGetValue(suffix.Value, out var names))
                        unbuilt[suffix.Value] = names = [];
                    names.Add(image.DisplayName);
                    continue;
                }

                var slot = _platforms.GetValueOrDefault(suffix.Value);
                if ((reference.Channel == TagChannel.Latest ? slot.Latest : slot.Master) is { } first)
                {
                    planner._notCopied.Add($"the image {Finding.Quote(image.DisplayName)} of {Finding.Quote(Like)}: {Finding.Quote(first.DisplayName)} has its tag already [BL1007, BL1008]");
                    continue;
                }

                _platforms[suffix.Value] = reference.Channel == TagChannel.Latest ? slot with { Latest = image } : slot with { Master = image };
            }

            foreach (var (suffix, names) in unbuilt)
                planner._notCopied.Add($"the {(names.Count == 1 ? "image" : "images")} {string.Join(", ", names.Select(n => $"{Finding.Quote(n)}"))} of {Finding.Quote(Like)}: no build of {Finding.Quote(Like)} that is copied produces {Finding.Quote(suffix)} [BL1001]");
        }

        private void ChooseMetas()
        {
            var metas = entries.Where(e => e.IsMeta).ToList();
            _meta = metas.FirstOrDefault(m => !m.IsDevelopment && m.Name?.Text == Like) ?? metas.FirstOrDefault(m => !m.IsDevelopment);
            _developmentMeta = metas.FirstOrDefault(m => m.IsDevelopment && m.Name?.Text == (_meta?.Name?.Text ?? Like) + Development)
                ?? metas.FirstOrDefault(m => m.IsDevelopment);
            foreach (var other in metas.Where(m => m != _meta && m != _developmentMeta))
                planner._notCopied.Add($"the meta {Finding.Quote(other.DisplayName)} of {Finding.Quote(Like)}: only its meta and its development meta are copied");

            if (_meta is not { Name: { } name } || !Gallery.UsesMetas || !_platforms.Values.Any(p => p.Latest is not null || p.Master is not null))
                return;
            _synthesizeDevelopmentMeta = _developmentMeta is null && CapabilityLines(_meta) is not null;
            if (_developmentMeta is null)
            {
                planner._completed.Add(_synthesizeDevelopmentMeta
                    ? $"a development meta, which {Finding.Quote(Like)} lacks [BL1005]"
                    : $"no development meta: {Finding.Quote(Like)} lacks one [BL1005] and its capabilities are not written one per line");
            }

            // The development images select the release build's name through the meta's alias (BL1005).
            _addAlias = _meta.Alias is null && !name.IsInherited && _platforms.Values.All(p => p.Master?.Alias is null && p.Latest?.Alias is null);
            if (_addAlias)
            {
                var renamed = planner.Rename(name.Text);
                planner._completed.Add($"'alias: {(renamed != name.Text ? renamed : planner._name)}' in the meta, which {Finding.Quote(Like)}'s lacks [BL1005]");
            }
        }

        /// <summary>New names for every copied entry and anchor; false (with a collision) when one cannot be derived.</summary>
        private bool NameEverything()
        {
            if (_meta is { } meta)
            {
                var name = meta.Name?.Text ?? Like;
                _metaName = planner.Rename(name) is var renamed && renamed != name ? renamed : planner._name;
                _names[meta] = _metaName;
            }

            if (_developmentMeta is { } development)
            {
                var name = development.Name!.Value.Text;
                _names[development] = planner.Rename(name) is var renamed && renamed != name ? renamed : (_metaName ?? planner._name) + Development;
            }

            foreach (var (suffix, (latest, master)) in _platforms)
            {
                foreach (var image in new[] { latest, master }.OfType<GalleryEntry>())
                {
                    var renamed = planner.Rename(image.DisplayName);
                    if (renamed == image.DisplayName)
                    {
                        planner._collisions.Add($"the copy of image {Finding.Quote(image.DisplayName)} cannot be named, as its name does not carry {Finding.Quote(Like)}");
                        return false;
                    }

                    _names[image] = renamed;
                }

                if (latest is not null && master is null)
                    planner._completed.Add($"the image {Finding.Quote(_names[latest] + Development)} tagged 'master{planner.Rename(suffix)}', as {Finding.Quote(latest.DisplayName)} has no 'master' twin [BL1002]");
                if (master is not null && latest is null)
                {
                    if (!_names[master].EndsWith(Development, StringComparison.Ordinal))
                    {
                        planner._collisions.Add($"the release twin of image {Finding.Quote(master.DisplayName)} cannot be named, as its name does not end in {Finding.Quote(Development)}");
                        return false;
                    }

                    planner._completed.Add($"the image {Finding.Quote(_names[master][..^Development.Length])} tagged 'latest{planner.Rename(suffix)}', as {Finding.Quote(master.DisplayName)} has no 'latest' twin [BL1002]");
                }
            }

            _newNames.AddRange(_names.Values);
            _newNames.AddRange(_platforms.Values.Where(p => p.Latest is null || p.Master is null).Select(p => p.Latest is not null ? _names[p.Latest] + Development : _names[p.Master!][..^Development.Length]));
            if (_synthesizeDevelopmentMeta)
                _newNames.Add(DevelopmentMetaName);

            var taken = Gallery.Entries.Select(e => e.Anchor).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var entry in _names.Keys.Where(e => e.Anchor is not null))
            {
                var anchor = entry.Anchor!;
                var renamed = planner.Rename(anchor);
                if (renamed == anchor)
                {
                    // '&llamacpp' for llama-cpp, '&whispercpp' for whisper: the name without its hyphens.
                    var compact = Like.Replace("-", "", StringComparison.Ordinal);
                    var at = anchor.IndexOf(compact, StringComparison.Ordinal);
                    renamed = at >= 0 ? string.Concat(anchor.AsSpan(0, at), planner._name.Replace("-", "", StringComparison.Ordinal), anchor.AsSpan(at + compact.Length)) : planner._name;
                }

                if (taken.Contains(renamed) || _anchors.ContainsValue(renamed))
                    planner._collisions.Add($"anchor '&{renamed}' is defined");
                _anchors[anchor] = renamed;
            }

            return true;
        }

        /// <summary>Appends the copies of one of EXISTING's entries; returns how many images it added.</summary>
        private int Append(System.Text.StringBuilder block, GalleryEntry entry)
        {
            if (entry == _meta || entry == _developmentMeta)
            {
                block.Append(Copy(entry, _names[entry], null));
                return 0;
            }

            if (!_names.TryGetValue(entry, out var name) || entry.Image?.TagSuffix is not { } suffix)
                return 0;
            var (latest, master) = _platforms[suffix.Value];

            // The synthesized development meta comes before NAME's first image.
            if (_synthesizeDevelopmentMeta && _platforms.Values.SelectMany(p => new[] { p.Latest, p.Master }).OfType<GalleryEntry>().MinBy(e => e.Index) == entry)
                block.Append(DevelopmentMeta());

            if (entry == master && latest is null)
                block.Append(Copy(entry, name[..^Development.Length], TagChannel.Latest));
            block.Append(Copy(entry, name, null));
            if (entry == latest && master is null)
                block.Append(Copy(entry, name + Development, TagChannel.Master));
            return latest is null || master is null ? 2 : 1;
        }

        /// <summary>EXISTING's entry as text: NAME's names, anchors, tags and capabilities; every other value verbatim.</summary>
        private string Copy(GalleryEntry entry, string name, TagChannel? channel)
        {
            var (start, end) = TextBlock.Lines(text, entry.Span);
            var replacements = new List<(SourceSpan, string)>();
            if (entry.AnchorSpan is { } anchorSpan && _anchors.TryGetValue(entry.Anchor!, out var anchor))
                replacements.Add((anchorSpan, "&" + anchor));
            foreach (var site in entry.Merges)
            {
                if (_anchors.TryGetValue(site.Value, out var merged))
                    replacements.Add((site.Span, "*" + merged));
            }

            if (entry.Name is { IsInherited: false } own)
            {
                replacements.Add((own.Span, name));
                if (entry == _meta && _addAlias)
                    replacements.Add((text.Span(TextBlock.LineEnd(text, own.Span.EndLine), TextBlock.LineEnd(text, own.Span.EndLine)), KeyLine(own, "alias", name)));
            }

            if (entry.Alias is { IsInherited: false } alias)
                replacements.Add((alias.Span, NewAlias(alias.Text)));
            if (entry.Uri is { IsInherited: false } && entry.Image?.Tag is { } tag)
                replacements.Add((tag.Span, NewTag(tag, channel)));
            foreach (var mirror in entry.Mirrors.Where(m => !m.Value.IsInherited))
            {
                if (mirror.Image.Tag is { } mirrorTag)
                    replacements.Add((mirrorTag.Span, NewTag(mirrorTag, channel)));
            }

            if (entry.WritesCapabilities)
            {
                foreach (var capability in entry.Capabilities)
                {
                    var value = MapCapability(capability.Value.Value, entry.IsDevelopment, note: true);
                    if (value is null)
                    {
                        var (lineStart, lineEnd) = TextBlock.Lines(text, capability.Key.Span with { EndLine = capability.Value.Span.EndLine, EndColumn = capability.Value.Span.EndColumn });
                        replacements.Add((text.Span(lineStart, lineEnd), ""));
                    }
                    else if (value != capability.Value.Value)
                    {
                        replacements.Add((capability.Value.Span, value));
                    }
                }
            }

            return TextBlock.Copy(text, start, end, replacements);
        }

        /// <summary>A development meta for NAME when EXISTING has none: its first image's merge line, the meta's name line and capabilities, development images named.</summary>
        private string DevelopmentMeta()
        {
            var newLine = TextBlock.NewLine(text);
            var meta = _meta!;
            var first = _platforms.Values.SelectMany(p => new[] { p.Latest, p.Master }).OfType<GalleryEntry>().MinBy(e => e.Index)!;
            var anchor = meta.Anchor is { } a && _anchors.TryGetValue(a, out var renamed) ? renamed : planner._name;
            var builder = new System.Text.StringBuilder();
            if (first.Merges is [var site] && site.Span.StartLine == first.Span.StartLine)
                builder.Append(TextBlock.Copy(text, text.OffsetOf(first.Span.StartLine, 1), TextBlock.LineEnd(text, first.Span.StartLine), [(site.Span, "*" + anchor)]));
            else
                builder.Append("- !!merge <<: *").Append(anchor).Append(newLine);
            builder.Append(KeyLine(meta.Name!.Value, "name", DevelopmentMetaName));
            var (header, lines) = CapabilityLines(meta)!.Value;
            builder.Append(header).Append(newLine);
            foreach (var capability in lines)
            {
                if (MapCapability(capability.Value.Value, development: true, note: false) is not { } value)
                    continue;
                var (start, end) = TextBlock.Lines(text, capability.Value.Span);
                builder.Append(TextBlock.Copy(text, start, end, [(capability.Value.Span, value)]));
            }

            return builder.ToString();
        }

        /// <summary>The meta's <c>capabilities:</c> line and its capabilities, when each is written on a line of its own below it.</summary>
        private (string Header, IReadOnlyList<Capability> Lines)? CapabilityLines(GalleryEntry meta)
        {
            if (!meta.WritesCapabilities || meta.Capabilities is not [var first, ..] caps)
                return null;
            var lines = caps.Select(c => c.Key.Span.StartLine).ToList();
            if (caps.Any(c => c.Key.Span.StartLine != c.Value.Span.EndLine) || lines.Distinct().Count() != lines.Count || first.Key.Span.StartLine <= meta.Span.StartLine)
                return null;
            var header = TextBlock.Line(text, first.Key.Span.StartLine - 1);
            return header.Trim() == "capabilities:" ? (header, caps) : null;
        }

        /// <summary>What a capability of NAME's meta names: NAME's image of the platform EXISTING's value names (its development image in a development meta); null to leave the key out.</summary>
        private string? MapCapability(string value, bool development, bool note)
        {
            var target = entries.FirstOrDefault(e => string.Equals(e.Name?.Text, value, StringComparison.OrdinalIgnoreCase));
            if (target is null)
                return Gallery.HasEntryNamed(value) ? value : null;
            if (target.IsMeta)
                return _names.GetValueOrDefault(target);
            if (target.Image?.TagSuffix is not { } suffix || !_platforms.TryGetValue(suffix.Value, out var platform))
                return null;
            var latest = platform.Latest is { } l ? _names[l] : _names[platform.Master!][..^Development.Length];
            var master = platform.Master is { } m ? _names[m] : latest + Development;
            if (note && development && target.Channel == TagChannel.Latest)
                planner._completed.Add($"the development meta's capability naming {Finding.Quote(master)}, where {Finding.Quote(Like)}'s names the release image {Finding.Quote(value)} [BL1004]");
            return development ? master : latest;
        }

        private string NewAlias(string alias) =>
            planner.Rename(alias) is var renamed && renamed != alias ? renamed
            : _meta?.Name?.Text == alias && _metaName is not null ? _metaName
            : alias;

        private string NewTag(Located<string> tag, TagChannel? channel)
        {
            var renamed = planner.Rename(text.Slice(tag.Span));
            return channel switch
            {
                TagChannel.Latest => "latest" + renamed["master".Length..],
                TagChannel.Master => "master" + renamed["latest".Length..],
                _ => renamed,
            };
        }

        /// <summary>A line <c>key: "value"</c> written like the line of <paramref name="like"/> (its indentation and quoting).</summary>
        private string KeyLine(GalleryValue like, string key, string value)
        {
            var line = TextBlock.Line(text, like.Span.StartLine);
            var prefix = line[..Math.Min(line.Length, like.Span.StartColumn - 1)];
            var at = prefix.IndexOf("name", StringComparison.Ordinal);
            var quote = prefix.Length > 0 && prefix[^1] is '"' or '\'' ? prefix[^1].ToString() : "";
            var head = at >= 0 && like.Span.IsSingleLine ? new string(' ', at) + key + prefix[(at + "name".Length)..] : $"  {key}: {quote}";
            return head + value + quote + TextBlock.NewLine(text);
        }
    }
}
