using System;
using System.Collections.Generic;
using System.IO;

namespace Bastion.Paths;

/// <summary>
/// Resolves a syntax-checked relative path under a canonical root as the kernel would: one probe per component,
/// symbolic links followed wherever they are (a dangling one too: writing through it must not land outside the
/// root). The walk stops probing at the first component that does not exist, since nothing below a missing
/// directory can exist or be a link, so its cost is one probe per existing component, bounded by
/// <see cref="PathSyntax.MaxSegments"/> plus the links it meets (at most <see cref="MaxLinks"/>, as Linux allows).
/// </summary>
internal static class RealPath
{
    /// <summary>Links followed before giving up (Linux's ELOOP limit).</summary>
    public const int MaxLinks = 40;

    private static readonly char[] TargetSeparators = OperatingSystem.IsWindows() ? ['/', '\\'] : ['/'];

    private static readonly string Separator = Path.DirectorySeparatorChar.ToString();

    /// <summary>
    /// The real path of <paramref name="path"/>'s <paramref name="segments"/> under <paramref name="root"/> (which has no
    /// links and no trailing separator), with the kind of what it names; null when links loop, nest too deep, or a
    /// component cannot be looked at.
    /// </summary>
    public static string? Walk(string root, ReadOnlySpan<char> path, ReadOnlySpan<Range> segments, out FileKind kind, out uint? links)
    {
        string current = root;
        kind = FileKind.Directory;
        links = null;
        int existing = -1; // when >= 0: current.Length at the first missing component; below it nothing is probed
        int followed = 0;
        Stack<string>? pending = null; // segments of link targets, walked before the rest of the input
        int next = 0;
        while (true)
        {
            ReadOnlySpan<char> part;
            if (pending is { Count: > 0 })
            {
                part = pending.Pop();
            }
            else if (next < segments.Length)
            {
                part = path[segments[next++]];
            }
            else
            {
                return current;
            }

            if (part.IsEmpty || part is ".")
            {
                continue;
            }

            if (part is "..") // only from a link target: the input has none
            {
                current = Parent(current);
                if (existing >= 0 && current.Length <= existing)
                {
                    existing = -1;
                    kind = FileKind.Directory;
                }

                continue;
            }

            string candidate = string.Concat(current, current.EndsWith(Path.DirectorySeparatorChar) ? string.Empty : Separator, part);
            if (existing >= 0)
            {
                current = candidate;
                continue;
            }

            kind = FileProbe.Probe(candidate, out links);
            switch (kind)
            {
                case FileKind.Missing:
                    existing = current.Length;
                    current = candidate;
                    break;
                case FileKind.Unknown:
                    return null;
                case FileKind.Link:
                    string? target = new FileInfo(candidate).LinkTarget;
                    if (target is null || ++followed > MaxLinks)
                    {
                        return null; // replaced while we looked, or a loop
                    }

                    if (Path.IsPathRooted(target))
                    {
                        if (!Path.IsPathFullyQualified(target))
                        {
                            return null; // drive-relative ("\x", "C:x"): depends on the process's current drive
                        }

                        current = Path.GetPathRoot(target)!;
                        target = target[current.Length..];
                    }

                    pending ??= new Stack<string>();
                    string[] targetParts = target.Split(TargetSeparators, StringSplitOptions.RemoveEmptyEntries);
                    for (int i = targetParts.Length - 1; i >= 0; i--)
                    {
                        pending.Push(targetParts[i]);
                    }

                    kind = FileKind.Directory; // the link's directory, until the target's parts are walked
                    break;
                default:
                    current = candidate;
                    break;
            }
        }
    }

    /// <summary>The real path of an absolute path (every component resolved); null when links loop or a component cannot be looked at.</summary>
    public static string? OfAbsolute(string fullPath)
    {
        string root = Path.GetPathRoot(fullPath) ?? string.Empty;
        string rest = fullPath[root.Length..];
        var ranges = new List<Range>();
        foreach (Range range in rest.AsSpan().SplitAny(TargetSeparators))
        {
            ranges.Add(range);
        }

        return Walk(root.Length == 0 ? Path.DirectorySeparatorChar.ToString() : root, rest, ranges.ToArray(), out _, out _);
    }

    private static string Parent(string path)
    {
        string trimmed = Path.TrimEndingDirectorySeparator(path);
        return Path.GetDirectoryName(trimmed) ?? trimmed; // the parent of "/" is "/"
    }
}
