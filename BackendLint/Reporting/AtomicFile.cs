using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using BackendLint.Text;

namespace BackendLint.Reporting;

/// <summary>
/// Writes a whole file or nothing: a temporary file beside the target, then a rename. The temporary
/// name is unpredictable and created exclusively, so a link planted under a likely name (a pull
/// request can commit <c>.backendlint.sarif.1234.tmp</c>) is never followed; it is removed on
/// SIGINT and SIGTERM. A rename replaces a link at the target instead of writing through it.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly HashSet<string> Pending = [];
    private static readonly Lock PendingLock = new();
    private static PosixSignalRegistration[]? _signals;

    /// <exception cref="InputError">The file cannot be written (no such directory, no permission, a full disk).</exception>
    public static void Write(string path, string content)
    {
        var full = Path.GetFullPath(path);
        var bytes = Utf8NoBom.GetBytes(content);
        try
        {
            // /dev/stdout, a terminal or a pipe: written to, never replaced. The standard streams go
            // through this process's own handles, which keep their position in a redirected file.
            if (full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal))
            {
                using var device = full switch
                {
                    "/dev/stdout" or "/proc/self/fd/1" => Console.OpenStandardOutput(),
                    "/dev/stderr" or "/proc/self/fd/2" => Console.OpenStandardError(),
                    _ => new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1),
                };
                device.Write(bytes);
                return;
            }

            WriteThenRename(full, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw InputError.AtFile(path.Replace('\\', '/'), $"cannot write the file: {e.Message}");
        }
    }

    /// <summary>
    /// Replaces a source file the run read with its edited text: whole or not at all, with the
    /// byte-order mark it had, and keeping its permissions.
    /// </summary>
    /// <exception cref="InputError">The file cannot be written.</exception>
    public static void Replace(string path, string relative, string content)
    {
        var full = Path.GetFullPath(path);
        try
        {
            var bom = HasByteOrderMark(full);
            var bytes = Utf8NoBom.GetBytes(content);
            WriteThenRename(full, bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes, OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(full));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw InputError.AtFile(relative, $"cannot write the file: {e.Message}");
        }
    }

    private static bool HasByteOrderMark(string full)
    {
        using var file = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        Span<byte> start = stackalloc byte[3];
        return file.ReadAtLeast(start, 3, throwOnEndOfStream: false) == 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF;
    }

    private static void WriteThenRename(string full, byte[] bytes, UnixFileMode? mode = null)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{RandomName()}.tmp");
        Track(temporary);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
                stream.Write(bytes);
            if (mode is { } kept && !OperatingSystem.IsWindows())
                File.SetUnixFileMode(temporary, kept);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            Remove(temporary);
        }
    }

    // 16 random letters and digits: not a name anyone can create in advance.
    private static string RandomName() => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 16);

    private static void Track(string temporary)
    {
        lock (PendingLock)
        {
            Pending.Add(temporary);
            _signals ??= [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
        }
    }

    private static void Remove(string temporary)
    {
        lock (PendingLock)
        {
            Pending.Remove(temporary);
            TryDelete(temporary);
        }
    }

    // The process is about to end: nothing half-written stays behind. The default action follows.
    private static void OnSignal(PosixSignalContext context)
    {
        lock (PendingLock)
        {
            foreach (var temporary in Pending)
                TryDelete(temporary);
            Pending.Clear();
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done about it.
        }
    }
}
