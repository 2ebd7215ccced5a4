using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.CodeAnalysis.Sarif;

namespace BackendLint.Reporting;

/// <summary>
/// Writes a Sarif.Sdk <see cref="SarifLog"/> as JSON without reflection: the objects and properties
/// <see cref="SarifReporter"/> sets, in the order and layout Sarif.Sdk's own Newtonsoft serialization
/// writes them. Newtonsoft builds its contracts by reflection, which costs tens of milliseconds per
/// run in a Native AOT binary; this writes the same bytes in well under one. SarifJsonWriterTests
/// prove the two outputs identical on every fixture, so a property added to the log but not here fails a test.
/// </summary>
public static class SarifJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(SarifLog log)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("$schema", log.SchemaUri.OriginalString);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            foreach (var run in log.Runs)
                Run(w, run);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static void Run(Utf8JsonWriter w, Run run)
    {
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        var driver = run.Tool.Driver;
        w.WriteString("name", driver.Name);
        w.WriteString("version", driver.Version);
        w.WriteString("semanticVersion", driver.SemanticVersion);
        w.WriteString("informationUri", driver.InformationUri.OriginalString);
        w.WriteStartArray("rules");
        foreach (var rule in driver.Rules)
            Rule(w, rule);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("invocations");
        foreach (var invocation in run.Invocations)
        {
            w.WriteStartObject();
            if (invocation.ToolExecutionNotifications is { Count: > 0 } notifications)
            {
                w.WriteStartArray("toolExecutionNotifications");
                foreach (var n in notifications)
                {
                    w.WriteStartObject();
                    if (n.Locations is { Count: > 0 })
                        Locations(w, "locations", n.Locations);
                    Message(w, "message", n.Message);
                    // Like Sarif.Sdk, the default level of a notification is left out (results always carry theirs).
                    if (n.Level != FailureLevel.Warning)
                        w.WriteString("level", Level(n.Level));
                    if (n.AssociatedRule is { } rule)
                    {
                        w.WriteStartObject("associatedRule");
                        w.WriteString("id", rule.Id);
                        w.WriteNumber("index", rule.Index);
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteBoolean("executionSuccessful", invocation.ExecutionSuccessful);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartObject("originalUriBaseIds");
        foreach (var (id, location) in run.OriginalUriBaseIds)
        {
            w.WriteStartObject(id);
            Message(w, "description", location.Description);
            w.WriteEndObject();
        }

        w.WriteEndObject();

        w.WriteStartArray("artifacts");
        foreach (var artifact in run.Artifacts)
        {
            w.WriteStartObject();
            ArtifactLocation(w, "location", artifact.Location);
            w.WriteStartArray("roles");
            w.WriteStringValue("analysisTarget");
            w.WriteEndArray();
            w.WriteString("sourceLanguage", artifact.SourceLanguage);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("results");
        foreach (var result in run.Results)
            Result(w, result);
        w.WriteEndArray();

        w.WriteStartObject("automationDetails");
        w.WriteString("id", run.AutomationDetails.Id);
        w.WriteEndObject();
        w.WriteString("columnKind", "utf16CodeUnits");
        w.WriteEndObject();
    }

    private static void Rule(Utf8JsonWriter w, ReportingDescriptor rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("name", rule.Name);
        w.WriteStartObject("fullDescription");
        w.WriteString("text", rule.FullDescription.Text);
        w.WriteEndObject();
        w.WriteStartObject("help");
        w.WriteString("text", rule.Help.Text);
        w.WriteString("markdown", rule.Help.Markdown);
        w.WriteEndObject();
        w.WriteStartObject("shortDescription");
        w.WriteString("text", rule.ShortDescription.Text);
        w.WriteEndObject();
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(rule.DefaultConfiguration.Level));
        w.WriteEndObject();
        w.WriteString("helpUri", rule.HelpUri.OriginalString);
        w.WriteStartObject("properties");
        foreach (var name in rule.PropertyNames)
        {
            // Newtonsoft writes a property bag's serialized values as they are, unindented.
            w.WritePropertyName(name);
            w.WriteRawValue(rule.GetSerializedPropertyValue(name), skipInputValidation: true);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Result(Utf8JsonWriter w, Result result)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", result.RuleId);
        w.WriteNumber("ruleIndex", result.RuleIndex);
        w.WriteString("level", Level(result.Level));
        Message(w, "message", result.Message);
        Locations(w, "locations", result.Locations);
        w.WriteStartObject("partialFingerprints");
        foreach (var (key, value) in result.PartialFingerprints)
            w.WriteString(key, value);
        w.WriteEndObject();
        // Sarif.Sdk writes an empty relatedLocations list, and leaves out an empty notifications list.
        if (result.RelatedLocations is not null)
            Locations(w, "relatedLocations", result.RelatedLocations);
        if (result.Suppressions is { Count: > 0 } suppressions)
        {
            w.WriteStartArray("suppressions");
            foreach (var suppression in suppressions)
            {
                w.WriteStartObject();
                w.WriteString("kind", suppression.Kind == SuppressionKind.InSource ? "inSource" : "external");
                w.WriteString("status", "accepted");
                w.WriteString("justification", suppression.Justification);
                Locations(w, "location", [suppression.Location], array: false);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (result.BaselineState != BaselineState.None)
            w.WriteString("baselineState", result.BaselineState == BaselineState.New ? "new" : "unchanged");
        if (result.Fixes is { Count: > 0 } fixes)
        {
            w.WriteStartArray("fixes");
            foreach (var fix in fixes)
                Fix(w, fix);
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void Fix(Utf8JsonWriter w, Fix fix)
    {
        w.WriteStartObject();
        Message(w, "description", fix.Description);
        w.WriteStartArray("artifactChanges");
        foreach (var change in fix.ArtifactChanges)
        {
            w.WriteStartObject();
            ArtifactLocation(w, "artifactLocation", change.ArtifactLocation);
            w.WriteStartArray("replacements");
            foreach (var replacement in change.Replacements)
            {
                w.WriteStartObject();
                Region(w, "deletedRegion", replacement.DeletedRegion);
                if (replacement.InsertedContent is { } inserted)
                {
                    w.WriteStartObject("insertedContent");
                    w.WriteString("text", inserted.Text);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Locations(Utf8JsonWriter w, string name, IList<Location> locations, bool array = true)
    {
        if (array)
            w.WriteStartArray(name);
        foreach (var location in locations)
        {
            if (array)
                w.WriteStartObject();
            else
                w.WriteStartObject(name);
            if (location.Id >= 0)
                w.WriteNumber("id", (long)location.Id);
            w.WriteStartObject("physicalLocation");
            ArtifactLocation(w, "artifactLocation", location.PhysicalLocation.ArtifactLocation);
            Region(w, "region", location.PhysicalLocation.Region);
            w.WriteEndObject();
            if (location.Message is not null)
                Message(w, "message", location.Message);
            w.WriteEndObject();
        }

        if (array)
            w.WriteEndArray();
    }

    private static void Region(Utf8JsonWriter w, string name, Region region)
    {
        w.WriteStartObject(name);
        w.WriteNumber("startLine", region.StartLine);
        w.WriteNumber("startColumn", region.StartColumn);
        w.WriteNumber("endLine", region.EndLine);
        w.WriteNumber("endColumn", region.EndColumn);
        w.WriteEndObject();
    }

    private static void ArtifactLocation(Utf8JsonWriter w, string name, ArtifactLocation location)
    {
        w.WriteStartObject(name);
        w.WriteString("uri", location.Uri.OriginalString);
        w.WriteString("uriBaseId", location.UriBaseId);
        w.WriteNumber("index", location.Index);
        w.WriteEndObject();
    }

    private static void Message(Utf8JsonWriter w, string name, Message message)
    {
        w.WriteStartObject(name);
        w.WriteString("text", message.Text);
        w.WriteEndObject();
    }

    private static string Level(FailureLevel level) => level switch
    {
        FailureLevel.Error => "error",
        FailureLevel.Warning => "warning",
        FailureLevel.Note => "note",
        _ => "none",
    };
}
