using System.Reflection;

namespace BackendLint;

/// <summary>Name, version and home of the tool, written into every report.</summary>
public static class ProductInfo
{
    public const string Name = "BackendLint";

    /// <summary>The project's home, <c>RepositoryUrl</c> of the build (Directory.Build.props), without a trailing slash.</summary>
    public static string InformationUri { get; } =
        typeof(ProductInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryUrl").Value!.TrimEnd('/');

    /// <summary>The package version (Directory.Build.props), without build metadata.</summary>
    public static string Version { get; } =
        (typeof(ProductInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
