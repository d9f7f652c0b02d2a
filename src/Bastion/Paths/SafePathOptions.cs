using System;
using System.Collections.Generic;

namespace Bastion.Paths;

/// <summary>What <see cref="SafePathResolver"/> accepts under its root.</summary>
public sealed class SafePathOptions
{
    /// <summary>Whether the path may name something in a subdirectory of the root (default true).</summary>
    public bool AllowSubdirectories { get; init; } = true;

    /// <summary>Allowed extensions including the dot (".pdf"); empty means any. Compared case-insensitively.</summary>
    public IReadOnlyCollection<string> AllowedExtensions { get; init; } = Array.Empty<string>();

    /// <summary>Whether the file must exist (a missing one is <see cref="PathRejection.NotFound"/>).</summary>
    public bool MustExist { get; init; }

    /// <summary>
    /// Whether an existing file with more than one hard link is accepted (default false). Another name for the
    /// same data may sit outside the root, and nothing on the path shows it; refuse unless the folder is known
    /// to use hard links on purpose (some backup and deduplication tools do). Checked on Linux and Windows; on
    /// other systems the count is not read.
    /// </summary>
    public bool AllowHardLinks { get; init; }
}
