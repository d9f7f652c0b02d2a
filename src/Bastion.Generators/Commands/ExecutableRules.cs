using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Bastion.Generators.Commands;

/// <summary>
/// What a [SafeCommand] executable may be: an absolute, normalized path to a program that does not treat
/// its arguments as code. Shells, command runners and script interpreters are refused: with them, a
/// validated value is one quoting mistake away from being executed.
/// </summary>
internal static class ExecutableRules
{
    private static readonly HashSet<string> Refused = new(StringComparer.OrdinalIgnoreCase)
    {
        // shells
        "sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "csh", "tcsh", "fish", "rbash", "busybox", "cmd", "powershell", "powershell_ise", "pwsh",
        // programs that run another command line
        "env", "sudo", "su", "doas", "runuser", "xargs", "nohup", "nice", "ionice", "setsid", "stdbuf", "timeout", "watch", "script", "chroot", "unshare", "nsenter", "flock", "strace", "ssh",
        // interpreters that execute their arguments
        "node", "nodejs", "deno", "bun", "osascript", "wscript", "cscript", "mshta", "rundll32", "regsvr32", "tclsh", "wish", "awk", "gawk", "mawk", "nawk", "expect",
    };

    private static readonly Regex VersionedInterpreter = new("^(python|perl|ruby|php|lua|luajit|pypy)[0-9.]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly string[] ScriptExtensions = [".bat", ".cmd", ".ps1", ".psm1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh", ".hta", ".sh", ".py", ".pl", ".rb"];

    /// <summary>Null when the path is acceptable, else why not (for BAS1202).</summary>
    public static string? PathProblem(string executable)
    {
        bool unixAbsolute = executable.StartsWith("/", StringComparison.Ordinal);
        bool windowsAbsolute = executable.Length >= 3 && char.IsLetter(executable[0]) && executable[1] == ':' && (executable[2] == '\\' || executable[2] == '/');
        if (!unixAbsolute && !windowsAbsolute)
        {
            return "it is not an absolute path, so PATH or the working directory would choose the program";
        }

        foreach (string segment in executable.Split('/', '\\'))
        {
            if (segment == "." || segment == "..")
            {
                return "it contains '.' or '..' segments; write the normalized path";
            }
        }

        foreach (char c in executable)
        {
            if (char.IsControl(c))
            {
                return "it contains a control character";
            }
        }

        return executable.EndsWith("/", StringComparison.Ordinal) || executable.EndsWith("\\", StringComparison.Ordinal)
            ? "it names a directory"
            : null;
    }

    /// <summary>True when the program is a shell, command runner or interpreter (for BAS1203).</summary>
    public static bool IsShellOrInterpreter(string executable)
    {
        string name = FileName(executable);
        foreach (string extension in ScriptExtensions)
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        if (name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".com", StringComparison.OrdinalIgnoreCase))
        {
            name = name.Substring(0, name.Length - 4);
        }

        return Refused.Contains(name) || VersionedInterpreter.IsMatch(name);
    }

    private static string FileName(string path)
    {
        int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? path : path.Substring(slash + 1);
    }
}
