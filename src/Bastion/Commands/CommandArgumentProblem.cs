namespace Bastion.Commands;

/// <summary>Why a command argument was refused. Never carries the value.</summary>
public enum CommandArgumentProblem
{
    /// <summary>Null or empty.</summary>
    Empty = 1,

    /// <summary>Longer, in UTF-8 bytes, than the parameter's MaxLength or than the OS passes as one argument.</summary>
    TooLong,

    /// <summary>NUL, CR, LF or another control character.</summary>
    ControlCharacter,

    /// <summary>Starts with '-' and could be read as an option.</summary>
    LeadingDash,

    /// <summary>Does not match the parameter's pattern as a whole (or the match timed out).</summary>
    PatternMismatch,

    /// <summary>
    /// The command line as a whole (arguments, executable path and environment) would exceed what the OS lets one start
    /// carry (Linux ARG_MAX); the exception names the longest value, the one to shorten.
    /// </summary>
    ExceedsSystemLimit,

    /// <summary>Contains a lone UTF-16 surrogate, which cannot be passed as UTF-8 and would reach the program altered.</summary>
    InvalidText,
}
