using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Bastion.Text;

namespace Bastion.Paths;

/// <summary>
/// The syntax half of <see cref="SafePathResolver"/>: decides from the text alone, in one linear pass with the caps
/// checked first, whether a relative path could mean anything but plain names under the root to any common layer
/// (percent decoding, Unicode normalization, Windows best-fit and name rules, URL parsing with path parameters), and
/// finds its segments. Allocates nothing.
/// </summary>
internal static class PathSyntax
{
    /// <summary>Longest path accepted, in UTF-16 characters (checked before anything else).</summary>
    public const int MaxPathLength = 4096;

    /// <summary>Most segments accepted, counted as separators plus one before anything else (empty and <c>.</c> ones too).</summary>
    public const int MaxSegments = 32;

    /// <summary>Longest segment accepted, in UTF-8 bytes (NAME_MAX on common file systems).</summary>
    public const int MaxSegmentBytes = 255;

    private const int LongestDeviceName = 7; // CONOUT$

    private static readonly SearchValues<char> Separators = SearchValues.Create("/\\");

    private static readonly CharBitmap NeedsALook = new(NeedsALookAt);

    private static readonly CharBitmap CutLookAlikes = new(static c => char.IsHighSurrogate(c)
        || (LookAlikes.KindsOf(c) & (LookAlikeKinds.Semicolon | LookAlikeKinds.Question | LookAlikeKinds.Hash)) != 0);

    // Where a URL-based layer ends a segment's name: ';' starts a path parameter (servlet containers strip it, so
    // "..;x" is ".." there), '?' and '#' end the path when the value is put in a URL.
    private static readonly SearchValues<char> SegmentCuts = SearchValues.Create(";?#");

    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM\u00B9", "COM\u00B2", "COM\u00B3",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00B9", "LPT\u00B2", "LPT\u00B3",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DeviceNameLookup = DeviceNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Checks <paramref name="path"/> and writes the ranges of its name segments (empty and <c>.</c> segments left
    /// out) to <paramref name="segments"/>, which must hold <see cref="MaxSegments"/> ranges; <paramref name="bytes"/>
    /// is their UTF-8 length with one separator before each (what they add to the root's length).
    /// </summary>
    public static PathRejection Check(ReadOnlySpan<char> path, string[] allowedExtensions, bool allowSubdirectories, Span<Range> segments, out int count, out int bytes)
    {
        count = 0;
        bytes = 0;
        if (path.IsEmpty)
        {
            return PathRejection.Empty;
        }

        if (path.Length > MaxPathLength)
        {
            return PathRejection.TooLong;
        }

        if (path.Count('/') + path.Count('\\') >= MaxSegments)
        {
            return PathRejection.TooManySegments;
        }

        PathRejection characters = CheckCharacters(path);
        if (characters == PathRejection.ControlCharacter)
        {
            return characters;
        }

        if (path[0] is '/' or '\\' || (path.Length >= 2 && path[1] == ':'))
        {
            return PathRejection.Rooted;
        }

        if (path.Contains(':'))
        {
            return PathRejection.Colon;
        }

        if (characters != PathRejection.None || ContainsEscape(path))
        {
            return PathRejection.EncodedOrLookAlike;
        }

        for (int start = 0; start <= path.Length;)
        {
            int length = path[start..].IndexOfAny(Separators);
            length = length < 0 ? path.Length - start : length;
            ReadOnlySpan<char> segment = path.Slice(start, length);
            if (!segment.IsEmpty && segment is not ".")
            {
                PathRejection rejection = CheckSegment(segment, out int segmentBytes);
                if (rejection != PathRejection.None)
                {
                    return rejection;
                }

                bytes += 1 + segmentBytes;
                segments[count++] = new Range(start, start + length);
            }

            start += length + 1;
        }

        if (count == 0)
        {
            return PathRejection.Empty;
        }

        if (!allowSubdirectories && count > 1)
        {
            return PathRejection.SubdirectoryNotAllowed;
        }

        ReadOnlySpan<char> name = path[segments[count - 1]];
        return allowedExtensions.Length == 0 || (HasAllowedExtension(name, allowedExtensions) && HasAllowedExtension(name[..CutAt(name)], allowedExtensions))
            ? PathRejection.None
            : PathRejection.ExtensionNotAllowed;
    }

    /// <summary>
    /// <see cref="PathRejection.ControlCharacter"/> for NUL and other controls, U+FFFD (a broken encoding), lone
    /// surrogates, format, line and paragraph separators, and unassigned code points (a newer normalization table
    /// could map them to anything); <see cref="PathRejection.EncodedOrLookAlike"/> for a character that another
    /// layer could turn into a dot, separator, colon or percent sign (the generated table); otherwise None. One
    /// vectorized scan finds the characters that need a closer look; ordinary text of any script has none.
    /// </summary>
    private static PathRejection CheckCharacters(ReadOnlySpan<char> path)
    {
        PathRejection found = PathRejection.None;
        int printableAscii = path.IndexOfAnyExceptInRange(' ', '~'); // most paths end here, in one vectorized scan
        for (int i = printableAscii < 0 ? -1 : NeedsALook.IndexOfAny(path, printableAscii); i >= 0; i = NeedsALook.IndexOfAny(path, i + 1))
        {
            char c = path[i];
            int length = 1;
            UnicodeCategory category;
            if (char.IsHighSurrogate(c) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1]))
            {
                length = 2;
                category = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, path[i + 1]));
            }
            else
            {
                category = CharUnicodeInfo.GetUnicodeCategory(c);
            }

            if (c == '\uFFFD' || RefusedCategory(category))
            {
                return PathRejection.ControlCharacter;
            }

            if ((LookAlikes.KindsAt(path, i, out _) & (LookAlikeKinds.Dot | LookAlikeKinds.Slash | LookAlikeKinds.Backslash | LookAlikeKinds.Colon | LookAlikeKinds.Percent)) != 0)
            {
                found = PathRejection.EncodedOrLookAlike;
            }

            i += length - 1;
        }

        return found;
    }

    private static bool RefusedCategory(UnicodeCategory category)
        => category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned;

    /// <summary>A BMP character of a refused category, U+FFFD, or a path look-alike candidate (high surrogates included).</summary>
    private static bool NeedsALookAt(char c)
        => c == '\uFFFD' || RefusedCategory(CharUnicodeInfo.GetUnicodeCategory(c))
           || (LookAlikes.KindsOf(c) & (LookAlikeKinds.PathSyntax | LookAlikeKinds.Space)) != 0;

    /// <summary>
    /// An escape some decoder would decode: <c>%</c> and two hex digits, or IIS's <c>%u</c> and four, also once a layer
    /// has stripped combining marks from between them (<c>%\u20DD2e</c> is <c>%2e</c> to a layer that removes marks).
    /// </summary>
    private static bool ContainsEscape(ReadOnlySpan<char> path)
    {
        Span<char> unmarked = stackalloc char[5];
        for (int i = path.IndexOf('%'); i >= 0; i = NextPercent(path, i))
        {
            int kept = 0;
            for (int j = i + 1; j < path.Length && kept < unmarked.Length; j++)
            {
                if (!IsMark(path[j]))
                {
                    unmarked[kept++] = path[j];
                }
            }

            ReadOnlySpan<char> rest = unmarked[..kept];
            if ((rest.Length >= 2 && char.IsAsciiHexDigit(rest[0]) && char.IsAsciiHexDigit(rest[1]))
                || (rest.Length >= 5 && rest[0] is 'u' or 'U' && !rest[1..5].ContainsAnyExcept(HexDigits)))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789ABCDEFabcdef");

    private static int NextPercent(ReadOnlySpan<char> path, int previous)
    {
        int next = path[(previous + 1)..].IndexOf('%');
        return next < 0 ? -1 : previous + 1 + next;
    }

    /// <summary>
    /// One segment: no layer may read it as a dot segment (<see cref="DotSegments"/>); as written and as a URL layer
    /// cuts it at its first <c>;</c>, <c>?</c> or <c>#</c> (or a look-alike), it may not end in a dot or space (Windows
    /// strips them) or name a Windows device; and it fits <see cref="MaxSegmentBytes"/>.
    /// </summary>
    private static PathRejection CheckSegment(ReadOnlySpan<char> segment, out int bytes)
    {
        bytes = 0;
        if (DotSegments.ReadsAsDotSegment(segment))
        {
            return PathRejection.ParentSegment; // "..", "...", "..;x", ". .", ".\u0301.", "..é": a parent or current directory somewhere
        }

        ReadOnlySpan<char> cut = segment[..CutAt(segment)];

        if (EndsInDotOrSpace(segment) || EndsInDotOrSpace(cut))
        {
            return PathRejection.TrailingDotOrSpace;
        }

        if (IsDeviceName(segment) || IsDeviceName(cut))
        {
            return PathRejection.DeviceName;
        }

        bytes = Encoding.UTF8.GetByteCount(segment);
        return bytes > MaxSegmentBytes ? PathRejection.TooLong : PathRejection.None;
    }

    /// <summary>Where a URL-based layer ends the name: the first <c>;</c>, <c>?</c> or <c>#</c>, or a look-alike of one.</summary>
    private static int CutAt(ReadOnlySpan<char> segment)
    {
        int ascii = segment.IndexOfAny(SegmentCuts);
        int end = ascii < 0 ? segment.Length : ascii;
        if (!segment[..end].ContainsAnyExceptInRange('\0', '\u007F'))
        {
            return end; // ASCII only: no look-alike, and the vectorized search was all it took
        }

        for (int i = CutLookAlikes.IndexOfAny(segment[..end], 0); i >= 0; i = CutLookAlikes.IndexOfAny(segment[..end], i + 1))
        {
            if ((LookAlikes.KindsAt(segment, i, out _) & (LookAlikeKinds.Semicolon | LookAlikeKinds.Question | LookAlikeKinds.Hash)) != 0)
            {
                return i;
            }
        }

        return end;
    }

    private static bool EndsInDotOrSpace(ReadOnlySpan<char> name)
    {
        for (int i = name.Length - 1; i >= 0; i--)
        {
            if (!IsMark(name[i]))
            {
                return name[i] is '.' or ' ' || IsSpaceLike(name[i]);
            }
        }

        return false;
    }

    private static bool IsDeviceName(ReadOnlySpan<char> name)
    {
        int dot = name.IndexOf('.');
        ReadOnlySpan<char> stem = (dot < 0 ? name : name[..dot]).TrimEnd(' ');
        return stem.Length <= LongestDeviceName && DeviceNameLookup.Contains(stem);
    }

    private static bool HasAllowedExtension(ReadOnlySpan<char> name, string[] allowedExtensions)
    {
        ReadOnlySpan<char> extension = Path.GetExtension(name);
        foreach (string candidate in allowedExtensions)
        {
            if (extension.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSpaceLike(char c) => c >= 0x80 && (LookAlikes.KindsOf(c) & LookAlikeKinds.Space) != 0;

    private static bool IsMark(char c)
        => c >= 0x300 && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;
}
