using System.Reflection;

namespace BackendLint;

/// <summary>Name, version and home of the tool, written into every report.</summary>
public static class ProductInfo
{
    public const string Name = "BackendLint";

    public const string InformationUri = "https://github.com/backendlint/backendlint";

    /// <summary>The package version (Directory.Build.props), without build metadata.</summary>
    public static string Version { get; } =
        (typeof(ProductInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
