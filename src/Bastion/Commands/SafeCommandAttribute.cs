using System;

namespace Bastion;

/// <summary>
/// Implements a <c>static partial</c> method returning <c>Task&lt;CommandResult&gt;</c> that runs one
/// allow-listed executable with no shell. The arguments are passed one by one through
/// <see cref="System.Diagnostics.ProcessStartInfo.ArgumentList"/>; an argument written <c>"{name}"</c> is
/// the method parameter <c>name</c> (which must carry <see cref="CommandArgAttribute"/>), checked before any
/// process starts. Put <c>"--"</c> before operands so a value can never be read as an option.
/// </summary>
/// <example><code>
/// [SafeCommand("/usr/bin/ping", "-c", "1", "--", "{host}", TimeoutSeconds = 5, MaxOutputBytes = 65536)]
/// public static partial Task&lt;CommandResult&gt; Ping([CommandArg(Pattern = "^[A-Za-z0-9.-]{1,253}$")] string host, CancellationToken ct = default);
/// </code></example>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class SafeCommandAttribute : Attribute
{
    /// <param name="executable">The absolute path of the program; shells and interpreters are refused at compile time.</param>
    /// <param name="arguments">Fixed arguments and <c>"{parameter}"</c> placeholders, in order.</param>
    public SafeCommandAttribute(string executable, params string[] arguments)
    {
        Executable = executable;
        Arguments = arguments;
    }

    /// <summary>The absolute path of the program.</summary>
    public string Executable { get; }

    /// <summary>The argument template.</summary>
    public string[] Arguments { get; }

    /// <summary>Wall-clock limit; when it passes, the process and all its descendants are killed (default 10).</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Bytes kept from each of standard output and standard error; the rest is read and dropped (default 1 MiB).</summary>
    public int MaxOutputBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Names of environment variables copied from this process; every other variable is removed, so secrets
    /// in the app's environment never reach the child. Empty by default.
    /// </summary>
    public string[] Environment { get; set; } = [];

    /// <summary>
    /// Allows a placeholder inside a larger argument (<c>"--name={x}"</c>). Off by default: a value glued to an
    /// option is easy to misread; prefer a separate argument after <c>"--"</c>.
    /// </summary>
    public bool AllowEmbeddedPlaceholders { get; set; }
}
