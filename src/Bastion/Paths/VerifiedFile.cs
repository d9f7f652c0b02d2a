using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Bastion.Paths;

/// <summary>
/// Opens a resolved path and proves, on the opened handle and before any byte is read, that it is a regular file
/// inside the root: checking a path and then opening it leaves a gap in which a component can be swapped for a
/// symbolic link. The final component is opened without following a link; what the handle really is comes from the
/// kernel afterwards (Linux: <c>readlink /proc/self/fd/N</c>; Windows: <c>GetFinalPathNameByHandleW</c>, written for
/// Windows but not tested here), so a link swapped in anywhere on the path shows up as a path outside the root.
/// </summary>
internal static partial class VerifiedFile
{
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;
    private const int ELOOP = 40;
    private const int OpenReadOnly = 0;
    private const int OpenNoControllingTerminal = 0x100;
    private const int OpenNonBlocking = 0x800; // a FIFO swapped in must not hang the open; regular files ignore it
    private const int OpenCloseOnExec = 0x80000;

    /// <summary>Opens <paramref name="fullPath"/> for reading, or throws <see cref="PathRejectedException"/>.</summary>
    public static FileStream OpenRead(string fullPath, string rootWithSeparator, StringComparison comparison, bool allowHardLinks)
    {
        if (OperatingSystem.IsLinux())
        {
            return OpenLinux(fullPath, rootWithSeparator, comparison, allowHardLinks);
        }

        if (OperatingSystem.IsWindows())
        {
            return OpenWindows(fullPath, rootWithSeparator, comparison, allowHardLinks);
        }

        throw new PlatformNotSupportedException("SafeFilePath.OpenRead verifies the opened handle on Linux and Windows only.");
    }

    private static FileStream OpenLinux(string fullPath, string rootWithSeparator, StringComparison comparison, bool allowHardLinks)
    {
        int fd = Open(fullPath, OpenReadOnly | OpenNoControllingTerminal | OpenNonBlocking | OpenCloseOnExec | NoFollowFlag());
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                ENOENT or ENOTDIR => new PathRejectedException(PathRejection.NotFound),
                ELOOP => new PathRejectedException(PathRejection.OutsideRoot), // the final component became a symbolic link
                _ => new IOException("The file could not be opened (errno " + errno + ")."),
            };
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            FileKind kind = FileProbe.ProbeLinux(handle, out uint? links);
            Verify(kind, links, allowHardLinks, ReadProcLink(handle), rootWithSeparator, comparison);
            return new FileStream(handle, FileAccess.Read);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static void Verify(FileKind kind, uint? links, bool allowHardLinks, string? realPath, string rootWithSeparator, StringComparison comparison)
    {
        if (realPath is null || !realPath.StartsWith(rootWithSeparator, comparison))
        {
            throw new PathRejectedException(PathRejection.OutsideRoot);
        }

        if (kind != FileKind.File)
        {
            throw new PathRejectedException(kind == FileKind.Link ? PathRejection.OutsideRoot : PathRejection.NotFound);
        }

        if (!allowHardLinks && links is not 1)
        {
            throw new PathRejectedException(PathRejection.HardLink);
        }
    }

    /// <summary>What the kernel says <paramref name="handle"/> is open on; null when /proc cannot tell (then nothing is proven).</summary>
    public static string? ReadProcLink(SafeFileHandle handle)
    {
        bool added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            return ReadProcLink((int)handle.DangerousGetHandle());
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static unsafe string? ReadProcLink(int fd)
    {
        byte* name = stackalloc byte[32];
        var span = new Span<byte>(name, 31);
        "/proc/self/fd/"u8.CopyTo(span);
        fd.TryFormat(span[14..], out int digits, default, System.Globalization.CultureInfo.InvariantCulture);
        name[14 + digits] = 0;
        const int Capacity = 4097; // PATH_MAX + 1: a result that fills the buffer may be cut short
        byte* target = stackalloc byte[Capacity];
        nint read = ReadLink(name, target, Capacity);
        return read <= 0 || read >= Capacity ? null : Encoding.UTF8.GetString(target, (int)read);
    }

    // O_NOFOLLOW is the one open flag whose value differs between the architectures .NET runs Linux on.
    public static int NoFollowFlag() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 or Architecture.RiscV64 or Architecture.LoongArch64 or Architecture.S390x => 0x20000,
        Architecture.Arm or Architecture.Arm64 or Architecture.Armv6 or Architecture.Ppc64le => 0x8000,
        _ => throw new PlatformNotSupportedException("O_NOFOLLOW is not known for " + RuntimeInformation.ProcessArchitecture + "."),
    };

    private static unsafe FileStream OpenWindows(string fullPath, string rootWithSeparator, StringComparison comparison, bool allowHardLinks)
    {
        const uint GenericRead = 0x80000000;
        const uint ShareReadAndDelete = 0x1 | 0x4;
        const uint OpenExisting = 3;
        const uint OpenReparsePoint = 0x00200000; // the final component's link itself, not its target
        const uint FileAttributeDirectory = 0x10;
        const uint FileAttributeReparsePoint = 0x400;
        SafeFileHandle handle = CreateFile(LongPath(fullPath), GenericRead, ShareReadAndDelete, 0, OpenExisting, OpenReparsePoint, 0);
        if (handle.IsInvalid)
        {
            int error = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw error is 2 or 3 ? new PathRejectedException(PathRejection.NotFound) : new IOException("The file could not be opened (error " + error + ").");
        }

        try
        {
            uint? links = FileProbe.WindowsLinkCount(handle, out uint attributes);
            FileKind kind = (attributes & FileAttributeReparsePoint) != 0 ? FileKind.Link
                : (attributes & FileAttributeDirectory) != 0 ? FileKind.Directory
                : FileKind.File;
            Verify(kind, links, allowHardLinks, FinalPath(handle), rootWithSeparator, comparison);
            return new FileStream(handle, FileAccess.Read);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>The Windows root as the OS names it (long names, real case), so that handle paths compare with it.</summary>
    public static string FinalRootOnWindows(string root)
    {
        const uint BackupSemantics = 0x02000000; // needed to open a directory
        using SafeFileHandle handle = CreateFile(LongPath(root), 0, 0x1 | 0x2 | 0x4, 0, 3, BackupSemantics, 0);
        return handle.IsInvalid ? root : Path.TrimEndingDirectorySeparator(FinalPath(handle) ?? root);
    }

    private static unsafe string? FinalPath(SafeFileHandle handle)
    {
        const int Capacity = 32768;
        char[] buffer = new char[Capacity];
        fixed (char* start = buffer)
        {
            uint length = GetFinalPathNameByHandle(handle, start, Capacity, 0); // FILE_NAME_NORMALIZED | VOLUME_NAME_DOS
            if (length == 0 || length >= Capacity)
            {
                return null;
            }

            string path = new(start, 0, (int)length);
            return path.StartsWith(@"\\?\UNC\", StringComparison.Ordinal) ? @"\\" + path[8..]
                : path.StartsWith(@"\\?\", StringComparison.Ordinal) ? path[4..]
                : path;
        }
    }

    private static string LongPath(string path)
        => path.Length < 260 || path.StartsWith(@"\\?\", StringComparison.Ordinal) ? path
            : path.StartsWith(@"\\", StringComparison.Ordinal) ? @"\\?\UNC\" + path[2..]
            : @"\\?\" + path;

    // open(2) is variadic; without O_CREAT the mode argument is never read, and the Linux ABIs .NET runs on pass the
    // two fixed arguments of a variadic call exactly as these.
    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "readlink", SetLastError = true)]
    private static unsafe partial nint ReadLink(byte* path, byte* buffer, nuint size);

    [LibraryImport("kernel32.dll", EntryPoint = "CreateFileW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    private static partial SafeFileHandle CreateFile(string fileName, uint access, uint share, nint security, uint creation, uint flags, nint template);

    [LibraryImport("kernel32.dll", EntryPoint = "GetFinalPathNameByHandleW", SetLastError = true)]
    private static unsafe partial uint GetFinalPathNameByHandle(SafeFileHandle file, char* path, uint length, uint flags);
}
