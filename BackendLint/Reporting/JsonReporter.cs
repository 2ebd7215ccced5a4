using System.Text.Encodings.Web;
using System.Text.Json;
using BackendLint.Findings;
using BackendLint.Text;

namespace BackendLint.Reporting;

/// <summary>
/// A stable JSON shape for scripts (documented in docs/json-format.md): <c>version</c>, <c>tool</c>,
/// <c>findings</c> (rule, level, message, backend, location, related, fix), <c>summary</c>, and what could
/// not be checked: <c>inputErrors</c> and <c>notRun</c>.
/// </summary>
public static class JsonReporter
{
    public const int FormatVersion = 1;

    public static void Write(Stream stream, IReadOnlyList<Finding> findings, IReadOnlyList<InputError>? errors = null, IReadOnlyList<RuleNotRun>? notRun = null, IReadOnlyList<RuleLeftOut>? leftOut = null,
        IReadOnlyList<(string Rule, string? Backend, string Message, string Fingerprint)>? absent = null, int? checkedBackends = null)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteNumber("version", FormatVersion);
        w.WriteStartObject("tool");
        w.WriteString("name", ProductInfo.Name);
        w.WriteString("version", ProductInfo.Version);
        w.WriteEndObject();

        w.WriteStartArray("findings");
        foreach (var f in findings)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", f.Rule.Id);
            w.WriteString("ruleName", f.Rule.Name);
            w.WriteString("level", f.Level.Name());
            w.WriteString("message", f.PlainMessage);
            if (f.Backend is null)
                w.WriteNull("backend");
            else
                w.WriteString("backend", f.Backend);
            Location(w, "location", f.Span);
            w.WriteStartArray("related");
            foreach (var r in f.Related)
            {
                w.WriteStartObject();
                w.WriteString("message", r.Message);
                Location(w, "location", r.Span);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("fingerprint", f.Fingerprint);
            if (f.Suppression is { } suppression)
            {
                w.WriteStartObject("suppression");
                w.WriteString("kind", suppression.Kind == SuppressionKind.InSource ? "inSource" : "external");
                w.WriteString("reason", suppression.Justification);
                Location(w, "location", suppression.Where);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("suppression");
            }

            if (f.Baseline == BaselineState.None)
                w.WriteNull("baselineState");
            else
                w.WriteString("baselineState", f.Baseline == BaselineState.New ? "new" : "unchanged");
            if (f.Fix is { } fix)
            {
                // Each edit in the coordinates of the locations, over the text as read: 'backendlint fix' applies them.
                w.WriteStartObject("fix");
                w.WriteString("description", Finding.Plain(fix.Description));
                w.WriteStartArray("edits");
                foreach (var edit in fix.Edits)
                {
                    w.WriteStartObject();
                    Position(w, edit.Span);
                    w.WriteString("text", edit.NewText);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("fix");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        // The summary counts what counts: neither suppressed nor already known.
        var active = findings.Where(f => f.IsActive).ToList();
        w.WriteStartObject("summary");
        w.WriteNumber("errors", active.Count(f => f.Level == Severity.Error));
        w.WriteNumber("warnings", active.Count(f => f.Level == Severity.Warning));
        w.WriteNumber("notes", active.Count(f => f.Level == Severity.Note));
        w.WriteNumber("backends", active.Where(f => f.Backend is not null).Select(f => f.Backend).Distinct(StringComparer.Ordinal).Count());
        if (checkedBackends is { } total)
            w.WriteNumber("backendsChecked", total);
        w.WriteNumber("suppressed", findings.Count(f => f.Suppression is not null));
        w.WriteNumber("unchanged", findings.Count(f => f.Suppression is null && f.Baseline == BaselineState.Unchanged));
        w.WriteEndObject();

        w.WriteStartArray("inputErrors");
        foreach (var e in errors ?? [])
        {
            w.WriteStartObject();
            w.WriteString("message", e.Problem);
            Location(w, "location", e.Span);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("notRun");
        foreach (var n in notRun ?? [])
        {
            w.WriteStartObject();
            w.WriteString("ruleId", n.Rule.Id);
            w.WriteString("reason", n.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("leftOut");
        foreach (var l in leftOut ?? [])
        {
            w.WriteStartObject();
            w.WriteString("ruleId", l.Rule.Id);
            w.WriteNumber("count", l.Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("baselineAbsent");
        foreach (var (rule, backend, message, fingerprint) in absent ?? [])
        {
            w.WriteStartObject();
            w.WriteString("ruleId", rule);
            if (backend is null)
                w.WriteNull("backend");
            else
                w.WriteString("backend", backend);
            w.WriteString("message", message);
            w.WriteString("fingerprint", fingerprint);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static void Location(Utf8JsonWriter w, string name, SourceSpan span)
    {
        w.WriteStartObject(name);
        Position(w, span);
        w.WriteEndObject();
    }

    private static void Position(Utf8JsonWriter w, SourceSpan span)
    {
        w.WriteString("file", span.File);
        w.WriteNumber("startLine", span.StartLine);
        w.WriteNumber("startColumn", span.StartColumn);
        w.WriteNumber("endLine", span.EndLine);
        w.WriteNumber("endColumn", span.EndColumn);
    }
}
