using BackendLint.Fixing;

namespace BackendLint.Tests.Fixing;

/// <summary>A backend's name replaced as a whole name only: never inside a longer word or another backend's name.</summary>
public class NameSubstitutionTests
{
    private static readonly NameSubstitution Whisper = new("whisper", "whisper2", ["whisperx", "faster-whisper", "whisper-cpp-legacy", "vllm"]);

    [TestCase("whisper", "whisper2")]
    [TestCase("-cpu-whisper", "-cpu-whisper2")]
    [TestCase("metal-whisper-development", "metal-whisper2-development")]
    [TestCase("latest-gpu-nvidia-cuda-12-whisper", "latest-gpu-nvidia-cuda-12-whisper2")]
    [TestCase("backend/go/whisper", "backend/go/whisper2")]
    [TestCase("./backend/Dockerfile.whisper", "./backend/Dockerfile.whisper2")]
    [TestCase("whisper/whisper", "whisper2/whisper2")]
    [TestCase("whisper-cpp", "whisper2-cpp")]
    public void Replaces_the_name_where_it_is_written_whole(string value, string expected)
    {
        Whisper.Apply(value).Should().Be(expected);
        Whisper.Carries(value).Should().BeTrue();
    }

    [TestCase("whisperx")]
    [TestCase("-cpu-whisperx")]
    [TestCase("-gpu-nvidia-cuda-12-faster-whisper")]
    [TestCase("faster-whisper-development")]
    [TestCase("whispercpp")]
    [TestCase("xwhisper")]
    [TestCase("whisper2")]
    [TestCase("whisper-cpp-legacy")]
    [TestCase("./backend/Dockerfile.python")]
    [TestCase("")]
    public void Leaves_longer_words_and_other_backends_names_alone(string value)
    {
        Whisper.Apply(value).Should().BeSameAs(value);
        Whisper.Carries(value).Should().BeFalse();
    }

    [Test]
    public void Replaces_the_whole_name_beside_a_longer_one_in_the_same_value()
    {
        Whisper.Apply("faster-whisper whisper whisperx").Should().Be("faster-whisper whisper2 whisperx");
    }

    [Test]
    public void Makefile_variables_carry_the_name_in_capitals_with_underscores()
    {
        var variables = new NameSubstitution("faster-whisper", "faster-whisper2", ["whisper"]).ForVariables(["whisper", "faster-whisper-cpp"]);
        variables.Apply("BACKEND_FASTER_WHISPER").Should().Be("BACKEND_FASTER_WHISPER2");
        variables.Apply("BACKEND_FASTER_WHISPER_CPP").Should().Be("BACKEND_FASTER_WHISPER_CPP");
        Whisper.ForVariables(["faster-whisper"]).Apply("BACKEND_FASTER_WHISPER").Should().Be("BACKEND_FASTER_WHISPER");
        NameSubstitution.VariablePart("qwen3-tts-cpp").Should().Be("QWEN3_TTS_CPP");
    }
}
