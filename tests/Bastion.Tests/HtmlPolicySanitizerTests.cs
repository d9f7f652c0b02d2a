using System.Linq;
using System.Threading.Tasks;
using Bastion.Html;
using CsCheck;
using Xunit;

namespace Bastion.Tests;

public sealed class HtmlPolicySanitizerTests
{
    // Strings rich in the characters that matter to HTML, plus U+00A0, CR, NUL and U+FFFF.
    private static readonly Gen<string> HtmlishText = Gen.String[Gen.OneOf(
        Gen.Char['a', 'z'],
        Gen.Char[' ', '~'],
        Gen.Char["<>&\"'\u00A0\r\n\0\uFFFF/=;#\u00E9\u4E2D"]), 0, 60];

    [Theory]
    [InlineData(HtmlPolicy.BasicFormatting)]
    [InlineData(HtmlPolicy.RemoveMarkup)]
    public void Markup_past_the_parse_budget_is_encoded_instead_of_parsed(HtmlPolicy policy)
    {
        // Up to the budget the parser runs: allowed formatting survives (BasicFormatting) or tags go (RemoveMarkup).
        string within = string.Concat(Enumerable.Repeat("<b>x</b>", HtmlPolicySanitizer.MaxParsedTags / 2));
        string parsed = HtmlPolicySanitizer.Sanitize(within, policy);
        Assert.Equal(HtmlPolicySanitizer.SanitizeAlways(within, policy), parsed);

        // One tag more, deeply nested, with a script inside: encoded as text (linear cost), nothing executable left.
        string past = string.Concat(Enumerable.Repeat("<div>", HtmlPolicySanitizer.MaxParsedTags)) + "<script>alert(1)</script>";
        string encoded = HtmlPolicySanitizer.Sanitize(past, policy);
        Assert.Equal(HtmlText.Encode(past), encoded);
        Assert.DoesNotContain("<", encoded, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Fast_path_is_observationally_identical_to_the_sanitizer()
    {
        foreach (HtmlPolicy policy in new[] { HtmlPolicy.RemoveMarkup, HtmlPolicy.BasicFormatting })
        {
            HtmlishText.Sample(input =>
                Assert.Equal(HtmlPolicySanitizer.SanitizeAlways(input, policy), HtmlPolicySanitizer.Sanitize(input, policy)),
                iter: 4000);
        }
    }

    [Fact]
    public void Text_the_fast_path_skips_is_returned_unchanged_by_the_full_sanitizer()
    {
        Gen.String[Gen.Char.Where(c => !HtmlPolicySanitizer.CouldChange([c])), 0, 80].Sample(input =>
        {
            Assert.False(HtmlPolicySanitizer.CouldChange(input));
            Assert.Equal(input, HtmlPolicySanitizer.SanitizeAlways(input, HtmlPolicy.RemoveMarkup));
        }, iter: 3000);
    }

    [Fact]
    public void Sweep_HtmlSanitizer_changes_exactly_the_seven_code_units_the_fast_path_looks_for()
    {
        // The fast path of BasicFormatting and RemoveMarkup skips HtmlSanitizer when none of these occur; if a
        // HtmlSanitizer or AngleSharp update starts changing another code unit in plain text, this fails.
        for (int c = 0; c <= char.MaxValue; c++)
        {
            string input = "a" + (char)c + "b";
            bool changed = HtmlPolicySanitizer.SanitizeAlways(input, HtmlPolicy.RemoveMarkup) != input;
            bool expected = c is '\0' or '\r' or '&' or '<' or '>' or 0xA0 or 0xFFFF;
            Assert.True(expected == changed, $"U+{c:X4}: HtmlSanitizer {(changed ? "changes" : "keeps")} it, the fast path assumes it {(expected ? "changes" : "keeps")} it");
            Assert.Equal(expected, HtmlPolicySanitizer.CouldChange(input));
        }
    }

    [Fact]
    public void Shared_sanitizers_give_the_same_answers_under_concurrent_use()
    {
        string[] inputs = Enumerable.Range(0, 200)
            .Select(i => $"<p onclick=\"x({i})\">item {i} <b>bold</b> <a href=\"https://e.example/{i}\">link</a> & <script>s({i})</script></p>")
            .ToArray();
        string[] sequential = inputs.Select(i => HtmlPolicySanitizer.Sanitize(i, HtmlPolicy.BasicFormatting)).ToArray();

        var concurrent = new string[inputs.Length * 4];
        Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => concurrent[i] = HtmlPolicySanitizer.Sanitize(inputs[i % inputs.Length], HtmlPolicy.BasicFormatting));

        for (int i = 0; i < concurrent.Length; i++)
        {
            Assert.Equal(sequential[i % inputs.Length], concurrent[i]);
        }
    }

    [Fact]
    public void Clean_input_is_returned_as_the_same_instance()
    {
        string input = "Plain words, \"quotes\" and 'apostrophes' stay as they are.";
        Assert.Same(input, HtmlPolicySanitizer.Sanitize(input, HtmlPolicy.RemoveMarkup));
        Assert.Same(input, HtmlPolicySanitizer.Sanitize(input, HtmlPolicy.BasicFormatting));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>hello")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<svg/onload=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<style>body{background:url(javascript:alert(1))}</style>")]
    [InlineData("<div style=\"background-image:url(javascript:alert(1))\">x</div>")]
    [InlineData("<form action=\"https://evil.example\"><input name=q><button>go</button></form>")]
    [InlineData("<scr<script>ipt>alert(1)</script>")]
    [InlineData("<<script>script>alert(1)<</script>/script>")]
    [InlineData("<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">x</a>")]
    [InlineData("<body onload=alert(1)>")]
    [InlineData("<!--<img src=x onerror=alert(1)>-->")]
    [InlineData("<object data=\"data:text/html,<script>alert(1)</script>\"></object>")]
    public void Attack_payloads_leave_no_executable_construct(string payload)
    {
        foreach (HtmlPolicy policy in new[] { HtmlPolicy.RemoveMarkup, HtmlPolicy.BasicFormatting })
        {
            string clean = HtmlPolicySanitizer.Sanitize(payload, policy);
            Assert.DoesNotContain("<script", clean, System.StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript:", clean, System.StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onerror", clean, System.StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onload", clean, System.StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<iframe", clean, System.StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<form", clean, System.StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<input", clean, System.StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("style", clean, System.StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<svg", clean, System.StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<object", clean, System.StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void RemoveMarkup_policy_keeps_the_words_and_removes_every_tag()
    {
        Assert.Equal("Hello world &amp; friends", HtmlPolicySanitizer.Sanitize("<p>Hello <b>world</b></p> & friends", HtmlPolicy.RemoveMarkup));
        Assert.Equal("hello", HtmlPolicySanitizer.Sanitize("<script>alert(1)</script>hello", HtmlPolicy.RemoveMarkup));
    }

    [Fact]
    public void Text_policy_through_the_general_entry_point_is_the_parser_free_encoder()
    {
        const string input = "<p>Hello</p> & <script>x</script>";
        Assert.Equal(HtmlText.Encode(input), HtmlPolicySanitizer.Sanitize(input, HtmlPolicy.Text));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => HtmlPolicySanitizer.Sanitize(input, HtmlPolicy.Reject));
    }

    [Fact]
    public void Basic_formatting_keeps_its_tags_and_only_http_links()
    {
        string clean = HtmlPolicySanitizer.Sanitize("<p><b>bold</b> <i>it</i> <em>e</em> <strong>s</strong><br><a href=\"https://ok.example/x\" onclick=\"x()\">ok</a> <a href=\"ftp://x\">ftp</a> <u>u</u></p>", HtmlPolicy.BasicFormatting);
        Assert.Equal("<p><b>bold</b> <i>it</i> <em>e</em> <strong>s</strong><br><a href=\"https://ok.example/x\">ok</a> <a>ftp</a> u</p>", clean);
    }

    [Theory]
    [InlineData("<b>x</b>", true)]
    [InlineData("a > b", true)]
    [InlineData("nul\0here", true)]
    [InlineData("&lt;script&gt;", true)]
    [InlineData("&#60;script", true)]
    [InlineData("&#x3C;", true)]
    [InlineData("\uFF1Cscript\uFF1E", true)]
    [InlineData("\uFE64b\uFE65", true)]
    [InlineData("Tom & Jerry", false)]
    [InlineData("AT&T", false)]
    [InlineData("R&D; done", true)]
    [InlineData("O'Brien \"Jr.\"", false)]
    [InlineData("Zoë 中文", false)]
    [InlineData("\u226Escript>", true)] // NFD: '<' + U+0338
    [InlineData("a \u226F b", true)]
    [InlineData("\uFF06#60;script", true)] // fullwidth ampersand
    [InlineData("&\uFF0360\uFF1Bscript", true)] // fullwidth # and ;
    [InlineData("&\uFF4C\uFF54;script", true)] // fullwidth "lt"
    [InlineData("&lt\uFE54", true)] // small semicolon
    [InlineData("&\U0001D425\U0001D42D;", true)] // mathematical bold "lt"
    [InlineData("Tom \uFF06 Jerry", false)]
    [InlineData("Caf\u00E9 & th\u00E9", false)]
    [InlineData("\u226A much less \u226B", false)] // no decomposition holds '<'
    public void Reject_policy_detects_markup_and_allows_plain_text(string input, bool markup)
        => Assert.Equal(markup, HtmlText.ContainsMarkup(input));
}
