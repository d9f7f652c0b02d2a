using System;
using Bastion.Cookies;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Bastion.Tests;

public sealed class HardenedCookiesTests
{
    [Fact]
    public void Appended_cookies_are_HttpOnly_Secure_SameSite_Strict_for_the_whole_host()
    {
        var context = new DefaultHttpContext();
        context.Response.Cookies.AppendHardened("__Host-session", "abc", maxAge: TimeSpan.FromMinutes(30));
        string header = context.Response.Headers.SetCookie.ToString();
        Assert.StartsWith("__Host-session=abc;", header, StringComparison.Ordinal);
        Assert.Contains("max-age=1800", header, StringComparison.Ordinal);
        Assert.Contains("path=/", header, StringComparison.Ordinal);
        Assert.Contains("secure", header, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", header, StringComparison.Ordinal);
        Assert.Contains("httponly", header, StringComparison.Ordinal);
        Assert.DoesNotContain("domain", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Lax_is_allowed_for_cookies_that_must_survive_a_link_from_another_site()
        => Assert.Equal(SameSiteMode.Lax, HardenedCookies.Options(SameSiteMode.Lax).SameSite);

    [Theory]
    [InlineData(SameSiteMode.None)]
    [InlineData(SameSiteMode.Unspecified)]
    public void Cross_site_cookies_are_refused(SameSiteMode mode)
        => Assert.Throws<ArgumentOutOfRangeException>(() => HardenedCookies.Options(mode));

    [Fact]
    public void A_non_positive_lifetime_is_refused()
        => Assert.Throws<ArgumentOutOfRangeException>(() => HardenedCookies.Options(maxAge: TimeSpan.Zero));

    [Theory]
    [InlineData("a b")]
    [InlineData("a;b")]
    [InlineData("a=b")]
    [InlineData("a\r\nSet-Cookie: x")]
    [InlineData("sess\u00e9")]
    public void Names_that_are_not_tokens_are_refused(string name)
        => Assert.Throws<ArgumentException>(() => new DefaultHttpContext().Response.Cookies.AppendHardened(name, "v"));

    [Fact]
    public void Delete_expires_the_same_cookie()
    {
        var context = new DefaultHttpContext();
        context.Response.Cookies.DeleteHardened("__Host-session");
        string header = context.Response.Headers.SetCookie.ToString();
        Assert.StartsWith("__Host-session=;", header, StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", header, StringComparison.Ordinal);
        Assert.Contains("secure", header, StringComparison.Ordinal);
    }
}
