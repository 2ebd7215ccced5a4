using BackendLint.Text;
using YamlDotNet.Core;

namespace BackendLint.Parsing.Yaml;

/// <summary>
/// A node of one YAML document with the span it was written at. Unlike YamlDotNet's representation
/// model, an alias stays visible as <see cref="YamlAlias"/> so a merge can remember its <c>&lt;&lt;</c> site.
/// </summary>
public abstract class YamlNode(SourceSpan span, string? anchor, string? tag)
{
    public SourceSpan Span { get; } = span;

    public string? Anchor { get; } = anchor;

    public string? Tag { get; } = tag;

    /// <summary>The node itself, or for an alias the anchored node it names.</summary>
    public virtual YamlNode Resolve() => this;
}

public sealed class YamlScalar(SourceSpan span, SourceSpan valueSpan, string? anchor, string? tag, string value, ScalarStyle style, int startIndex, int endIndex)
    : YamlNode(span, anchor, tag)
{
    public string Value { get; } = value;

    /// <summary>The value without its quotes when it is written on one line without escapes; else the whole token.</summary>
    public SourceSpan ValueSpan { get; } = valueSpan;

    public ScalarStyle Style { get; } = style;

    /// <summary>Character offsets of the token in the decoded file, for spans inside the scalar.</summary>
    public int StartIndex { get; } = startIndex;

    public int EndIndex { get; } = endIndex;

    /// <summary>The value with its span.</summary>
    public Located<string> Located => new(Value, ValueSpan);

    /// <summary>An empty value: nothing or <c>""</c> written, or <c>~</c> or <c>null</c> as YAML's core schema reads them.</summary>
    public bool IsNull => Value.Length == 0 || (Style == ScalarStyle.Plain && Value is "~" or "null" or "Null" or "NULL");

    public bool IsMergeKey => Value == "<<" && Style == ScalarStyle.Plain && (Tag is null or "tag:yaml.org,2002:merge");
}

public sealed class YamlSequence(SourceSpan span, string? anchor, string? tag, IReadOnlyList<YamlNode> items)
    : YamlNode(span, anchor, tag)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;
}

/// <summary>A key and its value.</summary>
public readonly record struct YamlPair(YamlNode Key, YamlNode Value)
{
    /// <summary>The key as text when it is a scalar (every key LocalAI writes is one).</summary>
    public YamlScalar? KeyScalar => Key.Resolve() as YamlScalar;
}

public sealed class YamlMapping(SourceSpan span, string? anchor, string? tag, IReadOnlyList<YamlPair> pairs)
    : YamlNode(span, anchor, tag)
{
    public IReadOnlyList<YamlPair> Pairs { get; } = pairs;

    /// <summary>The value of the first pair whose scalar key is <paramref name="key"/>, aliases resolved.</summary>
    public YamlNode? Get(string key)
    {
        foreach (var pair in Pairs)
        {
            if (pair.KeyScalar is { } k && k.Value == key && !k.IsMergeKey)
                return pair.Value.Resolve();
        }

        return null;
    }
}

/// <summary>A use of <c>*name</c>: its own span is the alias site, <see cref="Target"/> the anchored node.</summary>
public sealed class YamlAlias(SourceSpan span, string name, YamlNode target) : YamlNode(span, null, null)
{
    public string Name { get; } = name;

    public YamlNode Target { get; } = target;

    public override YamlNode Resolve() => Target;
}
