using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Bastion.Paths;

/// <summary>
/// Turns an untrusted relative path (a route or query value, already decoded once by routing) into a
/// <see cref="SafeFilePath"/> proven to be inside a root directory, or a <see cref="PathRejection"/>.
/// It decodes nothing itself and follows symbolic links on every existing component before deciding.
/// Thread-safe; build one per root.
/// </summary>
public sealed class SafePathResolver
{
    /// <summary>Longest path accepted, in characters (Linux PATH_MAX).</summary>
    public const int MaxPathLength = 4096;

    /// <summary>Longest segment accepted, in UTF-8 bytes (NAME_MAX on common file systems).</summary>
    public const int MaxSegmentBytes = 255;

    private const int MaxLinkDepth = 40;

    // Characters another layer could decode or NFKC-normalize into '.', '/' or '\': fullwidth, small and
    // "leader" forms of the full stop, and look-alike slashes.
    private static readonly SearchValues<char> LookAlikes = SearchValues.Create(
        "\uFF0E\uFF0F\uFF3C\u2215\u2044\u29F8\uFE68\u2024\u2025\u2026\uFE52\u2216\u29F5\u29F9");

    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM\u00B9", "COM\u00B2", "COM\u00B3",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00B9", "LPT\u00B2", "LPT\u00B3",
    };

    private readonly string _root;
    private readonly string _rootWithSeparator;
    private readonly StringComparison _comparison;
    private readonly SafePathOptions _options;

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
        _comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        _root = Path.TrimEndingDirectorySeparator(RealPath(Path.GetFullPath(root), 0) ?? Path.GetFullPath(root));
        _rootWithSeparator = _root + Path.DirectorySeparatorChar;
    }

    /// <summary>The canonical root every accepted path is inside.</summary>
    public string Root => _root;

    /// <summary>Resolves <paramref name="relativePath"/>; never throws for hostile input.</summary>
    public SafePathResult Resolve(string? relativePath)
    {
        PathRejection syntax = CheckSyntax(relativePath, out List<string> segments);
        if (syntax != PathRejection.None)
        {
            return SafePathResult.Refuse(syntax);
        }

        string combined = Path.GetFullPath(Path.Combine(_root, string.Join(Path.DirectorySeparatorChar, segments)));
        if (!combined.StartsWith(_rootWithSeparator, _comparison))
        {
            return SafePathResult.Refuse(PathRejection.OutsideRoot);
        }

        string? real = RealPath(combined, 0);
        if (real is null || !real.StartsWith(_rootWithSeparator, _comparison))
        {
            return SafePathResult.Refuse(PathRejection.OutsideRoot);
        }

        bool exists = File.Exists(real);
        if (_options.MustExist && !exists)
        {
            return SafePathResult.Refuse(PathRejection.NotFound);
        }

        if (exists && !_options.AllowHardLinks && FileLinkCount.IsSupported && FileLinkCount.Get(real) is not 1)
        {
            return SafePathResult.Refuse(PathRejection.HardLink);
        }

        string relative = Path.GetRelativePath(_root, real).Replace(Path.DirectorySeparatorChar, '/');
        return new SafePathResult(new SafeFilePath(real, relative), PathRejection.None);
    }

    private PathRejection CheckSyntax(string? path, out List<string> segments)
    {
        segments = new List<string>();
        if (string.IsNullOrEmpty(path))
        {
            return PathRejection.Empty;
        }

        if (path.Length > MaxPathLength)
        {
            return PathRejection.TooLong;
        }

        foreach (char c in path)
        {
            if (char.IsControl(c) || c == '\uFFFD' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return PathRejection.ControlCharacter;
            }
        }

        if (path[0] is '/' or '\\' || (path.Length >= 2 && path[1] == ':'))
        {
            return PathRejection.Rooted;
        }

        if (path.Contains(':', StringComparison.Ordinal))
        {
            return PathRejection.Colon;
        }

        if (path.AsSpan().ContainsAny(LookAlikes) || ContainsPercentEncoding(path))
        {
            return PathRejection.EncodedOrLookAlike;
        }

        foreach (string segment in path.Split('/', '\\'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            PathRejection rejection = CheckSegment(segment);
            if (rejection != PathRejection.None)
            {
                return rejection;
            }

            segments.Add(segment);
        }

        if (segments.Count == 0)
        {
            return PathRejection.Empty;
        }

        if (!_options.AllowSubdirectories && segments.Count > 1)
        {
            return PathRejection.SubdirectoryNotAllowed;
        }

        if (_options.AllowedExtensions.Count > 0)
        {
            string extension = Path.GetExtension(segments[^1]);
            bool allowed = false;
            foreach (string candidate in _options.AllowedExtensions)
            {
                allowed |= string.Equals(candidate, extension, StringComparison.OrdinalIgnoreCase);
            }

            if (!allowed)
            {
                return PathRejection.ExtensionNotAllowed;
            }
        }

        return PathRejection.None;
    }

    private static PathRejection CheckSegment(string segment)
    {
        if (segment.AsSpan().TrimStart('.').IsEmpty)
        {
            return PathRejection.ParentSegment; // "..", "...", ...: parent references on some systems
        }

        if (segment[^1] is '.' or ' ')
        {
            return PathRejection.TrailingDotOrSpace;
        }

        int dot = segment.IndexOf('.', StringComparison.Ordinal);
        string stem = (dot < 0 ? segment : segment[..dot]).TrimEnd(' ');
        if (DeviceNames.Contains(stem))
        {
            return PathRejection.DeviceName;
        }

        return Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes ? PathRejection.TooLong : PathRejection.None;
    }

    private static bool ContainsPercentEncoding(string path)
    {
        for (int i = path.IndexOf('%', StringComparison.Ordinal); i >= 0; i = path.IndexOf('%', i + 1))
        {
            if (i + 2 < path.Length && char.IsAsciiHexDigit(path[i + 1]) && char.IsAsciiHexDigit(path[i + 2]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The path with every symbolic link on it resolved (like realpath(3)); components that do not exist
    /// are kept as written. Null when links loop or nest deeper than <see cref="MaxLinkDepth"/>.
    /// </summary>
    private static string? RealPath(string fullPath, int depth)
    {
        if (depth > MaxLinkDepth)
        {
            return null;
        }

        string? rootPart = Path.GetPathRoot(fullPath);
        string current = rootPart ?? string.Empty;
        string[] parts = fullPath[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            string next = Path.Combine(current, parts[i]);
            // LinkTarget reads the link itself, so a dangling link (whose target does not exist yet) is
            // followed too: writing through it must not land outside the root.
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not null)
            {
                FileSystemInfo? target = info.ResolveLinkTarget(returnFinalTarget: false);
                if (target is null)
                {
                    return null;
                }

                string? resolved = RealPath(Path.GetFullPath(target.FullName), depth + 1);
                if (resolved is null)
                {
                    return null;
                }

                next = resolved;
            }

            current = next;
        }

        return current;
    }
}
