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

    // Every ASCII character that can be neither markup nor the start of a reference: text made only of these is
    // accepted by one vectorized search (the usual case); anything else goes to MarkupScan from the first other one.
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create(PlainAsciiCharacters());

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
        ReadOnlySpan<char> span = input;
        builder.Append(span[..first]);
        for (int i = first; i < span.Length;)
        {
            char c = span[i];
            switch (c)
            {
                case '<':
                    builder.Append("&lt;");
                    i++;
                    break;
                case '>':
                    builder.Append("&gt;");
                    i++;
                    break;
                case '\0':
                    i++;
                    break;
                default: // '&'
                    int reference = ReferenceLength(span[i..]);
                    builder.Append(reference > 0 ? span.Slice(i, reference) : "&amp;");
                    i += Math.Max(reference, 1);
                    break;
            }

            // Copy the run up to the next character that can change in one piece.
            int run = span[i..].IndexOfAny(CharactersEncodeChanges);
            run = run < 0 ? span.Length - i : run;
            builder.Append(span.Slice(i, run));
            i += run;
        }

        return builder.ToString();
    }

    /// <summary>True when <see cref="Encode"/> would return a different string.</summary>
    public static bool NeedsEncoding(ReadOnlySpan<char> input) => FirstChange(input) >= 0;

    /// <summary>
    /// The <see cref="HtmlPolicy.Reject"/> test: true when <paramref name="input"/> holds <c>&lt;</c>, <c>&gt;</c> (or a
    /// character that Unicode normalization turns into one), NUL, or something a later decoding step could read as a
    /// character reference: <c>&amp;#</c>, or <c>&amp;</c>, then ASCII letters or digits or any non-ASCII characters, then
    /// <c>;</c> — also when the ampersand, <c>#</c> or <c>;</c> is a normalization look-alike (a normalizing layer makes
    /// <c>&amp;ｌｔ；</c> into <c>&amp;lt;</c>). Every non-ASCII character counts as a possible letter, so the test errs
    /// towards refusing (<c>&amp;T’s;</c> is refused). A bare ampersand ("Tom &amp; Jerry") is not markup.
    /// Linear in the input, about the same cost for any text that holds an ampersand; allocates nothing.
    /// </summary>
    public static bool ContainsMarkup(ReadOnlySpan<char> input)
    {
        int first = input.IndexOfAnyExcept(PlainAscii);
        return first >= 0 && MarkupScan.ContainsMarkup(input[first..]);
    }

    private static string PlainAsciiCharacters()
    {
        var characters = new StringBuilder(128);
        for (char c = '\u0001'; c <= '\u007F'; c++)
        {
            if (c is not ('<' or '>' or '&'))
            {
                characters.Append(c);
            }
        }

        return characters.ToString();
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
}
