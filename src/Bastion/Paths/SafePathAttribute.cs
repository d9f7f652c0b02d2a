using System;

namespace Bastion;

/// <summary>
/// Binds a <see cref="Paths.SafeFilePath"/> handler parameter from a route or query value, or a
/// <see cref="Paths.SafeFilePath"/> member of a JSON request record, through <see cref="Paths.SafePathResolver"/>:
/// the handler only ever sees a path proven to be inside the root. Refusals are 400 (404 for
/// <see cref="MustExist"/> on a route or query value) problem details that never echo the path.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class SafePathAttribute : Attribute
{
    /// <summary>
    /// The root: a configuration key whose value is a directory (for example <c>"Uploads:Root"</c>), or a
    /// directory path. Relative directories are taken from the app's content root.
    /// </summary>
    public string Root { get; set; } = string.Empty;

    /// <summary>Whether the value may name something in a subdirectory (default true).</summary>
    public bool AllowSubdirectories { get; set; } = true;

    /// <summary>Allowed extensions including the dot (".pdf"); empty means any.</summary>
    public string[] AllowedExtensions { get; set; } = [];

    /// <summary>Whether the file must exist; a missing one is a 404.</summary>
    public bool MustExist { get; set; }
}
