using System;
using System.IO;
using System.Linq;

namespace Bastion.Paths;

/// <summary>
/// Turns an untrusted relative path (a route or query value, already decoded once by routing) into a
/// <see cref="SafeFilePath"/> proven to be inside a root directory, or a <see cref="PathRejection"/>.
/// It decodes nothing itself: the syntax is refused when any common layer could read it as something other than
/// plain names (<see cref="PathSyntax"/>), and symbolic links are followed on every existing component before
/// deciding. The cost is linear in the input and bounded by <see cref="MaxPathLength"/> and
/// <see cref="MaxSegments"/>, which are checked first. Thread-safe; build one per root.
/// </summary>
public sealed class SafePathResolver
{
    /// <summary>Longest path accepted, in UTF-16 characters (Linux PATH_MAX); checked before anything else.</summary>
    public const int MaxPathLength = PathSyntax.MaxPathLength;

    /// <summary>Most segments accepted (separators plus one, counted before anything else); each existing one costs one file-system probe.</summary>
    public const int MaxSegments = PathSyntax.MaxSegments;

    /// <summary>Longest segment accepted, in UTF-8 bytes (NAME_MAX on common file systems).</summary>
    public const int MaxSegmentBytes = PathSyntax.MaxSegmentBytes;

    /// <summary>Longest full path (root, separators and segments) in UTF-8 bytes, its terminating NUL included (Linux PATH_MAX).</summary>
    public const int MaxPathBytes = 4096;

    private readonly string _root;
    private readonly string _rootWithSeparator;
    private readonly string _verifiedRootWithSeparator;
    private readonly StringComparison _comparison;
    private readonly SafePathOptions _options;
    private readonly string[] _extensions;
    private readonly int _rootBytes;

    /// <summary>Creates a resolver for the existing directory <paramref name="root"/> (symbolic links in it are resolved once).</summary>
    public SafePathResolver(string root, SafePathOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (!Path.IsPathFullyQualified(root))
        {
            throw new ArgumentException("The root must be an absolute path.", nameof(root));
        }

        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException("The root directory does not exist: " + root);
        }

        _options = options ?? new SafePathOptions();
        _extensions = _options.AllowedExtensions.ToArray();
        _comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        string full = Path.GetFullPath(root);
        string? real = LinuxRealPath.IsAvailable ? LinuxRealPath.Resolve(full, out _, out _) : RealPath.OfAbsolute(full);
        _root = Path.TrimEndingDirectorySeparator(real ?? full);
        _rootWithSeparator = _root + Path.DirectorySeparatorChar;
        _rootBytes = System.Text.Encoding.UTF8.GetByteCount(_root);
        _verifiedRootWithSeparator = (OperatingSystem.IsWindows() ? VerifiedFile.FinalRootOnWindows(_root) : _root) + Path.DirectorySeparatorChar;
    }

    /// <summary>Walks with .NET's file APIs even where the kernel walk is available (tests compare the two).</summary>
    internal bool UsePortableWalk { get; init; }

    /// <summary>The canonical root every accepted path is inside.</summary>
    public string Root => _root;

    /// <summary>Resolves <paramref name="relativePath"/>; never throws for hostile input.</summary>
    public SafePathResult Resolve(string? relativePath)
    {
        Span<Range> segments = stackalloc Range[PathSyntax.MaxSegments];
        PathRejection syntax = PathSyntax.Check(relativePath, _extensions, _options.AllowSubdirectories, segments, out int count, out int bytes);
        if (syntax != PathRejection.None)
        {
            return SafePathResult.Refuse(syntax);
        }

        if (_rootBytes + bytes >= MaxPathBytes)
        {
            return SafePathResult.Refuse(PathRejection.TooLong); // no system call could name it
        }

        string? real = LinuxRealPath.IsAvailable && !UsePortableWalk
            ? LinuxRealPath.Resolve(Join(relativePath, segments[..count]), out FileKind kind, out uint? links)
            : RealPath.Walk(_root, relativePath, segments[..count], out kind, out links);
        if (real is null || !real.StartsWith(_rootWithSeparator, _comparison))
        {
            return SafePathResult.Refuse(PathRejection.OutsideRoot);
        }

        if (_options.MustExist && kind != FileKind.File)
        {
            return SafePathResult.Refuse(PathRejection.NotFound); // missing, a directory, or a FIFO, socket or device
        }

        if (kind == FileKind.File && !_options.AllowHardLinks && FileProbe.CountsLinks && links is not 1)
        {
            return SafePathResult.Refuse(PathRejection.HardLink);
        }

        string relative = real[_rootWithSeparator.Length..];
        if (Path.DirectorySeparatorChar != '/')
        {
            relative = relative.Replace(Path.DirectorySeparatorChar, '/');
        }

        return new SafePathResult(new SafeFilePath(real, relative, this), PathRejection.None);
    }

    /// <summary>The root and the segments joined with the separator, in one allocation (at most a few KB of stack).</summary>
    private string Join(ReadOnlySpan<char> path, ReadOnlySpan<Range> segments)
    {
        int length = _root.Length;
        foreach (Range segment in segments)
        {
            length += 1 + segment.GetOffsetAndLength(path.Length).Length;
        }

        Span<char> joined = length <= 8192 ? stackalloc char[length] : new char[length];
        _root.CopyTo(joined);
        int at = _root.Length;
        foreach (Range segment in segments)
        {
            joined[at++] = Path.DirectorySeparatorChar;
            path[segment].CopyTo(joined[at..]);
            at += segment.GetOffsetAndLength(path.Length).Length;
        }

        return new string(joined);
    }

    /// <summary>Opens an accepted path for reading, verified on the handle (see <see cref="SafeFilePath.OpenRead"/>).</summary>
    internal FileStream OpenRead(string fullPath)
        => VerifiedFile.OpenRead(fullPath, _verifiedRootWithSeparator, _comparison, _options.AllowHardLinks || !FileProbe.CountsLinks);
}
