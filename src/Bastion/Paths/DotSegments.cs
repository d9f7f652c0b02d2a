using System;
using System.Globalization;
using Bastion.Text;

namespace Bastion.Paths;

/// <summary>
/// Whether any layer <see cref="SafePathResolver"/> guards against could read one path segment as a dot segment
/// (<c>.</c> or <c>..</c>), decided in one pass over the segment. A layer may cut the segment: at <c>;</c> (a path
/// parameter, stripped by servlet containers), at <c>?</c> or <c>#</c> (query and fragment, when the path is put in a
/// URL), at a look-alike of one (after normalization), or at any non-ASCII character (best-fit writes <c>?</c> for a
/// character its code page lacks). What is left before any cut, or the whole segment, must not be:
/// <list type="bullet">
/// <item>nothing but dots and spaces, counting '+' (form decoding makes it a space), look-alike spaces and combining marks
/// (accent stripping drops them), since Windows strips trailing dots and spaces (<c>..;x</c>, <c>.. </c>, <c>.\u0301.</c>);</item>
/// <item>two or more dots and nothing a slug maker keeps (ASCII letters, digits, '_', '-'), since it drops the rest
/// (<c>..é</c>, <c>日..本</c>, <c>(..)</c>).</item>
/// </list>
/// For the non-ASCII cut only two or more dots count, so names like <c>.é</c> and <c>日本</c> stay usable.
/// </summary>
internal static class DotSegments
{
    private const LookAlikeKinds Cuts = LookAlikeKinds.Semicolon | LookAlikeKinds.Question | LookAlikeKinds.Hash;

    public static bool ReadsAsDotSegment(ReadOnlySpan<char> segment)
    {
        bool onlyDotsAndSpaces = true; // '.', ' ', '+', look-alike spaces and combining marks so far
        bool nothingSlugKeeps = true;  // no ASCII letter, digit, '_' or '-' so far
        bool asciiDotsAndSpaces = true; // for a best-fit '?': ASCII '.', ' ', '+' so far (marks may be stripped first)
        int dots = 0;
        for (int i = 0; i < segment.Length; i++)
        {
            char c = segment[i];
            LookAlikeKinds kinds = LookAlikeKinds.None;
            int length = 1;
            bool mark = false;
            if (c >= 0x80)
            {
                kinds = LookAlikes.KindsAt(segment, i, out length);
                UnicodeCategory category = length == 2 ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, segment[i + 1])) : CharUnicodeInfo.GetUnicodeCategory(c);
                mark = category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;
                if (asciiDotsAndSpaces && dots >= 2)
                {
                    return true; // this character may be best-fit's '?', where a URL layer ends the path
                }
            }

            if ((c is ';' or '?' or '#' || (kinds & Cuts) != 0) && (onlyDotsAndSpaces || (nothingSlugKeeps && dots >= 2)))
            {
                return true;
            }

            bool space = c is ' ' or '+' || (kinds & LookAlikeKinds.Space) != 0;
            if (c == '.')
            {
                dots++;
            }
            else if (!space && !mark)
            {
                onlyDotsAndSpaces = false;
            }

            nothingSlugKeeps &= !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
            asciiDotsAndSpaces &= c < 0x80 ? c is '.' or ' ' or '+' : mark || (kinds & LookAlikeKinds.Space) != 0;
            i += length - 1;
        }

        return onlyDotsAndSpaces || (nothingSlugKeeps && dots >= 2);
    }
}
