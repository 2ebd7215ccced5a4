using System.Buffers.Binary;
using System.IO.Compression;
using Microsoft.Win32.SafeHandles;

namespace BackendLint.Git;

/// <summary>Where an entry's compressed data starts, and for a delta where its base is (an offset in the same pack, or an object id).</summary>
internal readonly record struct PackEntry(int Type, long Size, long DataOffset, long BaseOffset, byte[]? BaseId)
{
    public const int OfsDelta = 6;
    public const int RefDelta = 7;

    public bool IsDelta => Type is OfsDelta or RefDelta;
}

/// <summary>
/// One <c>.idx</c>/<c>.pack</c> pair. Both are read by position with small reads (the index by binary
/// search, the pack by seeking a <see cref="FileStream"/>) so a pack of gigabytes costs a few pages, and
/// no handle is kept open between calls: the reader has nothing to dispose.
/// </summary>
internal sealed class PackFile(string indexPath, string packPath)
{
    private const int FanoutStart = 8;
    private const int NamesStart = FanoutStart + 256 * 4;

    private static ReadOnlySpan<byte> IndexMagic => [0xFF, (byte)'t', (byte)'O', (byte)'c'];

    private uint[]? _fanout;
    private long _largeOffsets;

    public string Name => Path.GetFileName(packPath);

    private long Count => Fanout[255];

    private uint[] Fanout => _fanout ??= ReadFanout();

    /// <summary>The offset of the object's entry in the pack, or null when this pack does not hold it.</summary>
    public long? Find(ReadOnlySpan<byte> id)
    {
        using var index = File.OpenHandle(indexPath);
        Span<byte> name = stackalloc byte[20];
        var position = LowerBound(index, id, name);
        return position < Fanout[id[0]] && name.SequenceEqual(id) ? Offset(index, position) : null;
    }

    /// <summary>Adds the ids this pack holds that start with the first <paramref name="nibbles"/> hex digits of <paramref name="prefix"/>.</summary>
    public void FindPrefix(ReadOnlySpan<byte> prefix, int nibbles, ISet<string> into)
    {
        using var index = File.OpenHandle(indexPath);
        Span<byte> name = stackalloc byte[20];
        for (var i = LowerBound(index, prefix, name); i < Count && into.Count < 16; i++)
        {
            ReadIndex(index, NamesStart + i * 20, name);
            if (!ObjectStore.StartsWith(name, prefix, nibbles))
                break;
            into.Add(Convert.ToHexStringLower(name));
        }
    }

    // The position of the first name not below the key, found by binary search within the fan-out
    // range of its first byte; that name is left in the buffer.
    private long LowerBound(SafeFileHandle index, ReadOnlySpan<byte> key, Span<byte> name)
    {
        long low = key[0] == 0 ? 0 : Fanout[key[0] - 1], high = Fanout[key[0]];
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            ReadIndex(index, NamesStart + middle * 20, name);
            if (name.SequenceCompareTo(key) < 0)
                low = middle + 1;
            else
                high = middle;
        }
        if (low < Count)
            ReadIndex(index, NamesStart + low * 20, name);
        return low;
    }

    /// <summary>Opens the pack for a sequence of <see cref="ReadEntry"/> and <see cref="Inflate"/> calls, checking its header.</summary>
    public FileStream Open()
    {
        var stream = new FileStream(packPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096);
        Span<byte> header = stackalloc byte[12];
        if (stream.ReadAtLeast(header, 12, throwOnEndOfStream: false) != 12 || !header[..4].SequenceEqual("PACK"u8)
            || BinaryPrimitives.ReadUInt32BigEndian(header[4..]) is not (2 or 3))
        {
            stream.Dispose();
            throw new GitError(GitProblem.Corrupt, $"pack {Name} is corrupt: it does not start with a version 2 or 3 pack header");
        }
        return stream;
    }

    public PackEntry ReadEntry(FileStream pack, long offset, string id)
    {
        if (offset < 12 || offset >= pack.Length - 20)
            throw Corrupt(id, $"an entry at offset {offset} is outside the pack");
        pack.Position = offset;
        var b = Next(pack, id);
        var type = (b >> 4) & 7;
        long size = b & 0x0F;
        for (var shift = 4; (b & 0x80) != 0; shift += 7)
        {
            if (shift > 56)
                throw Corrupt(id, $"the entry at offset {offset} declares an impossible size");
            b = Next(pack, id);
            size |= (long)(b & 0x7F) << shift;
        }
        if (size > ObjectStore.MaxObjectSize)
            throw new GitError(GitProblem.TooLarge, $"object {id} is {size} bytes in pack {Name}, more than the {ObjectStore.MaxObjectSize} bytes read from git");
        switch (type)
        {
            case >= 1 and <= 4:
                return new PackEntry(type, size, pack.Position, 0, null);
            case PackEntry.OfsDelta:
                // Big-endian, seven bits a byte, each continuation adding one (git's offset encoding).
                b = Next(pack, id);
                long distance = b & 0x7F;
                while ((b & 0x80) != 0)
                {
                    if (distance >= 1L << 48)
                        throw Corrupt(id, $"the delta at offset {offset} has an impossible base offset");
                    b = Next(pack, id);
                    distance = ((distance + 1) << 7) | (long)(b & 0x7F);
                }
                if (distance <= 0 || distance > offset - 12)
                    throw Corrupt(id, $"the delta at offset {offset} has its base outside the pack");
                return new PackEntry(type, size, pack.Position, offset - distance, null);
            case PackEntry.RefDelta:
                var baseId = new byte[20];
                if (pack.ReadAtLeast(baseId, 20, throwOnEndOfStream: false) != 20)
                    throw Corrupt(id, $"the delta at offset {offset} is cut short");
                return new PackEntry(type, size, pack.Position, 0, baseId);
            default:
                throw Corrupt(id, $"the entry at offset {offset} has the unknown type {type}");
        }
    }

    public byte[] Inflate(FileStream pack, PackEntry entry, string id)
    {
        pack.Position = entry.DataOffset;
        using var data = new ZLibStream(pack, CompressionMode.Decompress, leaveOpen: true);
        return ObjectStore.InflateExactly(data, entry.Size, id);
    }

    private long Offset(SafeFileHandle index, long position)
    {
        Span<byte> buffer = stackalloc byte[8];
        ReadIndex(index, NamesStart + Count * 24 + position * 4, buffer[..4]); // after the names and the CRCs
        var offset = BinaryPrimitives.ReadUInt32BigEndian(buffer);
        if ((offset & 0x8000_0000) == 0)
            return offset;
        var large = offset & 0x7FFF_FFFF;
        if (large >= _largeOffsets)
            throw new GitError(GitProblem.Corrupt, $"pack index {Path.GetFileName(indexPath)} is corrupt: a large offset is outside its table");
        ReadIndex(index, NamesStart + Count * 28 + large * 8, buffer);
        return (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(buffer), long.MaxValue);
    }

    private uint[] ReadFanout()
    {
        using var index = File.OpenHandle(indexPath);
        var name = Path.GetFileName(indexPath);
        Span<byte> header = stackalloc byte[NamesStart];
        if (RandomAccess.Read(index, header, 0) != NamesStart)
            throw new GitError(GitProblem.Corrupt, $"pack index {name} is corrupt: it is shorter than its header");
        if (!header[..4].SequenceEqual(IndexMagic) || BinaryPrimitives.ReadUInt32BigEndian(header[4..]) != 2)
            throw new GitError(GitProblem.Unsupported, $"pack index {name} is not version 2; rewrite it with `git index-pack` or `git repack -a -d`");
        var fanout = new uint[256];
        for (var i = 0; i < 256; i++)
        {
            fanout[i] = BinaryPrimitives.ReadUInt32BigEndian(header[(FanoutStart + i * 4)..]);
            if (i > 0 && fanout[i] < fanout[i - 1])
                throw new GitError(GitProblem.Corrupt, $"pack index {name} is corrupt: its fan-out table decreases");
        }
        // Names (20), CRCs (4) and offsets (4) per object, 8 per large offset, then two checksums.
        var small = NamesStart + fanout[255] * 28L + 40;
        var length = RandomAccess.GetLength(index);
        if (length < small || (length - small) % 8 != 0)
            throw new GitError(GitProblem.Corrupt, $"pack index {name} is corrupt: its length does not match its {fanout[255]} objects");
        _largeOffsets = (length - small) / 8;
        return fanout;
    }

    private void ReadIndex(SafeFileHandle index, long position, Span<byte> buffer)
    {
        if (RandomAccess.Read(index, buffer, position) != buffer.Length)
            throw new GitError(GitProblem.Corrupt, $"pack index {Path.GetFileName(indexPath)} is corrupt: it is cut short");
    }

    private int Next(FileStream pack, string id)
    {
        var b = pack.ReadByte();
        return b >= 0 ? b : throw Corrupt(id, "an entry is cut short");
    }

    private GitError Corrupt(string id, string problem) => new(GitProblem.Corrupt, $"object {id} is corrupt in pack {Name}: {problem}");
}
