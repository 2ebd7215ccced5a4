using System.Text.Json;
using Json.Schema;

namespace BackendLint.Tests.Support;

/// <summary>The SARIF 2.1.0 schema from the Sarif.Sdk package, with format validation on.</summary>
public static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Schemata", "sarif-2.1.0.json")));

    /// <summary>The schema errors of a SARIF document; empty when it is valid.</summary>
    public static List<string> Errors(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
        });
        if (result.IsValid)
            return [];
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["the document does not validate against the SARIF 2.1.0 schema"];
    }
}
