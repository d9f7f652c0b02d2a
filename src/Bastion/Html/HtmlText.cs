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

    private static readonly SearchValues<char> AsciiLettersAndDigits = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    // Every ASCII character that can be neither markup nor the start of a reference: text made only of these is
    // accepted by one vectorized search (the usual case); anything else goes to MarkupScan from the first other one.
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create(PlainAsciiCharacters());

    /// <summary>Longest named character reference kept as written ("&amp;CounterClockwiseContourIntegral;" is 31 letters).</summary>
    private const int MaxReferenceName = 32;

    /// <summary>The largest buffer (in characters) <see cref="Encode"/> rents; longer text is counted, then written.</summary>
    private const int MaxBuffer = 512 * 1024;

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

        // At most five characters come out for each one read (a bare ampersand becomes &amp;): one pass into a pooled
        // buffer of that size, then one copy into the result. For long text (a megabyte of buffer or more, far past
        // what a request field may carry) count first, then write, so that memory stays the size of the result.
        long bound = first + ((long)(input.Length - first) * 5);
        if (bound > MaxBuffer)
        {
            return string.Create(Transcribe(input, first, Span<char>.Empty), (input, first), static (output, state) => Transcribe(state.input, state.first, output));
        }

        char[] buffer = ArrayPool<char>.Shared.Rent((int)bound);
        try
        {
            return new string(buffer, 0, Transcribe(input, first, buffer));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Walks <paramref name="input"/> from <paramref name="first"/> (the first character that changes), writing the
    /// encoded text into <paramref name="output"/> unless it is empty (then it only counts), and returns the encoded
    /// length. Runs of characters that stay are found with one vectorized search each; a character that changes costs a
    /// switch and one short store, so text made only of them stays linear with a small constant.
    /// </summary>
    private static int Transcribe(ReadOnlySpan<char> input, int first, Span<char> output)
    {
        bool write = !output.IsEmpty;
        if (write)
        {
            input[..first].CopyTo(output);
        }

        int written = first;
        int i = first;
        while (i < input.Length)
        {
            switch (input[i])
            {
                case '<':
                    if (write)
                    {
                        "&lt;".CopyTo(output[written..]);
                    }

                    written += 4;
                    i++;
                    break;
                case '>':
                    if (write)
                    {
                        "&gt;".CopyTo(output[written..]);
                    }

                    written += 4;
                    i++;
                    break;
                case '\0':
                    i++;
                    break;
                case '&':
                    int reference = ReferenceLength(input[i..]);
                    if (reference == 0)
                    {
                        if (write)
                        {
                            "&amp;".CopyTo(output[written..]);
                        }

                        written += 5;
                        i++;
                        break;
                    }

                    if (write)
                    {
                        input.Slice(i, reference).CopyTo(output[written..]);
                    }

                    written += reference;
                    i += reference;
                    break;
                default:
                    int run = input[i..].IndexOfAny(CharactersEncodeChanges);
                    run = run < 0 ? input.Length - i : run;
                    if (write)
                    {
                        input.Slice(i, run).CopyTo(output[written..]);
                    }

                    written += run;
                    i += run;
                    break;
            }
        }

        return written;
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
    /// Linear in the input: plain ASCII text is accepted by one vectorized search, any other text costs at most about a
    /// quarter of a nanosecond per character whatever it holds (benchmarks/README.md, guard cost); allocates nothing.
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
        if (text.Length < 3)
        {
            return 0; // the shortest reference is "&a;"
        }

        if (text[1] == '#')
        {
            bool hex = text[2] is 'x' or 'X';
            int i = hex ? 3 : 2;
            int digitsStart = i;
            while (i < text.Length && i - digitsStart < 8 && (hex ? char.IsAsciiHexDigit(text[i]) : char.IsAsciiDigit(text[i])))
            {
                i++;
            }

            return i > digitsStart && i < text.Length && text[i] == ';' ? i + 1 : 0;
        }

        if (!char.IsAsciiLetter(text[1]))
        {
            return 0;
        }

        // The name's length, searched for in one vectorized step: at most MaxReferenceName characters, then ';'.
        ReadOnlySpan<char> name = text[1..];
        int length = name[..Math.Min(name.Length, MaxReferenceName + 1)].IndexOfAnyExcept(AsciiLettersAndDigits);
        return length > 0 && name[length] == ';' ? length + 2 : 0;
    }
}
