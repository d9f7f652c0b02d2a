using System;
using System.Buffers;
using System.Text;
using Bastion.Text;

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

    // '<', '>', NUL, and every character whose NFKC or NFKD form holds '<' or '>' (small and fullwidth forms, and the
    // negated relations U+226E/U+226F, which decompose to '<'/'>' and a combining mark), in case a later layer
    // normalizes the stored text. From the generated look-alike table, not a hand-picked list.
    private static readonly SearchValues<char> MarkupCharacters = SearchValues.Create("<>\0" + LookAlikes.CharactersWith(LookAlikeKinds.LessThan | LookAlikeKinds.GreaterThan, withHighSurrogates: false));

    // '&' and the characters that normalize to it (U+FE60, U+FF06): each can start a character reference.
    private static readonly SearchValues<char> Ampersands = SearchValues.Create("&" + LookAlikes.CharactersWith(LookAlikeKinds.Ampersand, withHighSurrogates: false));

    // '#' and ';' with the characters that normalize to them: what may follow an ampersand in a reference.
    private static readonly SearchValues<char> Hashes = SearchValues.Create("#" + LookAlikes.CharactersWith(LookAlikeKinds.Hash, withHighSurrogates: false));
    private static readonly SearchValues<char> Semicolons = SearchValues.Create(";" + LookAlikes.CharactersWith(LookAlikeKinds.Semicolon, withHighSurrogates: false));

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
    /// character reference: <c>&amp;#</c>, or <c>&amp;</c> and letters or digits then <c>;</c> — also when the ampersand,
    /// <c>#</c> or <c>;</c> is a normalization look-alike, or the letters are fullwidth or from another script (a
    /// normalizing layer makes <c>&amp;ｌｔ；</c> into <c>&amp;lt;</c>). A bare ampersand ("Tom &amp; Jerry") is not markup.
    /// Linear in the input; allocates nothing.
    /// </summary>
    public static bool ContainsMarkup(ReadOnlySpan<char> input)
    {
        if (input.ContainsAny(MarkupCharacters))
        {
            return true;
        }

        for (int amp = input.IndexOfAny(Ampersands); amp >= 0; amp = NextAmpersand(input, amp))
        {
            int i = amp + 1;
            if (i < input.Length && Hashes.Contains(input[i]))
            {
                return true;
            }

            int letters = i;
            while (letters < input.Length)
            {
                if (char.IsAsciiLetterOrDigit(input[letters]))
                {
                    letters++;
                }
                else if (input[letters] >= 0x80 && Rune.DecodeFromUtf16(input[letters..], out Rune rune, out int length) == OperationStatus.Done && Rune.IsLetterOrDigit(rune))
                {
                    letters += length;
                }
                else
                {
                    break;
                }
            }

            if (letters > i && letters < input.Length && Semicolons.Contains(input[letters]))
            {
                return true;
            }

            // The search resumes after the letters: a reference cannot start inside them, so no character is read twice.
            amp = letters - 1;
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
        int next = input[(previous + 1)..].IndexOfAny(Ampersands);
        return next < 0 ? -1 : previous + 1 + next;
    }
}
