namespace BackendLint.Model;

/// <summary>The hardware family a backend image is built for.</summary>
public enum PlatformKind
{
    /// <summary>A tag that names no platform LocalAI's builds use (<c>-piper</c>, a pinned version).</summary>
    Unknown,

    /// <summary><c>-cpu-…</c>.</summary>
    Cpu,

    /// <summary><c>-gpu-nvidia-cuda-12-…</c>, <c>-cublas-cuda12-…</c>.</summary>
    Cuda,

    /// <summary>NVIDIA Jetson: <c>-nvidia-l4t-…</c>, <c>-nvidia-l4t-cuda-13-…</c>, <c>-gpu-nvidia-l4t-…</c>.</summary>
    L4T,

    /// <summary><c>-gpu-rocm-hipblas-…</c>.</summary>
    Rocm,

    /// <summary><c>-gpu-intel-…</c> (SYCL / oneAPI).</summary>
    Sycl,

    /// <summary><c>-gpu-vulkan-…</c>: runs on any GPU vendor, but not on macOS.</summary>
    Vulkan,

    /// <summary><c>-metal-darwin-arm64-…</c>: Apple silicon.</summary>
    Metal,

    /// <summary><c>-darwin-x86-…</c>: Intel Macs.</summary>
    DarwinX86,
}

/// <summary>
/// What hardware an image's tag says it runs on, with the CUDA major version when the tag names
/// one: a capability that installs an image built for other hardware installs a backend that cannot
/// use the machine's GPU, or cannot start at all.
/// </summary>
public readonly record struct ImagePlatform(PlatformKind Kind, int? CudaMajor)
{
    public static ImagePlatform Unknown { get; } = new(PlatformKind.Unknown, null);

    /// <summary>
    /// The platform of a tag suffix (<c>-gpu-nvidia-cuda-13-vllm</c>), from the prefixes LocalAI's
    /// build matrix writes. Jetson images without a CUDA version are the CUDA 12 (JetPack 6) ones.
    /// </summary>
    public static ImagePlatform Of(string tagSuffix)
    {
        var s = tagSuffix.AsSpan();
        if (s.StartsWith("-cpu-"))
            return new(PlatformKind.Cpu, null);
        if (Versioned(s, "-gpu-nvidia-cuda-", out var cuda) || Versioned(s, "-cublas-cuda", out cuda))
            return new(PlatformKind.Cuda, cuda);
        if (Versioned(s, "-nvidia-l4t-cuda-", out var l4t) || Versioned(s, "-gpu-nvidia-l4t-cuda-", out l4t))
            return new(PlatformKind.L4T, l4t);
        if (s.StartsWith("-nvidia-l4t-") || s.StartsWith("-gpu-nvidia-l4t-"))
            return new(PlatformKind.L4T, 12);
        if (s.StartsWith("-gpu-rocm-hipblas-") || s.StartsWith("-gpu-hipblas-"))
            return new(PlatformKind.Rocm, null);
        if (s.StartsWith("-gpu-intel-"))
            return new(PlatformKind.Sycl, null);
        if (s.StartsWith("-gpu-vulkan-"))
            return new(PlatformKind.Vulkan, null);
        if (s.StartsWith("-metal-darwin-arm64-"))
            return new(PlatformKind.Metal, null);
        if (s.StartsWith("-darwin-x86-"))
            return new(PlatformKind.DarwinX86, null);
        return Unknown;
    }

    /// <summary>The platform of an image: unknown unless its tag is a <c>latest</c>/<c>master</c> tag on the backends repositories.</summary>
    public static ImagePlatform Of(ImageReference image) =>
        image is { IsBuiltByMatrix: true, TagSuffix: { } suffix } ? Of(suffix.Value) : Unknown;

    /// <summary>
    /// Whether a capability key (the hardware LocalAI detected) may install this image; null when
    /// the key or the platform is not one this knows, so nothing can be said.
    /// </summary>
    public bool? AcceptedBy(string key)
    {
        if (Kind == PlatformKind.Unknown)
            return null;
        if (key == "default")
            return true;

        // The hardware a key names, and the CUDA major version it requires (nvidia-cuda-13, nvidia-l4t-cuda-13).
        PlatformKind[] accepted;
        int? cuda = null;
        var gpu = true;
        if (key.StartsWith("nvidia-l4t", StringComparison.Ordinal))
        {
            accepted = [PlatformKind.L4T];
            cuda = VersionAfter(key, "nvidia-l4t-cuda-");
        }
        else if (key.StartsWith("nvidia", StringComparison.Ordinal))
        {
            accepted = [PlatformKind.Cuda, PlatformKind.L4T];
            cuda = VersionAfter(key, "nvidia-cuda-");
        }
        else if (key.StartsWith("amd", StringComparison.Ordinal))
            accepted = [PlatformKind.Rocm];
        else if (key.StartsWith("intel", StringComparison.Ordinal))
            accepted = [PlatformKind.Sycl];
        else if (key == "vulkan")
            accepted = [PlatformKind.Vulkan];
        else if (key.StartsWith("metal", StringComparison.Ordinal))
            (accepted, gpu) = ([PlatformKind.Metal], false);
        else if (key == "darwin-x86")
            (accepted, gpu) = ([PlatformKind.DarwinX86], false);
        else
            return null;

        // Vulkan runs on any vendor's GPU driver, and macOS has none.
        if (Kind == PlatformKind.Vulkan)
            return gpu;
        return accepted.Contains(Kind) && (cuda is null || CudaMajor is null || cuda == CudaMajor);
    }

    /// <summary>The platform in words, for messages: "a CUDA 13 image", "a Metal (Apple silicon) image".</summary>
    public string Describe() => Kind switch
    {
        PlatformKind.Cpu => "a CPU image",
        PlatformKind.Cuda => CudaMajor is { } v ? $"a CUDA {v} image" : "a CUDA image",
        PlatformKind.L4T => CudaMajor is { } v ? $"an NVIDIA Jetson (L4T) CUDA {v} image" : "an NVIDIA Jetson (L4T) image",
        PlatformKind.Rocm => "a ROCm (AMD) image",
        PlatformKind.Sycl => "a SYCL (Intel) image",
        PlatformKind.Vulkan => "a Vulkan image",
        PlatformKind.Metal => "a Metal (Apple silicon) image",
        PlatformKind.DarwinX86 => "a macOS x86 image",
        _ => "an image for unknown hardware",
    };

    // "-gpu-nvidia-cuda-12-…" with prefix "-gpu-nvidia-cuda-": 12. The digits must be followed by '-'.
    private static bool Versioned(ReadOnlySpan<char> suffix, string prefix, out int version)
    {
        version = 0;
        if (!suffix.StartsWith(prefix))
            return false;
        var rest = suffix[prefix.Length..];
        var end = rest.IndexOf('-');
        return end > 0 && int.TryParse(rest[..end], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out version);
    }

    private static int? VersionAfter(string key, string prefix) =>
        key.StartsWith(prefix, StringComparison.Ordinal)
        && int.TryParse(key.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : null;
}
