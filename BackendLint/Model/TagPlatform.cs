namespace BackendLint.Model;

/// <summary>
/// What a tag suffix says about the platform an image runs on, read from its dash-separated words
/// (<c>-nvidia-l4t-cuda-13-arm64-llama-cpp</c>): users pick an image by its tag, so an image that
/// does not run where its tag says cannot be installed there.
/// </summary>
public readonly record struct TagPlatform(bool NamesArm64, bool NamesL4T, bool NamesCuda13)
{
    public const string Arm64Platform = "linux/arm64";

    /// <summary>An image for arm64 boards: the suffix names <c>arm64</c> or NVIDIA's <c>l4t</c> (Jetson, arm64 only).</summary>
    public bool IsArm64Only => NamesArm64 || NamesL4T;

    public static TagPlatform Of(string suffix)
    {
        bool arm64 = false, l4t = false, cuda13 = false;
        var words = suffix.Split('-', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            arm64 |= words[i] == "arm64";
            l4t |= words[i] == "l4t";
            // '-cuda-13-' as LocalAI writes it; '-cuda13-' is not a spelling it uses.
            cuda13 |= words[i] == "cuda" && i + 1 < words.Length && words[i + 1] == "13";
        }

        return new TagPlatform(arm64, l4t, cuda13);
    }
}
