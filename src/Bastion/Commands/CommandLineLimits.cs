using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Bastion.Commands;

/// <summary>
/// What the operating system lets one program start carry, counted the way it counts, so a value over the limit is
/// refused before a process exists instead of making the start fail (E2BIG on Linux, where the child never runs).
/// Linux (tested here): each argument and environment string at most <see cref="LinuxMaxArgumentBytes"/> UTF-8 bytes
/// (MAX_ARG_STRLEN less its NUL); all of them, each with its NUL, plus one pointer each, within the stack-derived
/// ARG_MAX (<c>getconf ARG_MAX</c>: a quarter of RLIMIT_STACK, at least 128 KiB, at most the kernel's 6 MiB), with
/// headroom for a <c>#!</c> interpreter line. Windows (not tested here): a 32,767-character command line, each argument
/// counted as if quoting doubled it. Other Unix systems: <c>sysconf(_SC_ARG_MAX)</c> for the whole.
/// </summary>
public static partial class CommandLineLimits
{
    /// <summary>Linux MAX_ARG_STRLEN (32 pages) less the terminating NUL: the longest single argument or environment string.</summary>
    public const int LinuxMaxArgumentBytes = 131_071;

    private const long LinuxFloor = 128 * 1024;          // the kernel always allows 32 pages
    private const long LinuxCeiling = 6 * 1024 * 1024;   // _STK_LIM / 4 * 3, whatever the stack limit
    private const int WindowsCommandLineChars = 32_767;
    private const int InterpreterHeadroom = 512;         // "#!" line: interpreter path and argument (BINPRM_BUF_SIZE 256) plus pointers

    /// <summary>The longest single argument, in UTF-8 bytes, the OS passes (Linux 131,071; Windows 16,000, a doubled argument must fit the command line).</summary>
    public static int MaxArgumentBytes { get; } = OperatingSystem.IsWindows() ? 16_000
        : OperatingSystem.IsLinux() ? LinuxMaxArgumentBytes
        : (int)Math.Min(int.MaxValue, MaxTotalBytes());

    /// <summary>
    /// The budget for the executable path, arguments and environment of one start, in the units <see cref="Measure"/>
    /// uses. Read on each call: the stack limit it derives from can change while the app runs.
    /// </summary>
    public static long MaxTotalBytes()
    {
        if (OperatingSystem.IsWindows())
        {
            return WindowsCommandLineChars - 1;
        }

        long reported = 0;
        try
        {
            reported = SystemConfiguration(OperatingSystem.IsLinux() ? 0 : 1); // _SC_ARG_MAX: 0 on Linux, 1 on macOS and the BSDs
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
        }

        return OperatingSystem.IsLinux()
            ? Math.Clamp(reported, LinuxFloor, LinuxCeiling)
            : reported > 0 ? reported : LinuxFloor;
    }

    /// <summary>
    /// What starting <paramref name="startInfo"/> costs against <see cref="MaxTotalBytes"/>: on Unix every string the
    /// kernel copies (the executable path, argv[0] — .NET passes the path again —, each argument, each
    /// <c>NAME=value</c> of the environment) in UTF-8 with its NUL, a pointer for each, and headroom for a <c>#!</c>
    /// line; on Windows the command line with every argument quoted and its characters doubled. Sets
    /// <paramref name="longestString"/> to the longest single string (against <see cref="MaxArgumentBytes"/>).
    /// </summary>
    public static long Measure(ProcessStartInfo startInfo, out int longestString)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        longestString = 0;
        if (OperatingSystem.IsWindows())
        {
            long chars = startInfo.FileName.Length + 3;
            foreach (string argument in startInfo.ArgumentList)
            {
                chars += (2L * argument.Length) + 3;
                longestString = Math.Max(longestString, Encoding.UTF8.GetByteCount(argument));
            }

            return chars;
        }

        int pointers = 1 + startInfo.ArgumentList.Count;
        int path = Encoding.UTF8.GetByteCount(startInfo.FileName);
        longestString = path;
        long total = (2L * (path + 1)) + InterpreterHeadroom + path + 1;
        foreach (string argument in startInfo.ArgumentList)
        {
            int bytes = Encoding.UTF8.GetByteCount(argument);
            longestString = Math.Max(longestString, bytes);
            total += bytes + 1;
        }

        foreach (KeyValuePair<string, string?> variable in startInfo.Environment)
        {
            if (variable.Value is null)
            {
                continue; // .NET leaves a variable with a null value out of the child's environment
            }

            int bytes = Encoding.UTF8.GetByteCount(variable.Key) + 1 + Encoding.UTF8.GetByteCount(variable.Value);
            longestString = Math.Max(longestString, bytes);
            total += bytes + 1;
            pointers++;
        }

        return total + ((long)pointers * IntPtr.Size);
    }

    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial nint SystemConfiguration(int name);
}
