using System.Linq;
using Bastion.Headers;
using Xunit;

namespace Bastion.Tests;

/// <summary>The start-up warnings for weak Content-Security-Policy values.</summary>
public sealed class ContentSecurityPolicyChecksTests
{
    [Fact]
    public void The_default_policy_has_no_known_weakness()
        => Assert.Empty(ContentSecurityPolicyChecks.Weaknesses(SecurityHeaderDefaults.ContentSecurityPolicy));

    [Theory]
    [InlineData("default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'", "unsafe-inline")]
    [InlineData("default-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'", "unsafe-inline")]
    [InlineData("default-src 'self'; script-src 'self' 'unsafe-eval'; object-src 'none'; frame-ancestors 'none'", "unsafe-eval")]
    [InlineData("default-src 'self'; object-src 'none'", "frame-ancestors")]
    [InlineData("default-src 'self'; frame-ancestors 'none'", "object-src")]
    [InlineData("", "no policy")]
    public void Weak_policies_are_named(string policy, string expected)
        => Assert.Contains(ContentSecurityPolicyChecks.Weaknesses(policy), w => w.Contains(expected, System.StringComparison.Ordinal));

    [Fact]
    public void A_script_src_without_unsafe_keywords_wins_over_a_weak_default_src()
        => Assert.DoesNotContain(ContentSecurityPolicyChecks.Weaknesses("default-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'"), w => w.Contains("unsafe-inline", System.StringComparison.Ordinal));

    [Fact]
    public void Default_src_none_covers_object_src()
        => Assert.DoesNotContain(ContentSecurityPolicyChecks.Weaknesses("default-src 'none'; frame-ancestors 'none'"), w => w.Contains("object-src", System.StringComparison.Ordinal));
}
