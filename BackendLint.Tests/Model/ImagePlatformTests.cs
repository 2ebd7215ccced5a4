using BackendLint.Model;

namespace BackendLint.Tests.Model;

/// <summary>The hardware an image tag says it is built for, from the suffixes LocalAI's build matrix writes, and which capability keys may install it.</summary>
public class ImagePlatformTests
{
    [TestCase("-cpu-llama-cpp", PlatformKind.Cpu, null)]
    [TestCase("-gpu-nvidia-cuda-12-vllm", PlatformKind.Cuda, 12)]
    [TestCase("-gpu-nvidia-cuda-13-llama-cpp", PlatformKind.Cuda, 13)]
    [TestCase("-gpu-nvidia-cuda-11-kokoro", PlatformKind.Cuda, 11)]
    [TestCase("-cublas-cuda12-trl", PlatformKind.Cuda, 12)]
    [TestCase("-nvidia-l4t-arm64-llama-cpp", PlatformKind.L4T, 12)]
    [TestCase("-nvidia-l4t-diffusers", PlatformKind.L4T, 12)]
    [TestCase("-gpu-nvidia-l4t-arm64-chatterbox", PlatformKind.L4T, 12)]
    [TestCase("-nvidia-l4t-cuda-12-arm64-vllm", PlatformKind.L4T, 12)]
    [TestCase("-nvidia-l4t-cuda-13-arm64-llama-cpp", PlatformKind.L4T, 13)]
    [TestCase("-gpu-rocm-hipblas-whisper", PlatformKind.Rocm, null)]
    [TestCase("-gpu-hipblas-whisper", PlatformKind.Rocm, null)]
    [TestCase("-gpu-intel-sycl-f16-llama-cpp", PlatformKind.Sycl, null)]
    [TestCase("-gpu-intel-diffusers", PlatformKind.Sycl, null)]
    [TestCase("-gpu-vulkan-whisper", PlatformKind.Vulkan, null)]
    [TestCase("-metal-darwin-arm64-mlx", PlatformKind.Metal, null)]
    [TestCase("-darwin-x86-llama-cpp", PlatformKind.DarwinX86, null)]
    [TestCase("-piper", PlatformKind.Unknown, null)]
    [TestCase("-kitten-tts", PlatformKind.Unknown, null)]
    [TestCase("", PlatformKind.Unknown, null)]
    [TestCase("-gpu-nvidia-cuda-x-vllm", PlatformKind.Unknown, null)]
    [TestCase("-gpu-nvidia-cuda-12", PlatformKind.Unknown, null)]
    [TestCase("-gpu-nvidia-cuda-99999999999-x", PlatformKind.Unknown, null)]
    [TestCase("-cpux-llama", PlatformKind.Unknown, null)]
    public void A_tag_suffix_names_its_platform(string suffix, PlatformKind kind, int? cuda)
    {
        ImagePlatform.Of(suffix).Should().Be(new ImagePlatform(kind, cuda));
    }

    [Test]
    public void Only_latest_and_master_tags_on_the_backends_repositories_have_a_platform()
    {
        ImagePlatform.Of(Image("quay.io/go-skynet/local-ai-backends:master-gpu-vulkan-x")).Kind.Should().Be(PlatformKind.Vulkan);
        ImagePlatform.Of(Image("localai/localai-backends:latest-gpu-vulkan-x")).Kind.Should().Be(PlatformKind.Vulkan);
        ImagePlatform.Of(Image("quay.io/go-skynet/local-ai-backends:v3.1.0-gpu-vulkan-x")).Should().Be(ImagePlatform.Unknown);
        ImagePlatform.Of(Image("quay.io/someone/else:latest-gpu-vulkan-x")).Should().Be(ImagePlatform.Unknown);
    }

    [TestCase("default", "-gpu-nvidia-cuda-12-x", true)]
    [TestCase("default", "-metal-darwin-arm64-x", true)]
    [TestCase("nvidia", "-gpu-nvidia-cuda-12-x", true)]
    [TestCase("nvidia", "-gpu-nvidia-cuda-13-x", true)]
    [TestCase("nvidia", "-nvidia-l4t-arm64-x", true)]
    [TestCase("nvidia", "-gpu-vulkan-x", true)]
    [TestCase("nvidia", "-cpu-x", false)]
    [TestCase("nvidia", "-gpu-rocm-hipblas-x", false)]
    [TestCase("nvidia-cuda-12", "-gpu-nvidia-cuda-12-x", true)]
    [TestCase("nvidia-cuda-12", "-gpu-nvidia-cuda-13-x", false)]
    [TestCase("nvidia-cuda-13", "-gpu-nvidia-cuda-12-x", false)]
    [TestCase("nvidia-cuda-13", "-gpu-nvidia-cuda-13-x", true)]
    [TestCase("nvidia-cuda-13", "-nvidia-l4t-cuda-13-arm64-x", true)]
    [TestCase("nvidia-cuda-13", "-nvidia-l4t-arm64-x", false)]
    [TestCase("nvidia-l4t", "-nvidia-l4t-arm64-x", true)]
    [TestCase("nvidia-l4t", "-nvidia-l4t-cuda-13-arm64-x", true)]
    [TestCase("nvidia-l4t", "-gpu-nvidia-cuda-12-x", false)]
    [TestCase("nvidia-l4t", "-gpu-vulkan-x", true)]
    [TestCase("nvidia-l4t-cuda-12", "-nvidia-l4t-arm64-x", true)]
    [TestCase("nvidia-l4t-cuda-12", "-nvidia-l4t-cuda-13-arm64-x", false)]
    [TestCase("nvidia-l4t-cuda-13", "-nvidia-l4t-arm64-x", false)]
    [TestCase("nvidia-l4t-cuda-13", "-nvidia-l4t-cuda-13-arm64-x", true)]
    [TestCase("amd", "-gpu-rocm-hipblas-x", true)]
    [TestCase("amd", "-gpu-vulkan-x", true)]
    [TestCase("amd", "-gpu-nvidia-cuda-12-x", false)]
    [TestCase("intel", "-gpu-intel-sycl-f16-x", true)]
    [TestCase("intel", "-gpu-vulkan-x", true)]
    [TestCase("intel", "-cpu-x", false)]
    [TestCase("vulkan", "-gpu-vulkan-x", true)]
    [TestCase("vulkan", "-gpu-nvidia-cuda-12-x", false)]
    [TestCase("metal", "-metal-darwin-arm64-x", true)]
    [TestCase("metal", "-gpu-vulkan-x", false)]
    [TestCase("metal", "-darwin-x86-x", false)]
    [TestCase("metal-darwin-arm64", "-metal-darwin-arm64-x", true)]
    [TestCase("darwin-x86", "-darwin-x86-x", true)]
    [TestCase("darwin-x86", "-metal-darwin-arm64-x", false)]
    [TestCase("darwin-x86", "-gpu-vulkan-x", false)]
    [TestCase("cpu", "-gpu-nvidia-cuda-12-x", null)]
    [TestCase("rocm", "-gpu-nvidia-cuda-12-x", null)]
    [TestCase("nvidia", "-piper", null)]
    [TestCase("default", "-piper", null)]
    public void A_capability_key_accepts_the_images_of_its_hardware(string key, string suffix, bool? accepted)
    {
        ImagePlatform.Of(suffix).AcceptedBy(key).Should().Be(accepted);
    }

    [TestCase("-cpu-x", "a CPU image")]
    [TestCase("-gpu-nvidia-cuda-13-x", "a CUDA 13 image")]
    [TestCase("-nvidia-l4t-arm64-x", "an NVIDIA Jetson (L4T) CUDA 12 image")]
    [TestCase("-gpu-rocm-hipblas-x", "a ROCm (AMD) image")]
    [TestCase("-gpu-intel-x", "a SYCL (Intel) image")]
    [TestCase("-gpu-vulkan-x", "a Vulkan image")]
    [TestCase("-metal-darwin-arm64-x", "a Metal (Apple silicon) image")]
    [TestCase("-darwin-x86-x", "a macOS x86 image")]
    [TestCase("-piper", "an image for unknown hardware")]
    public void Describe_names_the_platform_for_a_message(string suffix, string words)
    {
        ImagePlatform.Of(suffix).Describe().Should().Be(words);
    }

    [Test]
    public void Describe_without_a_cuda_version()
    {
        new ImagePlatform(PlatformKind.Cuda, null).Describe().Should().Be("a CUDA image");
        new ImagePlatform(PlatformKind.L4T, null).Describe().Should().Be("an NVIDIA Jetson (L4T) image");
    }

    private static ImageReference Image(string uri) =>
        Tests.Support.Lint.Model(index: $"- name: x\n  uri: {uri}\n").Gallery.Images[0].Image!;
}
