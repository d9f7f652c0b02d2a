using System.Linq;
using Bastion.Generators.Analyzers;
using Bastion.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bastion.Generators.Tests.Analyzers;

/// <summary>BAS1520: cookies written without HttpOnly, Secure and SameSite are flagged; hardened ones are not.</summary>
public sealed class CookieAnalyzerTests
{
    private static Diagnostic[] Analyze(string body)
    {
        string source = """
            using System;
            using Microsoft.AspNetCore.Http;
            using Bastion.Cookies;
            public static class C
            {
                public static void M(HttpContext context, HttpResponse response, string value, bool flag)
                {
            """ + body + """

                }
            }
            """;
        return GeneratorHarness.Analyze(GeneratorHarness.Compile(source), new CookieAnalyzer()).ToArray();
    }

    [Theory]
    [InlineData("context.Response.Cookies.Append(\"session\", value);", "without options")]
    [InlineData("response.Cookies.Append(\"session\", value);", "'session'")]
    [InlineData("response.Cookies.Append(\"session\", value, new CookieOptions());", "HttpOnly, Secure, SameSite")]
    [InlineData("response.Cookies.Append(\"s\", value, new CookieOptions { HttpOnly = true, Secure = true });", "SameSite")]
    [InlineData("response.Cookies.Append(\"s\", value, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict });", "Secure")]
    [InlineData("response.Cookies.Append(\"s\", value, new CookieOptions { Secure = true, SameSite = SameSiteMode.Lax });", "HttpOnly")]
    [InlineData("response.Cookies.Append(\"s\", value, new CookieOptions { HttpOnly = false, Secure = true, SameSite = SameSiteMode.Strict });", "HttpOnly")]
    [InlineData("response.Cookies.Append(\"s\", value, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.None });", "SameSite")]
    [InlineData("response.Cookies.Append(\"s\", value, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Unspecified });", "SameSite")]
    [InlineData("var o = new CookieOptions { HttpOnly = true }; o.Secure = true; response.Cookies.Append(\"s\", value, o);", "SameSite")]
    [InlineData("var o = new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict }; o.Secure = false; response.Cookies.Append(\"s\", value, o);", "Secure")]
    [InlineData("CookieOptions o; o = new CookieOptions(); o.HttpOnly = true; response.Cookies.Append(\"s\", value, o);", "Secure, SameSite")]
    public void Unhardened_cookies_are_flagged_with_what_they_lack(string body, string lacking)
    {
        Diagnostic diagnostic = Assert.Single(Analyze(body));
        Assert.Equal("BAS1520", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Descriptor.DefaultSeverity);
        Assert.Contains(lacking, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("response.Cookies.Append(\"s\", value, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict });")]
    [InlineData("response.Cookies.Append(\"s\", value, new CookieOptions { HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, Path = \"/\" });")]
    [InlineData("var o = new CookieOptions(); o.HttpOnly = true; o.Secure = true; o.SameSite = SameSiteMode.Strict; response.Cookies.Append(\"s\", value, o);")]
    [InlineData("response.Cookies.AppendHardened(\"__Host-s\", value);")]
    [InlineData("response.Cookies.Append(\"s\", value, HardenedCookies.Options(SameSiteMode.Lax));")]
    [InlineData("response.Cookies.Append(\"s\", value, new CookieOptions(HardenedCookies.Options()) { Path = \"/app\" });")]
    [InlineData("response.Cookies.Delete(\"s\");")]
    public void Hardened_cookies_are_not_flagged(string body) => Assert.Empty(Analyze(body));
}
