using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Bastion.Paths;

/// <summary>What one path names, looked at without following a final symbolic link.</summary>
internal enum FileKind
{
    /// <summary>Nothing (or a component above it is not a directory).</summary>
    Missing,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A regular file.</summary>
    File,

    /// <summary>A symbolic link (or, on Windows, a junction), dangling or not.</summary>
    Link,

    /// <summary>A FIFO, socket or device node: never served as a file.</summary>
    Other,

    /// <summary>Could not be looked at (permissions, I/O error): the caller refuses.</summary>
    Unknown,
}

/// <summary>
/// Looks at one path without following a final symbolic link: its kind, and for a file how many directory entries
/// name it. A count above one means another name for the same data exists somewhere, possibly outside the root, and
/// nothing on the path tells where: a hard link to <c>/etc/shadow</c> placed in an uploads folder looks like an
/// ordinary file. Linux: one <c>statx(2)</c> call, whose layout is the same on every architecture. Windows: .NET's file
/// APIs and <c>GetFileInformationByHandle</c> (not tested here). macOS and the BSDs: .NET's file APIs without a link
/// count (their <c>stat</c> layouts differ by architecture and Bastion does not guess at them).
/// </summary>
internal static partial class FileProbe
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxNlink = 0x4;
    private const int StatxSize = 256;
    private const int StatxNlinkOffset = 16;
    private const int StatxModeOffset = 28;
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;

    private static bool s_statxMissing;

    /// <summary>Whether <see cref="Probe"/> reports link counts on this OS (Linux and Windows).</summary>
    public static bool CountsLinks => OperatingSystem.IsLinux() || OperatingSystem.IsWindows();

    /// <summary>The kind of <paramref name="path"/>; <paramref name="links"/> is its link count when it is a file and the OS tells.</summary>
    public static FileKind Probe(string path, out uint? links)
    {
        links = null;
        if (OperatingSystem.IsLinux() && !s_statxMissing)
        {
            try
            {
                return ProbeLinux(path, out links);
            }
            catch (EntryPointNotFoundException)
            {
                s_statxMissing = true; // glibc before 2.28: fall back to .NET's file APIs (and refuse files, whose count is unknown)
            }
        }

        return ProbePortable(path, out links);
    }

    /// <summary>The kind and link count of an open file, from its handle (<c>statx(fd, "", AT_EMPTY_PATH)</c>).</summary>
    public static unsafe FileKind ProbeLinux(SafeFileHandle handle, out uint? links)
    {
        bool added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            byte* buffer = stackalloc byte[StatxSize];
            byte empty = 0;
            const int AtEmptyPath = 0x1000;
            return Statx((int)handle.DangerousGetHandle(), &empty, AtEmptyPath | AtSymlinkNoFollow, StatxType | StatxNlink, buffer) == 0
                ? Read(buffer, out links)
                : Failed(out links);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static unsafe FileKind ProbeLinux(string path, out uint? links)
    {
        byte* buffer = stackalloc byte[StatxSize];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType | StatxNlink, buffer) != 0)
        {
            links = null;
            return Marshal.GetLastPInvokeError() is ENOENT or ENOTDIR ? FileKind.Missing : FileKind.Unknown;
        }

        return Read(buffer, out links);
    }

    private static FileKind Failed(out uint? links)
    {
        links = null;
        return FileKind.Unknown;
    }

    private static unsafe FileKind Read(byte* statx, out uint? links)
    {
        uint mask = *(uint*)statx;
        links = (mask & StatxNlink) == 0 ? null : *(uint*)(statx + StatxNlinkOffset);
        if ((mask & StatxType) == 0)
        {
            return FileKind.Unknown;
        }

        return (*(ushort*)(statx + StatxModeOffset) & 0xF000) switch
        {
            0x4000 => FileKind.Directory,
            0x8000 => FileKind.File,
            0xA000 => FileKind.Link,
            _ => FileKind.Other,
        };
    }

    private static FileKind ProbePortable(string path, out uint? links)
    {
        links = null;
        try
        {
            var info = new FileInfo(path);
            FileAttributes attributes = info.Attributes;
            if ((int)attributes == -1)
            {
                return FileKind.Missing;
            }

            if (info.LinkTarget is not null)
            {
                return FileKind.Link;
            }

            if ((attributes & FileAttributes.ReparsePoint) != 0)
            {
                return FileKind.Other; // a reparse point that is not a link (a mount point, a cloud placeholder): not followed blindly
            }

            if ((attributes & FileAttributes.Directory) != 0)
            {
                return FileKind.Directory;
            }

            links = OperatingSystem.IsWindows() ? WindowsLinkCount(path) : null;
            return FileKind.File;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return FileKind.Unknown;
        }
    }

    private static unsafe uint? WindowsLinkCount(string path)
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return WindowsLinkCount(handle, out _);
    }

    /// <summary>BY_HANDLE_FILE_INFORMATION: attributes (offset 0) and nNumberOfLinks (offset 40); null when it cannot be read.</summary>
    public static unsafe uint? WindowsLinkCount(SafeFileHandle handle, out uint attributes)
    {
        byte* info = stackalloc byte[52];
        attributes = 0;
        if (!GetFileInformationByHandle(handle, info))
        {
            return null;
        }

        attributes = *(uint*)info;
        return *(uint*)(info + 40);
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static unsafe partial int Statx(int dirfd, byte* path, int flags, uint mask, byte* buffer);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static unsafe partial bool GetFileInformationByHandle(SafeFileHandle handle, byte* info);
}
