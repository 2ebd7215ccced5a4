using System.Text;
using BackendLint.Git;
using BackendLint.Tests.Support;
using static BackendLint.Tests.Git.HandmadePack;

namespace BackendLint.Tests.Git;

/// <summary>
/// Damaged and hostile object stores: every failure is a <see cref="GitError"/> that names the object,
/// never an IndexOutOfRangeException, an InvalidDataException or a hang. Packs and loose objects that
/// git would never write are made by hand (<see cref="HandmadePack"/>).
/// </summary>
[NonParallelizable]
public sealed class GitCorruptionTests
{
    private static readonly byte[] HelloWorld = "hello world"u8.ToArray();

    private string _objects = "";

    [SetUp]
    public void CreateObjects() => _objects = Directory.CreateTempSubdirectory("backendlint-objects-").FullName;

    [TearDown]
    public void DeleteObjects() => Directory.Delete(_objects, recursive: true);

    private static GitError Fails(Action read, GitProblem problem = GitProblem.Corrupt)
    {
        var error = read.Should().Throw<GitError>().Which;
        error.Problem.Should().Be(problem, error.Message);
        error.Message.Should().NotContain("\n");
        return error;
    }

    // Copy "hello" from the base, insert " there".
    private static byte[] HelloThere => Delta(11, 11, [0x90, 5, 6, .. " there"u8]);

    [Test]
    public void A_delta_copies_and_inserts()
    {
        BackendLint.Git.Delta.Apply(HelloWorld, HelloThere, "x").Should().Equal("hello there"u8.ToArray());
        BackendLint.Git.Delta.Apply(HelloWorld, Delta(11, 5, 0x91, 6, 5), "x").Should().Equal("world"u8.ToArray());
        var big = new byte[0x10000];
        big[^1] = 7;
        BackendLint.Git.Delta.Apply(big, Delta(0x10000, 0x10000, 0x80), "x").Should().Equal(big, "a copy of size 0 copies 64 KiB");
    }

    [TestCase(new byte[] { 0x91, 6, 6 }, 6, TestName = "A copy past the end of the base")]
    [TestCase(new byte[] { 0x80 }, 11, TestName = "A copy of 64 KiB from a base of 11 bytes")]
    [TestCase(new byte[] { 0x9F, 0xFF, 0xFF, 0xFF, 0xFF, 1 }, 1, TestName = "A copy at offset 4 GiB")]
    [TestCase(new byte[] { 0x90, 5 }, 4, TestName = "A copy longer than the declared result")]
    [TestCase(new byte[] { 5, (byte)'a' }, 5, TestName = "An insert longer than the delta")]
    [TestCase(new byte[] { 2, (byte)'a', (byte)'b' }, 1, TestName = "An insert longer than the declared result")]
    [TestCase(new byte[] { 0 }, 0, TestName = "The reserved instruction 0")]
    [TestCase(new byte[] { 0x90, 5 }, 6, TestName = "A result shorter than declared")]
    [TestCase(new byte[] { 0x91 }, 6, TestName = "An instruction cut short")]
    public void A_delta_that_does_not_fit_its_base_is_corrupt(byte[] instructions, int targetSize)
    {
        Fails(() => BackendLint.Git.Delta.Apply(HelloWorld, Delta(11, targetSize, instructions), "0123")).Message.Should().Contain("object 0123");
    }

    [Test]
    public void A_delta_for_another_base_or_with_broken_sizes_is_corrupt()
    {
        Fails(() => BackendLint.Git.Delta.Apply(HelloWorld, Delta(12, 1, 1, (byte)'a'), "x")).Message.Should().Contain("base of 12 bytes");
        Fails(() => BackendLint.Git.Delta.Apply(HelloWorld, [0x8B], "x"));
        Fails(() => BackendLint.Git.Delta.Apply(HelloWorld, [0x8B, 0, .. Enumerable.Repeat((byte)0xFF, 10)], "x"));
        Fails(() => BackendLint.Git.Delta.Apply(HelloWorld, Delta(11, 200L * 1024 * 1024), "x"), GitProblem.TooLarge);
    }

    [Test]
    public void A_ref_delta_finds_its_base_in_another_pack_or_loose()
    {
        Write(_objects, "a", new Entry(Id(1), Blob, HelloWorld));
        Write(_objects, "b", new Entry(Id(2), RefDelta, HelloThere, BaseId: Id(1)), new Entry(Id(3), RefDelta, HelloThere, BaseId: Id(9)));
        WriteLoose(_objects, Id(9), "blob 11", HelloWorld);
        var store = new ObjectStore(_objects);
        store.TryRead(Id(2)).Should().BeEquivalentTo(new GitObject(GitObjectType.Blob, "hello there"u8.ToArray()));
        store.TryRead(Id(3))!.Value.Data.Should().Equal("hello there"u8.ToArray());
        store.TryRead(Id(4)).Should().BeNull();
    }

    [Test]
    public void Chains_mix_ofs_and_ref_deltas_across_packs()
    {
        Write(_objects, "a", new Entry(Id(1), Blob, HelloWorld), new Entry(Id(2), OfsDelta, HelloThere, Base: 0));
        Write(_objects, "b", new Entry(Id(3), RefDelta, Delta(11, 5, 0x91, 6, 5), BaseId: Id(2)), new Entry(Id(4), OfsDelta, Delta(5, 6, 0x90, 5, 1, (byte)'!'), Base: 0));
        new ObjectStore(_objects).TryRead(Id(4))!.Value.Data.Should().Equal("there!"u8.ToArray());
    }

    [Test]
    public void A_delta_whose_base_is_nowhere_is_corrupt()
    {
        Write(_objects, "a", new Entry(Id(2), RefDelta, HelloThere, BaseId: Id(1)));
        Fails(() => new ObjectStore(_objects).TryRead(Id(2))).Message.Should().Contain(Id(1)).And.Contain(Id(2));
    }

    [Test]
    public void A_cycle_of_ref_deltas_ends_at_the_chain_limit()
    {
        Write(_objects, "a", new Entry(Id(1), RefDelta, HelloThere, BaseId: Id(2)), new Entry(Id(2), RefDelta, HelloThere, BaseId: Id(1)));
        Write(_objects, "b", new Entry(Id(3), RefDelta, HelloThere, BaseId: Id(3)));
        var store = new ObjectStore(_objects);
        Within.Seconds(30, () => Fails(() => store.TryRead(Id(1)))).Message.Should().Contain("delta chain");
        Within.Seconds(30, () => Fails(() => store.TryRead(Id(3)))).Message.Should().Contain("delta chain");
    }

    [TestCase(50_000, true)]
    [TestCase(50_001, false)]
    public void A_chain_of_ofs_deltas_is_read_without_recursion_up_to_its_limit(int deltas, bool readable)
    {
        // Each delta swaps the words; only the last entry is in the index.
        var entries = new List<Entry> { new(Id(0), Blob, HelloWorld, Indexed: false) };
        for (var i = 1; i <= deltas; i++)
            entries.Add(new Entry(Id(i), OfsDelta, Delta(11, 11, 0x91, 6, 5, 1, (byte)' ', 0x90, 5), Base: i - 1, Indexed: i == deltas));
        Write(_objects, "deep", [.. entries]);
        var store = new ObjectStore(_objects);
        if (readable)
            store.TryRead(Id(deltas))!.Value.Data.Should().Equal(HelloWorld);
        else
            Fails(() => store.TryRead(Id(deltas))).Message.Should().Contain("longer than 50000");
    }

    [Test]
    public void Entries_with_bad_types_offsets_or_sizes_are_corrupt()
    {
        Write(_objects, "a", new Entry(Id(1), 5, HelloWorld), new Entry(Id(2), OfsDelta, HelloThere, Base: 1), new Entry(Id(3), Blob, HelloWorld));
        var store = new ObjectStore(_objects);
        Fails(() => store.TryRead(Id(1))).Message.Should().Contain("unknown type 5");
        Fails(() => store.TryRead(Id(2))).Message.Should().Contain("base outside the pack");

        var index = Path.Combine(_objects, "pack", "pack-a.idx");
        var bytes = File.ReadAllBytes(index);
        var offsets = bytes.Length - 40 - 3 * 4;
        bytes.AsSpan(offsets, 4).Fill(0x7F); // far past the end of the pack
        File.WriteAllBytes(index, bytes);
        Fails(() => new ObjectStore(_objects).TryRead(Id(1))).Message.Should().Contain("outside the pack");
        bytes.AsSpan(offsets, 4).Fill(0xFF); // an entry in a large-offset table that is not there
        File.WriteAllBytes(index, bytes);
        Fails(() => new ObjectStore(_objects).TryRead(Id(1))).Message.Should().Contain("large offset");
        new ObjectStore(_objects).TryRead(Id(3))!.Value.Data.Should().Equal(HelloWorld);
    }

    [Test]
    public void An_object_over_100_MB_is_too_large_before_it_is_inflated()
    {
        Write(_objects, "a", new Entry(Id(1), Blob, HelloWorld, Size: 100 * 1024 * 1024 + 1), new Entry(Id(4), Blob, HelloWorld, Size: 100 * 1024 * 1024));
        Fails(() => new ObjectStore(_objects).TryRead(Id(1)), GitProblem.TooLarge).Message.Should().Contain(Id(1));
        Fails(() => new ObjectStore(_objects).TryRead(Id(4))).Message.Should().Contain("fewer");

        WriteLoose(_objects, Id(2), "blob 104857601", []);
        Fails(() => new ObjectStore(_objects).TryRead(Id(2)), GitProblem.TooLarge).Message.Should().Contain(Id(2));
        WriteLoose(_objects, Id(3), "blob 104857600", []);
        Fails(() => new ObjectStore(_objects).TryRead(Id(3))).Message.Should().Contain("fewer");
    }

    [Test]
    public void A_pack_entry_whose_size_lies_is_corrupt()
    {
        Write(_objects, "a", new Entry(Id(1), Blob, HelloWorld, Size: 12), new Entry(Id(2), Blob, HelloWorld, Size: 10));
        Fails(() => new ObjectStore(_objects).TryRead(Id(1))).Message.Should().Contain("fewer");
        Fails(() => new ObjectStore(_objects).TryRead(Id(2))).Message.Should().Contain("more");
    }

    [TestCase("blob 12", "hello world", "fewer")]
    [TestCase("blob 10", "hello world", "more")]
    [TestCase("blob -1", "", "header")]
    [TestCase("blob", "", "header")]
    [TestCase("blob 1x", "x", "header")]
    [TestCase("sock 11", "hello world", "header")]
    [TestCase("blob 99999999999999999999", "", "header")]
    public void A_loose_object_whose_header_lies_is_corrupt(string header, string data, string problem)
    {
        WriteLoose(_objects, Id(1), header, Encoding.ASCII.GetBytes(data));
        Fails(() => new ObjectStore(_objects).TryRead(Id(1))).Message.Should().Contain(problem).And.Contain(Id(1));
    }

    [Test]
    public void A_loose_object_with_no_header_end_or_no_zlib_is_corrupt()
    {
        var file = Path.Combine(_objects, "00", Id(1)[2..]);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, Compress(Encoding.ASCII.GetBytes(new string('b', 100))));
        Fails(() => new ObjectStore(_objects).TryRead(Id(1)));
        File.WriteAllBytes(file, Encoding.ASCII.GetBytes("plain text, not zlib"));
        Fails(() => new ObjectStore(_objects).TryRead(Id(1))).Message.Should().Contain(Id(1));
        File.WriteAllBytes(file, []);
        Fails(() => new ObjectStore(_objects).TryRead(Id(1)));
    }

    [Test]
    public void A_version_1_index_is_unsupported_and_a_cut_index_or_pack_is_corrupt()
    {
        Write(_objects, "a", new Entry(Id(1), Blob, HelloWorld));
        var index = Path.Combine(_objects, "pack", "pack-a.idx");
        var pack = Path.Combine(_objects, "pack", "pack-a.pack");
        var original = File.ReadAllBytes(index);

        File.WriteAllBytes(index, [.. new byte[1024], .. original[^60..]]); // a v1 index starts with its fan-out
        Fails(() => new ObjectStore(_objects).TryRead(Id(1)), GitProblem.Unsupported).Message.Should().Contain("version 2");
        File.WriteAllBytes(index, original[..^1]);
        Fails(() => new ObjectStore(_objects).TryRead(Id(1))).Message.Should().Contain("pack-a.idx");
        File.WriteAllBytes(index, original[..100]);
        Fails(() => new ObjectStore(_objects).TryRead(Id(1)));

        File.WriteAllBytes(index, original);
        var packBytes = File.ReadAllBytes(pack);
        File.WriteAllBytes(pack, [.. "PACX"u8, .. packBytes[4..]]);
        Fails(() => new ObjectStore(_objects).TryRead(Id(1))).Message.Should().Contain("pack header");
        File.WriteAllBytes(pack, packBytes[..20]);
        Fails(() => new ObjectStore(_objects).TryRead(Id(1)));
    }

    [Test]
    public void A_truncated_loose_object_of_a_real_repository_is_corrupt()
    {
        using var repository = new GitTestRepository();
        repository.Write("backend/index.yaml", string.Concat(Enumerable.Range(0, 500).Select(i => $"line {i}\n")));
        var commit = repository.Commit("one");
        var blob = repository.Git("rev-parse", "HEAD:backend/index.yaml");
        var file = Path.Combine(repository.GitDirectory, "objects", blob[..2], blob[2..]);
        var bytes = File.ReadAllBytes(file);
        File.Delete(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
        var git = GitRepository.Discover(repository.Path)!;
        Fails(() => git.ReadFile(commit, "backend/index.yaml")).Message.Should().Contain(blob);
        File.Delete(file);
        Fails(() => git.ReadFile(commit, "backend/index.yaml"), GitProblem.NotFound).Message.Should().Contain(blob);
    }

    [Test]
    public void A_pack_entry_overwritten_with_garbage_is_corrupt()
    {
        using var repository = new GitTestRepository();
        repository.Write("backend/index.yaml", string.Concat(Enumerable.Range(0, 500).Select(i => $"line {i}\n")));
        var commit = repository.Commit("one");
        repository.Git("gc", "-q");
        var blob = repository.Git("rev-parse", "HEAD:backend/index.yaml");
        var index = Directory.GetFiles(Path.Combine(repository.GitDirectory, "objects", "pack"), "*.idx").Single();
        var row = repository.Git("verify-pack", "-v", index).Split('\n').Single(l => l.StartsWith(blob, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var offset = int.Parse(row[4], System.Globalization.CultureInfo.InvariantCulture);
        var pack = Path.ChangeExtension(index, ".pack");
        var bytes = File.ReadAllBytes(pack);
        bytes.AsSpan(offset + 3, 40).Fill(0xA5);
        File.Delete(pack);
        File.WriteAllBytes(pack, bytes);
        Fails(() => GitRepository.Discover(repository.Path)!.ReadFile(commit, "backend/index.yaml")).Message.Should().Contain(blob);
    }

    // Every byte of a real pack and index damaged in turn, at random: whatever is read, only GitError escapes.
    [TestCase(".pack")]
    [TestCase(".idx")]
    [TestCase("loose")]
    public void Random_damage_raises_only_git_errors(string target)
    {
        using var repository = new GitTestRepository();
        for (var i = 0; i < 8; i++)
        {
            repository.Write("backend/index.yaml", string.Concat(Enumerable.Range(0, 100).Select(n => $"line {n} {(n == i * 10 ? "edited" : "")}\n")));
            repository.Write($"dir/file{i % 3}", $"content {i}\n");
            repository.Commit($"commit {i}");
        }
        if (target != "loose")
            repository.Git("gc", "-q", "--aggressive");
        var commits = repository.Git("rev-list", "HEAD").Split('\n');
        var files = target == "loose"
            ? Directory.GetDirectories(Path.Combine(repository.GitDirectory, "objects"), "??").SelectMany(Directory.GetFiles).Order(StringComparer.Ordinal).ToArray()
            : Directory.GetFiles(Path.Combine(repository.GitDirectory, "objects", "pack"), "*" + target);
        var random = new Random(1234);
        for (var round = 0; round < 300; round++)
        {
            var file = files[random.Next(files.Length)];
            var original = File.ReadAllBytes(file);
            var damaged = (byte[])original.Clone();
            if (round % 10 == 0)
                damaged = damaged[..random.Next(damaged.Length)];
            else
                damaged[random.Next(damaged.Length)] ^= (byte)random.Next(1, 256);
            File.Delete(file);
            File.WriteAllBytes(file, damaged);
            var git = GitRepository.Discover(repository.Path)!;
            foreach (var revision in new[] { "HEAD", "HEAD~3", commits[^1][..6] })
                Read(() => git.ReadFile(git.Resolve(revision), "backend/index.yaml"));
            foreach (var commit in commits.Take(3))
                Read(() => git.ReadFile(commit, "dir/file1"));
            File.Delete(file);
            File.WriteAllBytes(file, original);
        }

        static void Read(Func<byte[]?> read)
        {
            try
            {
                read();
            }
            catch (GitError e)
            {
                e.Message.Should().NotContain("\n");
            }
        }
    }
}
