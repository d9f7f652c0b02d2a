using System;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Bastion.Paths;

/// <summary>
/// The Linux real-path walk, done by the kernel: one <c>open(O_PATH | O_NOFOLLOW)</c> of the whole path resolves every
/// directory and intermediate link in a single pass (linear in the path, where probing each prefix with its own call
/// costs the square of the depth), <c>/proc/self/fd</c> names what was opened, and only a final link (followed by
/// hand, dangling or not) or a missing tail (the longest existing prefix, found by binary search) needs more calls.
/// Returns null, so the caller refuses, when links loop or nest past <see cref="RealPath.MaxLinks"/>, a component
/// cannot be looked at, or a link target climbs with ".." through a directory that does not exist.
/// </summary>
internal static partial class LinuxRealPath
{
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;
    private const int OpenPathOnly = 0x200000;   // O_PATH: a handle for looking, never for reading
    private const int OpenCloseOnExec = 0x80000;
    private const int AtEmptyPath = 0x1000;

    /// <summary>Whether the walk can run here (Linux with /proc mounted); otherwise <see cref="RealPath.Walk"/> is used.</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && System.IO.Directory.Exists("/proc/self/fd");

    public static string? Resolve(string fullPath, out FileKind kind, out uint? links)
    {
        string path = fullPath;
        for (int followed = 0; followed <= RealPath.MaxLinks; followed++)
        {
            using SafeFileHandle? whole = OpenPath(path, out int errno);
            if (whole is not null)
            {
                string? real = Finish(whole, path, path.Length, out kind, out links, out string? next);
                if (real is not null || next is null)
                {
                    return real;
                }

                path = next; // a final link: walk its target
                continue;
            }

            if (errno is not (ENOENT or ENOTDIR))
            {
                break;
            }

            // Something on the path is missing: find the longest prefix that exists (existence is monotone in the prefix).
            using SafeFileHandle? found = LongestExistingPrefix(path, out int at, out bool failed);
            string rest = path[at..];
            if (failed || found is null || HasParentSegment(rest))
            {
                break; // a component could not be looked at, nothing exists below "/", or a link climbs through a missing directory
            }

            string? existing = Finish(found, path, at, out FileKind prefixKind, out _, out string? target);
            if (existing is not null)
            {
                kind = FileKind.Missing; // below the prefix nothing exists (ENOTDIR below a file counts as missing too)
                links = null;
                return existing + rest;
            }

            if (target is null)
            {
                break;
            }

            path = target; // the prefix ends in a link, dangling or not: walk its target and the rest
        }

        kind = FileKind.Unknown;
        links = null;
        return null;
    }

    private static SafeFileHandle? LongestExistingPrefix(string path, out int at, out bool failed)
    {
        int low = 0; // components known to exist below "/"
        int high = Components(path);
        at = 0;
        failed = false;
        SafeFileHandle? found = null;
        while (low < high)
        {
            int middle = (low + high + 1) / 2;
            int end = EndOfComponent(path, middle);
            SafeFileHandle? handle = OpenPath(path.AsSpan(0, end), out int error);
            if (handle is null)
            {
                if (error is not (ENOENT or ENOTDIR))
                {
                    failed = true;
                    found?.Dispose();
                    return null;
                }

                high = middle - 1;
                continue;
            }

            found?.Dispose();
            (found, low, at) = (handle, middle, end);
        }

        return found;
    }

    /// <summary>
    /// What <paramref name="handle"/> (opened on <paramref name="path"/>[..<paramref name="end"/>]) really is: its real
    /// path, or null with <paramref name="next"/> set to the path to walk instead when it is a symbolic link (null when
    /// it cannot be told).
    /// </summary>
    private static string? Finish(SafeFileHandle handle, string path, int end, out FileKind kind, out uint? links, out string? next)
    {
        next = null;
        kind = FileProbe.ProbeLinux(handle, out links);
        string? real = VerifiedFile.ReadProcLink(handle);
        if (real is null || kind == FileKind.Unknown)
        {
            kind = FileKind.Unknown;
            return null;
        }

        if (kind != FileKind.Link)
        {
            return real;
        }

        string? target = ReadLinkTarget(handle);
        if (string.IsNullOrEmpty(target))
        {
            kind = FileKind.Unknown;
            return null;
        }

        // A relative target is relative to the link's own (real) directory; the rest of the path follows the target.
        string directory = real[..Math.Max(1, real.LastIndexOf('/'))];
        next = (target[0] == '/' ? target : directory.TrimEnd('/') + "/" + target) + path[end..];
        return null;
    }

    private static bool HasParentSegment(ReadOnlySpan<char> rest)
    {
        foreach (Range segment in rest.Split('/'))
        {
            if (rest[segment] is "..")
            {
                return true;
            }
        }

        return false;
    }

    private static int Components(string path)
    {
        int count = 0;
        for (int i = 1; i < path.Length; i++)
        {
            if (path[i] != '/' && path[i - 1] == '/')
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The index just after the <paramref name="count"/>-th component of an absolute path.</summary>
    private static int EndOfComponent(string path, int count)
    {
        int seen = 0;
        for (int i = 1; i < path.Length; i++)
        {
            if (path[i] != '/' && path[i - 1] == '/' && ++seen == count)
            {
                int slash = path.IndexOf('/', i);
                return slash < 0 ? path.Length : slash;
            }
        }

        return path.Length;
    }

    /// <summary>Opens a path (a prefix of a longer one, encoded on the stack: no string per probe) for looking only.</summary>
    private static unsafe SafeFileHandle? OpenPath(ReadOnlySpan<char> path, out int errno)
    {
        int bytes = Encoding.UTF8.GetByteCount(path);
        byte[]? rented = bytes < 4096 ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(bytes + 1);
        Span<byte> name = rented ?? stackalloc byte[4096];
        try
        {
            name[Encoding.UTF8.GetBytes(path, name)] = 0;
            fixed (byte* start = name)
            {
                int fd = Open(start, OpenPathOnly | OpenCloseOnExec | VerifiedFile.NoFollowFlag());
                errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
                return fd < 0 ? null : new SafeFileHandle(fd, ownsHandle: true);
            }
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static unsafe string? ReadLinkTarget(SafeFileHandle handle)
    {
        const int Capacity = 4097;
        byte* target = stackalloc byte[Capacity];
        byte empty = 0;
        bool added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            nint read = ReadLinkAt((int)handle.DangerousGetHandle(), &empty, target, Capacity);
            return read <= 0 || read >= Capacity ? null : Encoding.UTF8.GetString(target, (int)read);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    private static unsafe partial int Open(byte* path, int flags);

    [LibraryImport("libc", EntryPoint = "readlinkat", SetLastError = true)]
    private static unsafe partial nint ReadLinkAt(int dirfd, byte* path, byte* buffer, nuint size);
}
