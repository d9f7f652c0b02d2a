using System;

namespace Bastion;

/// <summary>
/// A value that a <see cref="SafeCommandAttribute"/> method passes to its program. Before the process starts
/// the value is refused (with <see cref="Commands.CommandArgumentException"/>) when it is empty, longer than
/// <see cref="MaxLength"/> UTF-8 bytes, contains NUL, CR, LF or another control character or a lone surrogate, starts
/// with '-' (unless <see cref="AllowLeadingDash"/>), or does not match <see cref="Pattern"/> as a whole; and when all
/// values together would exceed what the OS lets one program start carry (<see cref="Commands.CommandLineLimits"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class CommandArgAttribute : Attribute
{
    /// <summary>A regular expression the whole value must match (checked at compile time; matched with a timeout).</summary>
    public string? Pattern { get; set; }

    /// <summary>
    /// Longest value accepted, in UTF-8 bytes (default 256), and never more than the OS passes as one argument
    /// (<see cref="Commands.CommandLineLimits.MaxArgumentBytes"/>: 131,071 on Linux).
    /// </summary>
    public int MaxLength { get; set; } = 256;

    /// <summary>Whether a value may start with '-' and so look like an option to the program (default false).</summary>
    public bool AllowLeadingDash { get; set; }

    /// <summary>Milliseconds the pattern may run before the value is refused (default 1000).</summary>
    public int PatternTimeoutMilliseconds { get; set; } = 1000;
}
