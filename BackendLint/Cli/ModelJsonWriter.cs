using System.Text.Encodings.Web;
using System.Text.Json;
using BackendLint.Model;
using BackendLint.Text;

namespace BackendLint.Cli;

/// <summary>
/// Writes what BackendLint understood, grouped by backend, with the span of every piece
/// (<c>file:line:col-line:col</c>). Keys are written in a fixed order so the output diffs cleanly.
/// </summary>
public static class ModelJsonWriter
{
    public static void Write(Stream stream, BackendModel model, string? backend)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var backends = backend is null ? model.Backends : model.Backends.Where(b => b.Name == backend).ToList();

        w.WriteStartObject();
        w.WriteStartObject("sources");
        w.WriteStartArray("matrix");
        foreach (var file in model.Matrix.Files)
            w.WriteStringValue(file);
        w.WriteEndArray();
        w.WriteString("gallery", model.Gallery.File);
        w.WriteString("makefile", model.Makefile.File);
        w.WriteEndObject();

        w.WriteStartObject("counts");
        w.WriteNumber("backends", model.Backends.Count);
        w.WriteNumber("definitions", model.Makefile.Definitions.Count);
        w.WriteNumber("matrixEntries", model.Matrix.Entries.Count);
        w.WriteNumber("otherSuffixSources", model.Matrix.OtherSuffixes.Count);
        w.WriteNumber("galleryImages", model.Gallery.Images.Count());
        w.WriteNumber("galleryMetas", model.Gallery.Metas.Count());
        w.WriteEndObject();

        w.WriteStartArray("otherSuffixSources");
        foreach (var suffix in model.Matrix.OtherSuffixes)
        {
            w.WriteStartObject();
            w.WriteString("origin", suffix.Origin);
            Value(w, "suffix", suffix.Suffix);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("backends");
        foreach (var b in backends)
            WriteBackend(w, b);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteBackend(Utf8JsonWriter w, Backend b)
    {
        w.WriteStartObject();
        w.WriteString("name", b.Name);

        w.WriteStartObject("makefile");
        w.WriteStartArray("definitions");
        foreach (var d in b.Definitions)
        {
            w.WriteStartObject();
            Value(w, "variable", d.Variable);
            w.WriteString("operator", d.Operator);
            Value(w, "name", d.Name);
            Value(w, "dockerfileType", d.DockerfileType);
            Value(w, "context", d.Context);
            Value(w, "progress", d.Progress);
            Value(w, "needsBackendArg", d.NeedsBackendArg);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Spans(w, "evals", b.Evals.Select(e => e.Variable.Span));
        Spans(w, "notParallel", b.NotParallel.Select(x => x.Span));
        Spans(w, "dockerBuildBackends", b.DockerBuildBackends.Select(x => x.Span));
        Spans(w, "targets", b.Targets.Select(x => x.Span));
        Steps(w, "prepareTestExtra", b.PrepareTestExtra);
        Steps(w, "testExtra", b.TestExtra);
        w.WriteEndObject();

        w.WriteStartArray("matrix");
        foreach (var entry in b.MatrixEntries)
        {
            w.WriteStartObject();
            w.WriteString("list", entry.List);
            w.WriteString("span", Format(entry.Span));
            w.WriteStartObject("fields");
            foreach (var field in entry.Fields)
                Value(w, field.Key.Value, field.Value);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartObject("gallery");
        Entries(w, "metas", b.Metas);
        Entries(w, "images", b.Images);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Entries(Utf8JsonWriter w, string name, List<GalleryEntry> entries)
    {
        w.WriteStartArray(name);
        foreach (var e in entries)
        {
            w.WriteStartObject();
            w.WriteString("span", Format(e.Span));
            if (e.Anchor is not null)
                w.WriteString("anchor", e.Anchor);
            w.WriteStartArray("merges");
            foreach (var merge in e.Merges)
                w.WriteStringValue(Format(merge.Span));
            w.WriteEndArray();
            GalleryValue(w, "name", e.Name);
            GalleryValue(w, "alias", e.Alias);
            GalleryValue(w, "uri", e.Uri);
            if (e.Image is { } image)
            {
                w.WriteStartObject("image");
                w.WriteString("repository", image.Repository);
                if (image.Tag is { } tag)
                    Value(w, "tag", tag);
                w.WriteString("channel", image.Channel.ToString().ToLowerInvariant());
                if (image.TagSuffix is { } suffix)
                    Value(w, "tagSuffix", suffix);
                w.WriteEndObject();
            }

            w.WriteStartArray("mirrors");
            foreach (var mirror in e.Mirrors)
                GalleryValueItem(w, mirror.Value);
            w.WriteEndArray();
            w.WriteStartArray("capabilities");
            foreach (var c in e.Capabilities)
            {
                w.WriteStartObject();
                Value(w, "key", c.Key);
                Value(w, "value", c.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (e.CapabilitiesMergedAt is { } mergedAt)
                w.WriteString("capabilitiesMergedAt", Format(mergedAt));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Steps(Utf8JsonWriter w, string name, List<MakeBackendStep> steps)
    {
        w.WriteStartArray(name);
        foreach (var s in steps)
        {
            w.WriteStartObject();
            Value(w, "directory", s.Directory);
            if (s.Target is { } target)
                Value(w, "target", target);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void GalleryValue(Utf8JsonWriter w, string name, GalleryValue? value)
    {
        if (value is not { } v)
            return;
        w.WritePropertyName(name);
        GalleryValueItem(w, v);
    }

    private static void GalleryValueItem(Utf8JsonWriter w, GalleryValue value)
    {
        w.WriteStartObject();
        w.WriteString("value", value.Text);
        w.WriteString("span", Format(value.Span));
        if (value.MergedAt is { } at)
            w.WriteString("mergedAt", Format(at));
        w.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter w, string name, Located<string> value)
    {
        w.WriteStartObject(name);
        w.WriteString("value", value.Value);
        w.WriteString("span", Format(value.Span));
        w.WriteEndObject();
    }

    private static void Spans(Utf8JsonWriter w, string name, IEnumerable<SourceSpan> spans)
    {
        w.WriteStartArray(name);
        foreach (var span in spans)
            w.WriteStringValue(Format(span));
        w.WriteEndArray();
    }

    private static string Format(SourceSpan span) => span.ToString();
}
