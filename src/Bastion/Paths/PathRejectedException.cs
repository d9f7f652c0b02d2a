using System.IO;

namespace Bastion.Paths;

/// <summary>
/// <see cref="SafeFilePath.OpenRead"/> found, on the opened handle, that the file is no longer the one that was
/// resolved: it is gone (<see cref="PathRejection.NotFound"/>), a symbolic link was swapped in, its real path is outside
/// the root (<see cref="PathRejection.OutsideRoot"/>), or it gained a hard link. Nothing was read. The message carries
/// the reason, never the path, so it is safe to log; after <c>UseBastion()</c> an unhandled one is a 404 (missing) or
/// 400 problem response, not a 500.
/// </summary>
public sealed class PathRejectedException : IOException
{
    /// <summary>Creates the exception for <paramref name="rejection"/>.</summary>
    public PathRejectedException(PathRejection rejection)
        : base(rejection == PathRejection.NotFound ? "The file no longer exists." : "The file could not be verified inside its root.")
        => Rejection = rejection;

    /// <summary>Why the file was refused.</summary>
    public PathRejection Rejection { get; }

    /// <summary>The HTTP status to answer with: 404 for a missing file, otherwise 400.</summary>
    public int StatusCode => Rejection == PathRejection.NotFound ? 404 : 400;
}
