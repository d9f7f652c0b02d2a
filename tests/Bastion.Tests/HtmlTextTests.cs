using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Bastion.Html;
using CsCheck;
using Xunit;

namespace Bastion.Tests;

/// <summary>
/// HtmlPolicy.Text without an HTML parser: what a browser's parser makes of the encoded value is one text node
/// showing what was typed (checked with AngleSharp, an HTML5-conformant parser), encoding twice changes nothing,
/// and clean input comes back as the same instance.
/// </summary>
public sealed class HtmlTextTests
{
    private static readonly HtmlParser Parser = new();

    // Strings rich in what matters to HTML: delimiters, ampersands, reference-like runs, NUL, CR, non-ASCII.
    private static readonly Gen<string> HtmlishText = Gen.OneOf(
        Gen.String[Gen.OneOf(Gen.Char['a', 'z'], Gen.Char[' ', '~'], Gen.Char["<>&\"';#xX\0\r\n\u00A0\uFFFF\u00E9\u4E2D"]), 0, 60],
        Gen.Select(Gen.String[Gen.Char['a', 'f'], 0, 6], Gen.OneOf(Gen.Const("&"), Gen.Const("&#"), Gen.Const("&#x"), Gen.Const("<"), Gen.Const("</")), Gen.String[Gen.Char["0123456789abcdefxX;<>&"], 0, 10])
            .Select((a, b, c) => a + b + c));

    [Fact]
    public void A_browser_parses_the_encoded_value_as_one_text_node_and_nothing_else()
    {
        HtmlishText.Sample(input =>
        {
            string encoded = HtmlText.Encode(input);
            IElement div = ParseInDiv(encoded);
            Assert.True(div.ChildNodes.All(n => n.NodeType == NodeType.Text), $"'{input}' encoded as '{encoded}' parses to {div.InnerHtml}");
            Assert.Empty(div.Children);
        }, iter: 5000);
    }

    [Fact]
    public void Without_character_references_the_page_shows_exactly_what_was_typed()
    {
        HtmlishText.Where(s => !s.Contains('&')).Sample(input =>
        {
            IElement div = ParseInDiv(HtmlText.Encode(input));
            // The HTML parser itself turns CR LF and lone CR into LF (and AngleSharp the noncharacter U+FFFF into
            // U+FFFD); NUL is removed by the encoder.
            string typed = input.Replace("\0", string.Empty).Replace("\r\n", "\n").Replace('\r', '\n').Replace('\uFFFF', '\uFFFD');
            Assert.Equal(typed, div.TextContent);
        }, iter: 3000);
    }

    [Fact]
    public void Encoding_twice_changes_nothing()
    {
        HtmlishText.Sample(input =>
        {
            string once = HtmlText.Encode(input);
            Assert.Equal(once, HtmlText.Encode(once));
            Assert.False(HtmlText.NeedsEncoding(once));
        }, iter: 5000);
    }

    [Fact]
    public void NeedsEncoding_agrees_with_Encode_and_clean_input_is_the_same_instance()
    {
        HtmlishText.Sample(input =>
        {
            string encoded = HtmlText.Encode(input);
            Assert.Equal(!ReferenceEquals(encoded, input), HtmlText.NeedsEncoding(input));
            if (!HtmlText.NeedsEncoding(input))
            {
                Assert.Same(input, encoded);
            }
        }, iter: 5000);
    }

    private static readonly System.Text.RegularExpressions.Regex Reference = new(@"\G&(?:[A-Za-z][A-Za-z0-9]{0,31};|#[0-9]{1,8};|#[xX][0-9A-Fa-f]{1,8};)");

    [Fact]
    public void Long_text_is_encoded_by_the_same_rule()
    {
        // Past the encoder's buffer (more than 100,000 characters that could each become five), it counts, then writes.
        Gen.String[Gen.Char["<>&\0;#xX1aZ \u00E9"], 120_000, 200_000].Sample(input => Assert.Equal(Definition(input), HtmlText.Encode(input)), iter: 20);
        string mostlyClean = new string('a', 300_000) + "<&amp;&>" + new string('b', 300_000);
        Assert.Equal(new string('a', 300_000) + "&lt;&amp;&amp;&gt;" + new string('b', 300_000), HtmlText.Encode(mostlyClean));
    }

    [Fact]
    public void Encode_matches_its_definition_one_character_at_a_time()
    {
        // Dense text (runs of characters that change, back to back) beside the HTML-ish strings above.
        Gen<string> dense = Gen.String[Gen.Char["<>&\0;#xX1aZ \u00E9"], 0, 200];
        Gen.OneOf(HtmlishText, dense).Sample(input => Assert.Equal(Definition(input), HtmlText.Encode(input)), iter: 10_000);
    }

    // The documented rule, written without the encoder's search: < and > become references, NUL goes, and an
    // ampersand stays only where a character reference starts (a name of up to 32 ASCII letters or digits starting
    // with a letter, or 1 to 8 decimal or hex digits after #, each closed by a semicolon). SanitizePropertyTests uses it too.
    internal static string Definition(string input)
    {
        var output = new System.Text.StringBuilder();
        for (int i = 0; i < input.Length; i++)
        {
            switch (input[i])
            {
                case '<': output.Append("&lt;"); break;
                case '>': output.Append("&gt;"); break;
                case '\0': break;
                case '&':
                    System.Text.RegularExpressions.Match reference = Reference.Match(input, i);
                    output.Append(reference.Success ? reference.Value : "&amp;");
                    i += reference.Success ? reference.Length - 1 : 0;
                    break;
                default: output.Append(input[i]); break;
            }
        }

        return output.ToString();
    }

    [Fact]
    public void Every_code_unit_but_the_four_it_encodes_passes_unchanged()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            string input = "a" + (char)c + "b";
            bool changes = c is '<' or '>' or '&' or '\0';
            Assert.Equal(changes, HtmlText.NeedsEncoding(input));
            Assert.Equal(changes, !ReferenceEquals(input, HtmlText.Encode(input)));
        }
    }

    [Theory]
    [InlineData("<script>alert(1)</script>hello", "&lt;script&gt;alert(1)&lt;/script&gt;hello")]
    [InlineData("I <3 C# & \"<b>bold</b>\"", "I &lt;3 C# &amp; \"&lt;b&gt;bold&lt;/b&gt;\"")]
    [InlineData("AT&T, R&D;", "AT&amp;T, R&D;")]
    [InlineData("&amp; &eacute; &#233; &#xE9; &#x;", "&amp; &eacute; &#233; &#xE9; &amp;#x;")]
    [InlineData("&copy 2026", "&amp;copy 2026")]
    [InlineData("nul\0here", "nulhere")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("O'Brien \"Jr.\" Zoë 中文", "O'Brien \"Jr.\" Zoë 中文")]
    public void Examples(string input, string expected) => Assert.Equal(expected, HtmlText.Encode(input));

    private static IElement ParseInDiv(string html)
    {
        IElement div = Parser.ParseDocument("<!doctype html><body><div id=x></div>").GetElementById("x")!;
        div.InnerHtml = html;
        return div;
    }
}
