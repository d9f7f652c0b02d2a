using System;
using System.Linq;
using Bastion.Headers;
using Bastion.Shared;
using Xunit;

namespace Bastion.Tests;

/// <summary>The origin and policy rules shared by the compiler checks and the start-up checks.</summary>
public sealed class BrowserPolicyRulesTests
{
    [Theory]
    [InlineData("https://app.example.com")]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("https://[::1]:8443")]
    [InlineData("https://xn--bcher-kva.example")]
    [InlineData("https://a-b.example.com:444")]
    [InlineData("http://localhost:65535")]
    public void Serialized_origins_are_accepted(string origin) => Assert.Null(OriginRules.Problem(origin));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("*", "wildcard")]
    [InlineData("null", "sandboxed")]
    [InlineData("https://App.example.com", "lower case")]
    [InlineData("HTTPS://app.example.com", "lower case")]
    [InlineData("https://app.example.com/", "trailing slash")]
    [InlineData("https://app.example.com/api", "path")]
    [InlineData("https://app.example.com?x=1", "query")]
    [InlineData("https://app.example.com#top", "fragment")]
    [InlineData("https://user@app.example.com", "user info")]
    [InlineData("https://user:pw@app.example.com", "user info")]
    [InlineData("https://app.example.com:443", "default port")]
    [InlineData("http://app.example.com:80", "default port")]
    [InlineData("ftp://app.example.com", "only http and https")]
    [InlineData("app.example.com", "no scheme")]
    [InlineData("https://*.example.com", "wildcard hosts")]
    [InlineData("https://app.example.com:0", "port")]
    [InlineData("https://app.example.com:65536", "port")]
    [InlineData("https://app.example.com:0443", "port")]
    [InlineData("https://app.example.com:", "port")]
    [InlineData("https://app.example.com:44x", "port")]
    [InlineData("https://bücher.example", "punycode")]
    [InlineData("https://app.example.com ", "whitespace")]
    [InlineData(" https://app.example.com", "whitespace")]
    [InlineData("https://app.example.com\n", "whitespace")]
    [InlineData("https://", "host")]
    [InlineData("https://.example.com", "host")]
    [InlineData("https://example.com.", "host")]
    [InlineData("https://app_1.example.com", "host")]
    [InlineData("https://[::1", "IPv6")]
    [InlineData("https://[zz::1]", "IPv6")]
    [InlineData("https://[::1]x", "port")]
    public void Values_that_never_match_an_Origin_header_are_refused_with_the_reason(string origin, string reason)
    {
        string? problem = OriginRules.Problem(origin);
        Assert.NotNull(problem);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://app.example.com", true)]
    [InlineData("http://app.example.com:8080", true)]
    [InlineData("http://localhost:5173", false)]
    [InlineData("http://app.localhost", false)]
    [InlineData("http://127.0.0.1:5080", false)]
    [InlineData("http://[::1]:5080", false)]
    [InlineData("https://app.example.com", false)]
    public void Plain_http_is_insecure_except_on_loopback(string origin, bool insecure) => Assert.Equal(insecure, OriginRules.IsInsecure(origin));

    [Theory]
    [InlineData("*", true, "every method")]
    [InlineData("*", false, "every request header")]
    [InlineData("get", true, "upper case")]
    [InlineData("", false, "empty")]
    [InlineData("Content Type", false, "HTTP token")]
    [InlineData("X-Token\r\nSet-Cookie", false, "HTTP token")]
    public void Wildcards_and_non_tokens_cannot_be_listed(string entry, bool method, string reason)
        => Assert.Contains(reason, OriginRules.ListEntryProblem(entry, method), StringComparison.Ordinal);

    [Theory]
    [InlineData("PATCH", true)]
    [InlineData("X-CSRF-TOKEN", false)]
    [InlineData("content-type", false)]
    public void Tokens_can_be_listed(string entry, bool method) => Assert.Null(OriginRules.ListEntryProblem(entry, method));

    [Theory]
    [InlineData("default-src 'self'; scirpt-src 'self'; object-src 'none'; frame-ancestors 'none'", "IgnoredDirective", "scirpt-src")]
    [InlineData("default-src 'self'; default-src *; object-src 'none'; frame-ancestors 'none'", "IgnoredDirective", "twice")]
    [InlineData("default-src 'self', script-src *", "Malformed", "comma")]
    [InlineData("default-src 'self';\r\nscript-src *", "Malformed", "control")]
    [InlineData("default-src 'self'; script-src *; object-src 'none'; frame-ancestors 'none'", "ScriptInjection", "'*'")]
    [InlineData("default-src 'self'; script-src https: ; object-src 'none'; frame-ancestors 'none'", "ScriptInjection", "'https:'")]
    [InlineData("default-src 'self'; script-src 'self' data:; object-src 'none'; frame-ancestors 'none'", "ScriptInjection", "'data:'")]
    [InlineData("img-src 'self'; object-src 'none'; frame-ancestors 'none'", "ScriptInjection", "neither script-src nor default-src")]
    [InlineData("DEFAULT-SRC 'self' 'UNSAFE-INLINE'; object-src 'none'; frame-ancestors 'none'", "ScriptInjection", "unsafe-inline")]
    public void Policy_findings_are_classified(string policy, string kind, string fragment)
        => Assert.Contains(CspRules.Check(policy), f => f.Kind.ToString() == kind && f.Message.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public void Unsafe_inline_beside_a_nonce_is_ignored_by_browsers_and_not_reported()
        => Assert.Empty(CspRules.Check("default-src 'self'; script-src 'self' 'unsafe-inline' 'nonce-r4nd0m'; object-src 'none'; frame-ancestors 'none'"));

    [Fact]
    public void The_default_policy_has_no_finding() => Assert.Empty(CspRules.Check(SecurityHeaderDefaults.ContentSecurityPolicy));

    [Fact]
    public void Directive_names_are_case_insensitive()
        => Assert.Empty(CspRules.Check("Default-Src 'self'; Object-Src 'none'; Frame-Ancestors 'none'"));

    [Fact]
    public void Findings_are_not_repeated()
    {
        var findings = CspRules.Check("script-src 'unsafe-inline' 'unsafe-eval' *");
        Assert.Equal(findings.Count, findings.Select(f => f.Message).Distinct().Count());
    }
}
