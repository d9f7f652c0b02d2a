using System;
using System.Buffers;
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

    private static readonly SearchValues<char> SlugKeepers = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-");

    // Once only the slug rule can still refuse, these are the only characters that change the answer (a bitmap: a
    // SearchValues over this scattered set would pick a slow probabilistic map).
    private static readonly CharBitmap SlugRuleCharacters = new(static c => SlugKeepers.Contains(c) || c is '.' or ';' or '?' or '#'
        || char.IsHighSurrogate(c) || (LookAlikes.KindsOf(c) & Cuts) != 0);

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

            nothingSlugKeeps &= !SlugKeepers.Contains(c);
            asciiDotsAndSpaces &= c < 0x80 ? c is '.' or ' ' or '+' : mark || (kinds & LookAlikeKinds.Space) != 0;
            i += length - 1;
            if (!onlyDotsAndSpaces && !asciiDotsAndSpaces)
            {
                return nothingSlugKeeps && OnlySlugRuleRefuses(segment[(i + 1)..], dots);
            }
        }

        return onlyDotsAndSpaces || (nothingSlugKeeps && dots >= 2);
    }

    /// <summary>The rest of the loop when only the slug rule can refuse, visiting only the characters that matter (most names: none).</summary>
    private static bool OnlySlugRuleRefuses(ReadOnlySpan<char> rest, int dots)
    {
        for (int at = SlugRuleCharacters.IndexOfAny(rest, 0); at >= 0; at = SlugRuleCharacters.IndexOfAny(rest, at + 1))
        {
            char c = rest[at];
            if (SlugKeepers.Contains(c))
            {
                return false;
            }

            if (c == '.')
            {
                dots++;
            }
            else if (dots >= 2 && (c is ';' or '?' or '#' || (LookAlikes.KindsAt(rest, at, out _) & Cuts) != 0))
            {
                return true;
            }
        }

        return dots >= 2;
    }
}
