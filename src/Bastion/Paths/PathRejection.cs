namespace Bastion.Paths;

/// <summary>Why <see cref="SafePathResolver"/> refused a path. The value never echoes the input.</summary>
public enum PathRejection
{
    /// <summary>Accepted.</summary>
    None = 0,

    /// <summary>Empty, or only separators.</summary>
    Empty,

    /// <summary>NUL, other control characters, or U+FFFD from a broken encoding.</summary>
    ControlCharacter,

    /// <summary>Absolute, drive-relative (<c>C:x</c>), UNC (<c>\\server</c>) or device (<c>\\?\</c>, <c>\\.\</c>) form.</summary>
    Rooted,

    /// <summary>A segment named like a Windows device (<c>CON</c>, <c>NUL</c>, <c>COM1</c>, <c>LPT1</c>...), with or without extension.</summary>
    DeviceName,

    /// <summary>A <c>..</c> segment, or a look-alike that normalization would turn into one.</summary>
    ParentSegment,

    /// <summary>Characters that another layer could decode or normalize into a separator or dot (<c>%2f</c>, fullwidth forms).</summary>
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
}
