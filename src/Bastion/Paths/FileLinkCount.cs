using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Bastion.Paths;

/// <summary>
/// Reads how many directory entries name a regular file. A count above one means another name for the same
/// data exists somewhere, possibly outside the root, and nothing on the path tells where: a hard link to
/// <c>/etc/shadow</c> placed inside an uploads folder looks like an ordinary file.
/// </summary>
internal static partial class FileLinkCount
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxNlink = 0x4;
    private const int StatxSize = 256;
    private const int StatxNlinkOffset = 16;

    /// <summary>
    /// Whether the count can be read on this OS: Linux (statx, one layout on every architecture) and Windows.
    /// macOS and the BSDs have per-architecture stat layouts that Bastion does not guess at.
    /// </summary>
    public static bool IsSupported => OperatingSystem.IsLinux() || OperatingSystem.IsWindows();

    /// <summary>The link count, or null when it could not be read (the caller refuses then).</summary>
    public static uint? Get(string fullPath)
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                return GetLinux(fullPath);
            }

            if (OperatingSystem.IsWindows())
            {
                return GetWindows(fullPath);
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException or IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }

    // statx(2) has the same layout on every Linux architecture; stx_nlink is the u32 at offset 16.
    private static unsafe uint? GetLinux(string fullPath)
    {
        byte* buffer = stackalloc byte[StatxSize];
        if (Statx(AtFdCwd, fullPath, AtSymlinkNoFollow, StatxNlink, buffer) != 0)
        {
            return null;
        }

        uint mask = *(uint*)buffer;
        return (mask & StatxNlink) == 0 ? null : *(uint*)(buffer + StatxNlinkOffset);
    }

    private static unsafe uint? GetWindows(string fullPath)
    {
        using SafeFileHandle handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        byte* info = stackalloc byte[52];
        // BY_HANDLE_FILE_INFORMATION.nNumberOfLinks is the u32 at offset 40.
        return GetFileInformationByHandle(handle, info) ? *(uint*)(info + 40) : null;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static unsafe partial bool GetFileInformationByHandle(SafeFileHandle handle, byte* info);
}
