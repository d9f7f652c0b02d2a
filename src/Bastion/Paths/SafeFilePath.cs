using System;
using System.IO;
using System.Text.Json.Serialization;

namespace Bastion.Paths;

/// <summary>
/// A path proven to be inside a root by <see cref="SafePathResolver"/>. Handlers receive this instead of the
/// raw string, so the unchecked value cannot be used by accident.
/// </summary>
/// <remarks>
/// As a member of a JSON request record (with <see cref="SafePathAttribute"/>), the value read from JSON is
/// held unresolved until Bastion's generated validation resolves it under the member's root or refuses the
/// request; reading <see cref="FullPath"/> of a value that was never resolved throws. Written to JSON it is
/// its <see cref="RelativePath"/>, never the server path.
/// </remarks>
[JsonConverter(typeof(SafeFilePathJsonConverter))]
public readonly struct SafeFilePath : IEquatable<SafeFilePath>
{
    private readonly string? _fullPath;
    private readonly string? _relativePath;
    private readonly string? _unresolved;
    private readonly SafePathResolver? _resolver;

    internal SafeFilePath(string fullPath, string relativePath, SafePathResolver resolver)
    {
        _fullPath = fullPath;
        _relativePath = relativePath;
        _unresolved = null;
        _resolver = resolver;
    }

    private SafeFilePath(string unresolved)
    {
        _fullPath = null;
        _relativePath = null;
        _unresolved = unresolved;
        _resolver = null;
    }

    /// <summary>Whether a resolver proved this path inside its root.</summary>
    public bool IsResolved => _fullPath is not null;

    /// <summary>The canonical absolute path, inside the root.</summary>
    /// <exception cref="InvalidOperationException">The value was never resolved.</exception>
    public string FullPath => _fullPath ?? throw NotResolved();

    /// <summary>The path relative to the root, with '/' separators.</summary>
    /// <exception cref="InvalidOperationException">The value was never resolved.</exception>
    public string RelativePath => _relativePath ?? throw NotResolved();

    /// <summary>The file name (last segment of <see cref="RelativePath"/>), for a download's name.</summary>
    /// <exception cref="InvalidOperationException">The value was never resolved.</exception>
    public string FileName => Path.GetFileName(RelativePath);

    /// <summary>
    /// Opens the file for reading the safe way: the final component is opened without following a symbolic link, and
    /// before any byte is read the opened handle is checked to be a regular file whose real path (as the kernel reports
    /// it for the handle) is inside the root, with one link unless the resolver allows hard links. A link swapped in
    /// anywhere on the path after <see cref="SafePathResolver.Resolve"/> is caught here. Serve the stream instead of
    /// reopening <see cref="FullPath"/> (for example <c>TypedResults.File(path.OpenRead(), ...)</c>).
    /// </summary>
    /// <exception cref="PathRejectedException">The file is gone or is not the verified file inside the root; nothing was read.</exception>
    /// <exception cref="InvalidOperationException">The value was never resolved.</exception>
    /// <exception cref="PlatformNotSupportedException">Not on Linux or Windows (the handle's path cannot be read the same way).</exception>
    public FileStream OpenRead() => (_resolver ?? throw NotResolved()).OpenRead(FullPath);

    /// <summary>The text as received, before resolution (for Bastion's generated code).</summary>
    internal string? Unresolved => _unresolved;

    /// <inheritdoc/>
    public bool Equals(SafeFilePath other)
        => string.Equals(_fullPath, other._fullPath, StringComparison.Ordinal)
           && string.Equals(_relativePath, other._relativePath, StringComparison.Ordinal)
           && string.Equals(_unresolved, other._unresolved, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SafeFilePath other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_fullPath, _relativePath, _unresolved);

    /// <summary>The relative path, or a placeholder while unresolved (the raw value is never shown).</summary>
    public override string ToString() => _relativePath ?? "(unresolved path)";

    /// <summary>Equality.</summary>
    public static bool operator ==(SafeFilePath left, SafeFilePath right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(SafeFilePath left, SafeFilePath right) => !left.Equals(right);

    internal static SafeFilePath FromUnresolved(string value) => new(value);

    private static InvalidOperationException NotResolved()
        => new("This SafeFilePath was never resolved: bind it with [SafePath] (Bastion resolves it before the handler runs) or use SafePathResolver.Resolve.");
}
