namespace BackendLint.Git;

/// <summary>
/// Git's delta format (a pack's OFS_DELTA and REF_DELTA entries): two sizes, then instructions that
/// copy a range of the base or insert literal bytes. Every range is checked before it is copied, so a
/// hostile or damaged delta is a <see cref="GitProblem.Corrupt"/> error and never an out-of-range read.
/// </summary>
internal static class Delta
{
    /// <param name="id">The object being rebuilt, named in error messages.</param>
    public static byte[] Apply(ReadOnlySpan<byte> source, ReadOnlySpan<byte> delta, string id)
    {
        var position = 0;
        var sourceSize = ReadSize(delta, ref position, id);
        var targetSize = ReadSize(delta, ref position, id);
        if (sourceSize != source.Length)
            throw Corrupt(id, $"its delta expects a base of {sourceSize} bytes, but the base has {source.Length}");
        if (targetSize > ObjectStore.MaxObjectSize)
            throw new GitError(GitProblem.TooLarge, $"object {id} is {targetSize} bytes, more than the {ObjectStore.MaxObjectSize} bytes read from git");
        var target = new byte[targetSize];
        var written = 0;
        while (position < delta.Length)
        {
            var op = delta[position++];
            if ((op & 0x80) != 0)
            {
                long offset = 0, size = 0;
                for (var i = 0; i < 4; i++)
                    if ((op & (1 << i)) != 0)
                        offset |= (long)Next(delta, ref position, id) << (8 * i);
                for (var i = 0; i < 3; i++)
                    if ((op & (0x10 << i)) != 0)
                        size |= (long)Next(delta, ref position, id) << (8 * i);
                if (size == 0)
                    size = 0x10000;
                if (offset + size > source.Length || size > target.Length - written)
                    throw Corrupt(id, $"its delta copies {size} bytes at offset {offset} from a base of {source.Length} bytes");
                source.Slice((int)offset, (int)size).CopyTo(target.AsSpan(written));
                written += (int)size;
            }
            else if (op != 0)
            {
                if (op > delta.Length - position || op > target.Length - written)
                    throw Corrupt(id, "its delta inserts more bytes than it holds or than the result may have");
                delta.Slice(position, op).CopyTo(target.AsSpan(written));
                position += op;
                written += op;
            }
            else
            {
                throw Corrupt(id, "its delta has the reserved instruction 0");
            }
        }
        if (written != target.Length)
            throw Corrupt(id, $"its delta produces {written} bytes instead of the {target.Length} it declares");
        return target;
    }

    // Little-endian, seven bits a byte; more than 63 bits is not a size any pack can hold.
    private static long ReadSize(ReadOnlySpan<byte> delta, ref int position, string id)
    {
        long size = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 56)
                throw Corrupt(id, "its delta declares an impossible size");
            var b = Next(delta, ref position, id);
            size |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
                return size;
        }
    }

    private static byte Next(ReadOnlySpan<byte> delta, ref int position, string id) =>
        position < delta.Length ? delta[position++] : throw Corrupt(id, "its delta ends in the middle of an instruction");

    private static GitError Corrupt(string id, string problem) => new(GitProblem.Corrupt, $"object {id} is corrupt: {problem}");
}
