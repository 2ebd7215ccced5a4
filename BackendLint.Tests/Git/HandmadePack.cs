using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace BackendLint.Tests.Git;

/// <summary>
/// Writes packs, indexes, loose objects and deltas by hand, for what git never produces on its own:
/// a REF_DELTA whose base is in another pack or loose, cycles, endless chains and deliberate damage.
/// Ids are made up (the reader does not hash objects) and checksums are zero (it does not verify them).
/// </summary>
public static class HandmadePack
{
    public const int Blob = 3;
    public const int OfsDelta = 6;
    public const int RefDelta = 7;

    /// <param name="Base">For OFS_DELTA the index of an earlier entry; for REF_DELTA unused.</param>
    /// <param name="BaseId">For REF_DELTA the base's id.</param>
    /// <param name="Indexed">False leaves the entry out of the .idx, reachable only as another entry's OFS_DELTA base.</param>
    /// <param name="Size">The size the entry declares, when it is to lie about its data's.</param>
    public sealed record Entry(string Id, int Type, byte[] Data, int Base = -1, string? BaseId = null, bool Indexed = true, long? Size = null);

    /// <summary>A made-up id: <paramref name="n"/> in hex, padded to 40 digits.</summary>
    public static string Id(int n, char fill = '0') => n.ToString("x", System.Globalization.CultureInfo.InvariantCulture).PadLeft(40, fill);

    /// <summary>Writes <c>pack/pack-name.pack</c> and <c>.idx</c> under <paramref name="objects"/>; the entries' offsets.</summary>
    public static long[] Write(string objects, string name, params Entry[] entries)
    {
        using var pack = new MemoryStream();
        pack.Write("PACK"u8);
        WriteBigEndian(pack, 2);
        WriteBigEndian(pack, (uint)entries.Length);
        var offsets = new long[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            offsets[i] = pack.Position;
            var size = entry.Size ?? entry.Data.Length;
            var first = (byte)((entry.Type << 4) | (int)(size & 0x0F));
            size >>= 4;
            pack.WriteByte((byte)(first | (size > 0 ? 0x80 : 0)));
            while (size > 0)
            {
                var b = (byte)(size & 0x7F);
                size >>= 7;
                pack.WriteByte((byte)(b | (size > 0 ? 0x80 : 0)));
            }
            if (entry.Type == OfsDelta)
                pack.Write(OffsetEncoding(offsets[i] - offsets[entry.Base]));
            if (entry.Type == RefDelta)
                pack.Write(Convert.FromHexString(entry.BaseId!));
            pack.Write(Compress(entry.Data));
        }
        pack.Write(new byte[20]);

        var indexed = entries.Select((e, i) => (Id: Convert.FromHexString(e.Id), Offset: offsets[i], e.Indexed))
            .Where(e => e.Indexed).OrderBy(e => Convert.ToHexStringLower(e.Id), StringComparer.Ordinal).ToList();
        using var index = new MemoryStream();
        index.Write([0xFF, (byte)'t', (byte)'O', (byte)'c']);
        WriteBigEndian(index, 2);
        for (var b = 0; b < 256; b++)
            WriteBigEndian(index, (uint)indexed.Count(e => e.Id[0] <= b));
        foreach (var e in indexed)
            index.Write(e.Id);
        foreach (var _ in indexed)
            WriteBigEndian(index, 0);
        foreach (var e in indexed)
            WriteBigEndian(index, (uint)e.Offset);
        index.Write(new byte[40]);

        var directory = Path.Combine(objects, "pack");
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, $"pack-{name}.pack"), pack.ToArray());
        File.WriteAllBytes(Path.Combine(directory, $"pack-{name}.idx"), index.ToArray());
        return offsets;
    }

    /// <summary>Writes a loose object file with exactly this (possibly dishonest) header.</summary>
    public static void WriteLoose(string objects, string id, string header, byte[] data)
    {
        var directory = Path.Combine(objects, id[..2]);
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, id[2..]), Compress([.. Encoding.ASCII.GetBytes(header), 0, .. data]));
    }

    /// <summary>A delta: the two sizes, then the instructions as given.</summary>
    public static byte[] Delta(long sourceSize, long targetSize, params byte[] instructions) =>
        [.. Size(sourceSize), .. Size(targetSize), .. instructions];

    public static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
            z.Write(data);
        return output.ToArray();
    }

    private static byte[] Size(long size)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(size & 0x7F);
            size >>= 7;
            bytes.Add((byte)(b | (size > 0 ? 0x80 : 0)));
        }
        while (size > 0);
        return [.. bytes];
    }

    private static byte[] OffsetEncoding(long distance)
    {
        var bytes = new List<byte> { (byte)(distance & 0x7F) };
        while ((distance >>= 7) > 0)
            bytes.Insert(0, (byte)(0x80 | (--distance & 0x7F)));
        return [.. bytes];
    }

    private static void WriteBigEndian(Stream stream, uint value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, value);
        stream.Write(buffer);
    }
}
