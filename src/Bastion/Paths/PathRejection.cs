namespace Bastion.Paths;

/// <summary>Why <see cref="SafePathResolver"/> refused a path. The value never echoes the input.</summary>
public enum PathRejection
{
    /// <summary>Accepted.</summary>
    None = 0,

    /// <summary>Empty, or only separators.</summary>
    Empty,

    /// <summary>
    /// NUL and other control characters, U+FFFD from a broken encoding, lone surrogates, invisible format characters,
    /// line and paragraph separators, or unassigned code points (a newer normalization table could map them to anything).
    /// </summary>
    ControlCharacter,

    /// <summary>Absolute, drive-relative (<c>C:x</c>), UNC (<c>\\server</c>) or device (<c>\\?\</c>, <c>\\.\</c>) form.</summary>
    Rooted,

    /// <summary>A segment named like a Windows device (<c>CON</c>, <c>NUL</c>, <c>COM1</c>, <c>LPT1</c>...), with or without extension.</summary>
    DeviceName,

    /// <summary>
    /// A segment that some layer reads as <c>..</c> or <c>.</c>: all dots, or dots with trailing spaces (Windows strips
    /// them), combining marks (accent-stripping layers drop them) or a <c>;</c>, <c>?</c> or <c>#</c> part (URL layers cut
    /// there: <c>..;x</c> is <c>..</c> to a servlet container).
    /// </summary>
    ParentSegment,

    /// <summary>
    /// An escape another layer could decode (<c>%2f</c>, <c>%252e</c>, <c>%u002e</c>) or a character that Unicode
    /// normalization or Windows best-fit turns into a dot, separator, colon or percent sign (fullwidth <c>．／</c>, <c>‥</c>,
    /// <c>∕</c>, <c>¥</c>...; the generated look-alike table).
    /// </summary>
    EncodedOrLookAlike,

    /// <summary>A colon (alternate data stream or drive syntax).</summary>
    Colon,

    /// <summary>A segment ending in a dot or space, which Windows silently strips.</summary>
    TrailingDotOrSpace,

    /// <summary>A segment or the whole path is longer than the file system allows.</summary>
    TooLong,

    /// <summary>Subdirectories are not allowed by the options.</summary>
    SubdirectoryNotAllowed,

    /// <summary>The extension is not in the allowed list.</summary>
    ExtensionNotAllowed,

    /// <summary>The resolved path (after following symbolic links) is outside the root.</summary>
    OutsideRoot,

    /// <summary>The file does not exist and the options require it to (answer 404, not 400).</summary>
    NotFound,

    /// <summary>
    /// The file exists with more than one hard link (another name for it may be outside the root), or its link
    /// count could not be read.
    /// </summary>
    HardLink,

    /// <summary>More than <see cref="SafePathResolver.MaxSegments"/> segments (a cap on the work one value can cause).</summary>
    TooManySegments,
}
