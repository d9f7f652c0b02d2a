namespace Bastion.Commands;

/// <summary>Why a command argument was refused. Never carries the value.</summary>
public enum CommandArgumentProblem
{
    /// <summary>Null or empty.</summary>
    Empty = 1,

    /// <summary>Longer than the parameter's MaxLength.</summary>
    TooLong,

    /// <summary>NUL, CR, LF or another control character.</summary>
    ControlCharacter,

    /// <summary>Starts with '-' and could be read as an option.</summary>
    LeadingDash,

    /// <summary>Does not match the parameter's pattern as a whole (or the match timed out).</summary>
    PatternMismatch,
}
