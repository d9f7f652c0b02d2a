using System;
using System.Linq;
using Bastion.Html;
using Bastion.Text;
using CsCheck;
using Xunit;

namespace Bastion.Tests;

/// <summary>
/// The Reject policy's scan reads 32 or 16 characters at a time with bit arithmetic (both widths are run here); these tests hold it to its
/// character-by-character definition: a markup character ('&lt;', '&gt;', NUL or a look-alike of either), or an ampersand (or look-alike) followed by a hash (or look-alike), or by a
/// non-empty name (ASCII letters or digits, or non-ASCII characters other than the ampersand, hash and semicolon
/// look-alikes) and a semicolon (or look-alike). Inputs are drawn from exactly those characters so that references
/// start, end and cross every position of a block.
/// </summary>
public sealed class MarkupScanTests
{
    private static readonly string Ampersands = "&" + LookAlikes.CharactersWith(LookAlikeKinds.Ampersand, withHighSurrogates: false);
    private static readonly string Hashes = "#" + LookAlikes.CharactersWith(LookAlikeKinds.Hash, withHighSurrogates: false);
    private static readonly string Semicolons = ";" + LookAlikes.CharactersWith(LookAlikeKinds.Semicolon, withHighSurrogates: false);
    private static readonly string MarkupCharacters = "<>\0" + LookAlikes.CharactersWith(LookAlikeKinds.LessThan | LookAlikeKinds.GreaterThan, withHighSurrogates: false);

    // Markup characters (rare, so that most texts get past them), ampersands, hashes, semicolons, name characters of every kind (ASCII, accented, CJK, a surrogate pair's halves,
    // a combining mark, a non-ASCII space, fullwidth forms) and what ends a name (space, punctuation, the characters around the ASCII
    // letter and digit ranges).
    private static readonly string Alphabet = "<\uFF1E" + Ampersands + Ampersands + Hashes + Semicolons + Semicolons + "aZz09é日\uD83D\uDE00\u0301\u3000 -'/:@[`{\u007F\u0080"
        // fullwidth forms that are not look-alikes of the five (they stay name characters) and the block's edges
        + "\uFF02\uFF21\uFF10\uFF01\uFF5E\uFF00\uFF5F\uFEFF\uFF1D"
        // near misses: a markup, ampersand, hash or semicolon code unit in the low byte under another high byte, and the
        // neighbours of every look-alike outside the fullwidth forms (all name characters)
        + "\u013C\u013E\u0126\u0123\u013B\u203C\u2260\u226D\u2270\u037D\u037F\u033B\uFE13\uFE15\uFE53\uFE55\uFE5E\uFE61\uFE63\uFE66\u0100\u2200\uFE00";

    private static bool IsName(char c) => char.IsAsciiLetterOrDigit(c) || (c >= 0x80 && !Ampersands.Contains(c) && !Hashes.Contains(c) && !Semicolons.Contains(c));

    /// <summary>The definition, one character at a time.</summary>
    private static bool HasMarkup(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (MarkupCharacters.Contains(text[i]))
            {
                return true;
            }
        }

        for (int i = 0; i < text.Length; i++)
        {
            if (!Ampersands.Contains(text[i]))
            {
                continue;
            }

            if (i + 1 < text.Length && Hashes.Contains(text[i + 1]))
            {
                return true;
            }

            int end = i + 1;
            while (end < text.Length && IsName(text[end]))
            {
                end++;
            }

            if (end > i + 1 && end < text.Length && Semicolons.Contains(text[end]))
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public void Random_text_gets_the_verdict_of_the_definition() =>
        Gen.Int[0, Alphabet.Length - 1].Select(i => Alphabet[i]).Array[0, 40].Select(characters => new string(characters))
            .Sample(text =>
            {
                bool expected = HasMarkup(text);
                Assert.True(expected == HtmlText.ContainsMarkup(text), $"'{Escape(text)}': definition {expected}");
                Assert.True(expected == MarkupScan.Scan(text, wide: true), $"'{Escape(text)}', 32 at a time: definition {expected}");
                Assert.True(expected == MarkupScan.Scan(text, wide: false), $"'{Escape(text)}', 16 at a time: definition {expected}");
            }, iter: 100_000);

    [Fact]
    public void Markup_characters_are_found_at_every_position_of_every_block() =>
        Gen.Select(Gen.Int[0, 100], Gen.Int[0, MarkupCharacters.Length - 1], Gen.Bool).Sample((offset, which, nonAscii) =>
        {
            string filler = nonAscii ? "é" : "a";
            string text = string.Concat(System.Linq.Enumerable.Repeat(filler, offset)) + MarkupCharacters[which] + "bc";
            Assert.True(HtmlText.ContainsMarkup(text));
            Assert.True(HtmlText.ContainsMarkup(text.AsSpan(0, text.Length - 2)));
            Assert.False(HtmlText.ContainsMarkup(text.Replace(MarkupCharacters[which], 'x')));
            Assert.True(MarkupScan.Scan(text, wide: false) && MarkupScan.Scan(text, wide: true));
            Assert.False(MarkupScan.Scan(text.Replace(MarkupCharacters[which], 'x'), wide: false));
        }, iter: 5_000);

    [Fact]
    public void Sparse_references_in_long_text_are_found_wherever_they_fall() =>
        Gen.Select(Gen.Int[0, 300], Gen.Int[0, 3], Gen.Int[0, 2]).Sample((offset, kind, nameLength) =>
        {
            string reference = kind switch
            {
                0 => "&#",
                1 => "&" + new string('x', nameLength + 1) + ";",
                2 => "\uFF06" + new string('日', nameLength + 1) + "\uFF1B",
                _ => "&" + new string('x', nameLength + 1) + " ;", // not a reference: the space ends the name
            };
            string text = new string('.', offset) + reference + new string('.', 17);
            Assert.Equal(kind != 3, HtmlText.ContainsMarkup(text));
            Assert.Equal(kind != 3, HtmlText.ContainsMarkup(text.TrimEnd('.'))); // ending at the reference, at every tail length
        }, iter: 10_000);

    /// <summary>
    /// Each text at every offset from 0 to 40 (after plain dots, which neither start nor continue a reference), so that
    /// its reference starts, crosses and ends at every position of a 16- and a 32-character block, scanned at both widths
    /// (<see cref="HtmlText.ContainsMarkup"/> starts its scan at the first character other than plain ASCII, so it is
    /// checked on the same text too).
    /// </summary>
    [Theory]
    [InlineData("&lt;", true)]
    [InlineData("&#", true)]
    [InlineData("&a;", true)]
    [InlineData("&abcdefghijklmnopqrstuvwxyz0123456789;", true)] // a name over several blocks
    [InlineData("&abcdefghijklmnopqrstuvwxyz01234567 ;", false)]
    [InlineData("\u00E9&lt;", true)] // the same in blocks with a non-ASCII character
    [InlineData("\u00E9\uFF06\u65E5\u672C\uFF1B", true)]
    [InlineData("&;&;&;&;&;&;&;&;&;", false)] // no name between ampersand and semicolon
    [InlineData("&T\u2019s; fine", true)] // a non-ASCII character counts as part of a name (errs towards refusing)
    [InlineData("AT&T \u2019s; fine", false)]
    [InlineData("\uD83D\uDE00&\uD83D\uDE00;", true)]
    [InlineData("&", false)]
    [InlineData("x&", false)]
    public void References_across_block_boundaries(string text, bool expected)
    {
        for (int offset = 0; offset <= 40; offset++)
        {
            string shifted = new string('.', offset) + text;
            Assert.True(expected == MarkupScan.Scan(shifted, wide: true), $"32 at a time, offset {offset}");
            Assert.True(expected == MarkupScan.Scan(shifted, wide: false), $"16 at a time, offset {offset}");
            Assert.True(expected == HtmlText.ContainsMarkup(shifted), $"offset {offset}");
        }
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));
}
