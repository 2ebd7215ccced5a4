using BackendLint.Text;

namespace BackendLint.Parsing.Yaml;

/// <summary>The first document of a YAML file: its root node (null for an empty file) and every comment of the file.</summary>
public sealed record YamlDocument(SourceText Source, YamlNode? Root, IReadOnlyList<Comment> Comments);
