using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BackendLint.Findings;
using BackendLint.Text;

namespace BackendLint.Adoption;

/// <summary>One accepted finding of a baseline: its fingerprint, and for a reviewer its rule, backend and message.</summary>
public sealed record BaselineEntry(string Fingerprint, string Rule, string? Backend, string Message);

/// <summary>
/// <c>.backendlint-baseline.json</c>: the findings a repository had when it adopted BackendLint.
/// Written sorted (rule, backend, message, fingerprint) without lines or dates, so its diff shows
/// only what was fixed or accepted. A fingerprint that occurs twice is listed twice.
/// </summary>
public static class Baseline
{
    public const string DefaultPath = ".backendlint-baseline.json";
    public const int FormatVersion = 1;

    public static string Write(IEnumerable<Finding> findings)
    {
        var entries = findings.Select(f => new BaselineEntry(f.Fingerprint, f.Rule.Id, f.Backend, f.PlainMessage))
            .OrderBy(e => e.Rule, StringComparer.Ordinal)
            .ThenBy(e => e.Backend ?? "", StringComparer.Ordinal)
            .ThenBy(e => e.Message, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", FormatVersion);
            w.WriteString("tool", ProductInfo.Name);
            w.WriteStartArray("findings");
            foreach (var e in entries)
            {
                w.WriteStartObject();
                w.WriteString("fingerprint", e.Fingerprint);
                w.WriteString("rule", e.Rule);
                if (e.Backend is null)
                    w.WriteNull("backend");
                else
                    w.WriteString("backend", e.Backend);
                w.WriteString("message", e.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Reads a baseline; anything but the documented shape is an <see cref="InputError"/> at its line.</summary>
    public static IReadOnlyList<BaselineEntry> Read(SourceText source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(source.Text, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            throw new InputError(new SourceSpan(source.Path, line, column, line, column), $"not a BackendLint baseline: {FirstSentence(e.Message)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number)
                throw InputError.AtFile(source.Path, "not a BackendLint baseline: expected an object with 'version' and 'findings'");
            if (!version.TryGetInt32(out var number) || number != FormatVersion)
                throw InputError.AtFile(source.Path, $"baseline version {version.GetRawText()} is not supported; this BackendLint reads version {FormatVersion}: write it again with 'backendlint baseline'");
            if (!root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
                throw InputError.AtFile(source.Path, "not a BackendLint baseline: 'findings' must be a list");

            var entries = new List<BaselineEntry>();
            var index = 0;
            foreach (var item in findings.EnumerateArray())
            {
                index++;
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("fingerprint", out var fingerprint) || fingerprint.ValueKind != JsonValueKind.String
                    || fingerprint.GetString() is not { Length: 32 } print || !print.All(char.IsAsciiHexDigitLower))
                {
                    throw InputError.AtFile(source.Path, $"finding {index} of the baseline has no valid 'fingerprint' (32 lowercase hex digits)");
                }

                entries.Add(new BaselineEntry(print, Text(item, "rule") ?? "", Text(item, "backend"), Text(item, "message") ?? ""));
            }

            return entries;
        }
    }

    /// <summary>
    /// Marks each finding <see cref="BaselineState.Unchanged"/> when the known fingerprints still hold
    /// one of its kind, in report order, and <see cref="BaselineState.New"/> otherwise. Returns the
    /// known entries no finding used: fixed since.
    /// </summary>
    public static (List<Finding> Findings, List<BaselineEntry> Absent) Compare(IReadOnlyList<Finding> findings, IEnumerable<BaselineEntry> known)
    {
        var remaining = new Dictionary<string, Queue<BaselineEntry>>(StringComparer.Ordinal);
        foreach (var entry in known)
        {
            if (!remaining.TryGetValue(entry.Fingerprint, out var queue))
                remaining[entry.Fingerprint] = queue = new Queue<BaselineEntry>();
            queue.Enqueue(entry);
        }

        var marked = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            var isKnown = remaining.TryGetValue(finding.Fingerprint, out var queue) && queue.TryDequeue(out _);
            marked.Add(finding with { Baseline = isKnown ? BaselineState.Unchanged : BaselineState.New });
        }

        var absent = remaining.Values.SelectMany(q => q).ToList();
        return (marked, absent);
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }
}
