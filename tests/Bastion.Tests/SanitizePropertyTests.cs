using System;
using System.Linq;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Bastion.Html;
using CsCheck;
using Xunit;

namespace Bastion.Tests;

/// <summary>
/// Random markup, built from script-capable elements, event handlers, javascript:/data: URLs (with the usual
/// obfuscations), comments, CDATA, raw-text elements, character references, NUL, look-alikes and broken tags, goes
/// through every [Sanitize] policy, and what is stored is parsed the way a page that inserts it as element content
/// would (AngleSharp, in a div): no script-capable element, no event-handler attribute, no javascript:/data:/vbscript:
/// URL. Text, Reject (when it accepts) and RemoveMarkup must build no element at all; BasicFormatting only its own.
/// </summary>
public sealed class SanitizePropertyTests
{
    private static readonly string[] Pieces =
    [
        "<script>", "</script>", "<script src=//evil.example/x.js>", "<style>", "</style>", "<form action=javascript:alert(1)>", "</form>",
        "<iframe src=javascript:alert(1)>", "<object data=x>", "<embed src=x>", "<img src=x onerror=alert(1)>", "<img/src=x/onerror=alert(1)>",
        "<svg onload=alert(1)>", "<svg><a xlink:href=javascript:alert(1)>", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">", "<a href='jav&#x09;ascript:alert(1)'>", "<a href=JaVaScRiPt:alert(1)>", "<a href=\" javascript:alert(1)\">",
        "<a href=\"data:text/html,<script>alert(1)</script>\">", "<a href=vbscript:msgbox(1)>", "<a href=\"https://ok.example/\">", "</a>",
        "<b onclick=x()>", "<p style=\"x:expression(alert(1))\">", "<input autofocus onfocus=alert(1)>", "<button formaction=javascript:alert(1)>",
        "<base href=javascript:/>", "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<template><script>", "<textarea>", "</textarea>", "<xmp>", "<plaintext>", "<title>", "<select><option>", "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>",
        "<b>", "</b>", "<i>", "<em>", "<strong>", "<p>", "<br>", "<scr", "ipt>", "<a", " href", "=", "\"", "'", "`", " ", "\t", "\n", "/", ">", "<",
        "&lt;", "&#60;", "&#x3C;", "&lt", "&amp;lt;", "&", "#", ";", "\0", "\uFF1C", "\uFF1E", "\uFE64", "\u226E", "\uFF06", "text", "javascript:", "onerror=", "alert(1)",
    ];

    private static readonly HtmlParser Parser = new();

    private static Gen<string> Markup => Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 14].Select(string.Concat);

    [Fact]
    public void Text_encodes_into_text_only_and_is_idempotent() => Markup.Sample(input =>
    {
        string stored = HtmlText.Encode(input);
        AssertBuildsNoElement(input, stored);
        Assert.Equal(stored, HtmlText.Encode(stored));
    }, iter: 20_000);

    /// <summary>Encode copies runs in one piece; on random markup it must match the character-by-character definition.</summary>
    [Fact]
    public void Text_encoding_matches_its_character_by_character_definition() =>
        Markup.Sample(input => Assert.Equal(HtmlTextTests.Definition(input), HtmlText.Encode(input)), iter: 20_000);

    [Fact]
    public void Reject_accepts_only_what_builds_no_element_even_after_normalization() => Markup.Sample(input =>
    {
        if (!HtmlText.ContainsMarkup(input))
        {
            AssertBuildsNoElement(input, input);
            AssertBuildsNoElement(input, input.Normalize(NormalizationForm.FormKC));
            AssertBuildsNoElement(input, input.Normalize(NormalizationForm.FormKD));
        }
    }, iter: 20_000);

    [Fact]
    public void Remove_markup_leaves_text_only() => Markup.Sample(input => AssertBuildsNoElement(input, HtmlPolicySanitizer.RemoveMarkup(input)), iter: 3_000);

    [Fact]
    public void Basic_formatting_keeps_only_its_inert_elements() => Markup.Sample(input =>
    {
        string stored = HtmlPolicySanitizer.SanitizeBasicFormatting(input);
        foreach (IElement element in Build(stored))
        {
            Assert.True(element.LocalName is "b" or "i" or "em" or "strong" or "p" or "br" or "a", Explain(input, stored, "<" + element.LocalName + ">"));
            foreach (IAttr attribute in element.Attributes)
            {
                Assert.True(element.LocalName == "a" && attribute.Name == "href", Explain(input, stored, "attribute " + attribute.Name));
                string? scheme = SchemeOf(attribute.Value);
                Assert.True(scheme is null or "http" or "https", Explain(input, stored, "href " + attribute.Value)); // relative or web only

            }
        }
    }, iter: 3_000);

    /// <summary>The scheme a browser would see: C0 controls and spaces trimmed, tabs and newlines removed, as URL parsing does.</summary>
    private static string? SchemeOf(string url)
    {
        string cleaned = new(url.Trim('\0', '\u0001', '\u0002', '\u0003', '\u0004', '\u0005', '\u0006', '\u0007', '\b', '\t', '\n', '\u000B', '\f', '\r',
            '\u000E', '\u000F', '\u0010', '\u0011', '\u0012', '\u0013', '\u0014', '\u0015', '\u0016', '\u0017', '\u0018', '\u0019', '\u001A', '\u001B',
            '\u001C', '\u001D', '\u001E', '\u001F', ' ').Where(c => c is not ('\t' or '\n' or '\r')).ToArray());
        int colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(cleaned[0]) || cleaned[..colon].Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')))
        {
            return null;
        }

        return cleaned[..colon].ToLowerInvariant();
    }

    private static void AssertBuildsNoElement(string input, string stored)
    {
        IElement? element = Build(stored).FirstOrDefault();
        Assert.True(element is null, Explain(input, stored, element is null ? string.Empty : "<" + element.LocalName + ">"));
    }

    /// <summary>The elements a page builds from <paramref name="stored"/> inserted as the content of a div.</summary>
    private static IElement[] Build(string stored)
    {
        IElement root = Parser.ParseDocument("<!doctype html><body><div id=root></div>").GetElementById("root")!;
        root.InnerHtml = stored;
        return root.QuerySelectorAll("*").ToArray();
    }

    private static string Explain(string input, string stored, string what)
        => $"{Show(input)} was stored as {Show(stored)}, which builds {what}";

    private static string Show(string text) => string.Concat(text.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}
