using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BackendLint.Findings;

namespace BackendLint.Reporting;

/// <summary>The rule catalog as text, JSON, or the Markdown table the README carries.</summary>
public static class RulesReporter
{
    public static string Text(IReadOnlyList<Rule> rules)
    {
        var builder = new StringBuilder();
        foreach (var d in rules)
        {
            builder.Append($"{d.Id}  {d.DefaultLevel.Name(),-7}  {d.Name}: {d.ShortDescription}\n");
        }

        return builder.ToString();
    }

    public static string Markdown(IReadOnlyList<Rule> rules)
    {
        var builder = new StringBuilder();
        builder.Append("| Rule | Name | Level | File to fix | What it checks |\n|---|---|---|---|---|\n");
        foreach (var d in rules)
        {
            builder.Append($"| [{d.Id}](docs/rules/{d.Id}.md) | {d.Name} | {d.DefaultLevel.Name()} | {d.Area} | {Escape(d.ShortDescription)} |\n");
        }

        return builder.ToString();
    }

    private static string Escape(string text) =>
        text.Replace("<", "&lt;").Replace(">", "&gt;").Replace("*", "\\*").Replace("|", "\\|");

    public static void WriteJson(Stream stream, IReadOnlyList<Rule> rules)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartArray();
        foreach (var d in rules)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id);
            w.WriteString("name", d.Name);
            w.WriteString("level", d.DefaultLevel.Name());
            w.WriteString("area", d.Area);
            w.WriteString("shortDescription", d.ShortDescription);
            w.WriteString("fullDescription", d.FullDescription);
            w.WriteString("helpUri", d.HelpUri);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.Flush();
        stream.WriteByte((byte)'\n');
    }
}
