using System;
using System.Buffers;
using System.Text;

namespace Bastion.Html;

/// <summary>
/// The <see cref="HtmlPolicy.Text"/> and <see cref="HtmlPolicy.Reject"/> policies: plain text for HTML element content,
/// decided character by character without an HTML parser (so an app using only these policies does not link one).
/// Encoding is lossless and idempotent: what the user typed is what a page shows, and a value that is encoded again
/// (a stored value posted back by an edit form) does not change.
/// </summary>
public static class HtmlText
{
    // The characters Encode can change: markup delimiters, the ampersand (bare ones become &amp;) and NUL.
    private static readonly SearchValues<char> CharactersEncodeChanges = SearchValues.Create("<>&\0");

    // '<', '>', NUL, and the compatibility forms that NFKC normalization turns into '<' and '>'
    // (small and fullwidth less-than/greater-than), in case a later layer normalizes the stored text.
    private static readonly SearchValues<char> MarkupCharacters = SearchValues.Create("<>\0\uFE64\uFE65\uFF1C\uFF1E");

    /// <summary>Longest named character reference kept as written ("&amp;CounterClockwiseContourIntegral;" is 31 letters).</summary>
    private const int MaxReferenceName = 32;

    /// <summary>
    /// <see cref="HtmlPolicy.Text"/>: <c>&lt;</c> becomes <c>&amp;lt;</c>, <c>&gt;</c> becomes <c>&amp;gt;</c>, an
    /// ampersand that does not start a character reference becomes <c>&amp;amp;</c> (references such as
    /// <c>&amp;amp;</c>, <c>&amp;eacute;</c>, <c>&amp;#233;</c> are kept), NUL is removed; nothing else changes. The result
    /// is safe inside an HTML element (not inside an attribute value: use an attribute encoder there). Returns the same
    /// instance when nothing changes, without allocating.
    /// </summary>
    public static string Encode(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int first = FirstChange(input);
        if (first < 0)
        {
            return input;
        }

        var builder = new StringBuilder(input.Length + 16);
        builder.Append(input, 0, first);
        ReadOnlySpan<char> span = input;
        for (int i = first; i < span.Length; i++)
        {
            char c = span[i];
            switch (c)
            {
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '\0':
                    break;
                case '&':
                    int reference = ReferenceLength(span[i..]);
                    if (reference > 0)
                    {
                        builder.Append(span.Slice(i, reference));
                        i += reference - 1;
                    }
                    else
                    {
                        builder.Append("&amp;");
                    }

                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>True when <see cref="Encode"/> would return a different string.</summary>
    public static bool NeedsEncoding(ReadOnlySpan<char> input) => FirstChange(input) >= 0;

    /// <summary>
    /// The <see cref="HtmlPolicy.Reject"/> test: true when <paramref name="input"/> holds <c>&lt;</c>, <c>&gt;</c> (or
    /// their fullwidth and small forms, which NFKC normalization turns into them), NUL, or a character reference
    /// (<c>&amp;#..</c> or <c>&amp;name;</c>) that a later decoding step could turn into markup. A bare ampersand
    /// ("Tom &amp; Jerry") is not markup.
    /// </summary>
    public static bool ContainsMarkup(ReadOnlySpan<char> input)
    {
        if (input.ContainsAny(MarkupCharacters))
        {
            return true;
        }

        for (int amp = input.IndexOf('&'); amp >= 0; amp = NextAmpersand(input, amp))
        {
            ReadOnlySpan<char> rest = input[(amp + 1)..];
            if (rest.Length > 0 && rest[0] == '#')
            {
                return true;
            }

            int letters = 0;
            while (letters < rest.Length && char.IsAsciiLetterOrDigit(rest[letters]))
            {
                letters++;
            }

            if (letters > 0 && letters < rest.Length && rest[letters] == ';')
            {
                return true;
            }
        }

        return false;
    }

    private static int FirstChange(ReadOnlySpan<char> input)
    {
        int offset = 0;
        while (true)
        {
            int next = input[offset..].IndexOfAny(CharactersEncodeChanges);
            if (next < 0)
            {
                return -1;
            }

            int at = offset + next;
            if (input[at] != '&')
            {
                return at;
            }

            int reference = ReferenceLength(input[at..]);
            if (reference == 0)
            {
                return at;
            }

            offset = at + reference;
        }
    }

    /// <summary>
    /// Length of the character reference at the start of <paramref name="text"/> (which starts with '&amp;'), or 0:
    /// <c>&amp;name;</c> (ASCII letter, then letters or digits), <c>&amp;#digits;</c> or <c>&amp;#xhex;</c>, each with its
    /// semicolon. Browsers decode these to one character (or show an unknown name as written), never to markup.
    /// </summary>
    private static int ReferenceLength(ReadOnlySpan<char> text)
    {
        int i = 1;
        if (i < text.Length && text[i] == '#')
        {
            i++;
            bool hex = i < text.Length && text[i] is 'x' or 'X';
            if (hex)
            {
                i++;
            }

            int digitsStart = i;
            while (i < text.Length && i - digitsStart < 8 && (hex ? char.IsAsciiHexDigit(text[i]) : char.IsAsciiDigit(text[i])))
            {
                i++;
            }

            return i > digitsStart && i < text.Length && text[i] == ';' ? i + 1 : 0;
        }

        if (i >= text.Length || !char.IsAsciiLetter(text[i]))
        {
            return 0;
        }

        while (i < text.Length && i <= MaxReferenceName && char.IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }

        return i < text.Length && text[i] == ';' ? i + 1 : 0;
    }

    private static int NextAmpersand(ReadOnlySpan<char> input, int previous)
    {
        int next = input[(previous + 1)..].IndexOf('&');
        return next < 0 ? -1 : previous + 1 + next;
    }
}
