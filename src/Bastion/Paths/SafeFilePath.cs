namespace Bastion.Paths;

/// <summary>
/// A path proven to be inside a root by <see cref="SafePathResolver"/>. Handlers receive this instead of the
/// raw string, so the unchecked value cannot be used by accident.
/// </summary>
/// <param name="FullPath">The canonical absolute path, inside the root.</param>
/// <param name="RelativePath">The path relative to the root, with '/' separators.</param>
public readonly record struct SafeFilePath(string FullPath, string RelativePath);
