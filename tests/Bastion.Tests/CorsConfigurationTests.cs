using System;
using System.Collections.Generic;
using Bastion.Cors;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Bastion.Tests;

/// <summary>CORS policies read from <c>Bastion:Cors:Policies</c>: exact lists, and start-up errors that name the key.</summary>
public sealed class CorsConfigurationTests
{
    private static BastionCorsPolicies Read(params (string Key, string Value)[] values)
    {
        var data = new Dictionary<string, string?>();
        foreach ((string key, string value) in values)
        {
            data["Bastion:Cors:Policies:" + key] = value;
        }

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(data).Build();
        return BastionCorsPolicies.FromConfiguration(configuration.GetSection("Bastion:Cors"));
    }

    [Fact]
    public void A_configured_policy_keeps_exactly_the_listed_values()
    {
        BastionCorsPolicies policies = Read(
            ("default:Origins:0", "https://app.example.com"),
            ("default:Origins:1", "https://admin.example.com"),
            ("default:Methods:0", "GET"),
            ("default:Methods:1", "PUT"),
            ("default:Headers:0", "Content-Type"),
            ("default:ExposedHeaders:0", "X-Total-Count"),
            ("default:AllowCredentials", "true"),
            ("default:MaxAgeSeconds", "120"));
        CorsPolicy policy = policies.Find("default")!;
        Assert.Equal(["https://app.example.com", "https://admin.example.com"], policy.Origins);
        Assert.Equal(["GET", "PUT"], policy.Methods);
        Assert.Equal(["Content-Type"], policy.Headers);
        Assert.Equal(["X-Total-Count"], policy.ExposedHeaders);
        Assert.True(policy.SupportsCredentials);
        Assert.False(policy.AllowAnyHeader);
        Assert.False(policy.AllowAnyMethod);
        Assert.False(policy.AllowAnyOrigin);
        Assert.Equal(TimeSpan.FromSeconds(120), policy.PreflightMaxAge);
        Assert.Empty(policies.Warnings);
    }

    [Fact]
    public void Methods_default_to_the_safelisted_ones_and_nothing_else_is_allowed()
    {
        CorsPolicy policy = Read(("partners:Origins:0", "https://partner.example")).Find("partners")!;
        Assert.Equal(["GET", "HEAD", "POST"], policy.Methods);
        Assert.Empty(policy.Headers);
        Assert.False(policy.SupportsCredentials);
        Assert.Null(Read(("partners:Origins:0", "https://partner.example")).Find("default"));
    }

    [Fact]
    public void A_lone_wildcard_without_credentials_is_a_public_api()
        => Assert.True(Read(("default:Origins:0", "*")).Find("default")!.AllowAnyOrigin);

    [Theory]
    [InlineData("default:Origins:0", "https://app.example.com/", "'Bastion:Cors:Policies:default:Origins:0'", "trailing slash")]
    [InlineData("default:Origins:0", "null", "'Bastion:Cors:Policies:default:Origins:0'", "any page")]
    [InlineData("default:Origins:0", "https://App.example.com", "'Bastion:Cors:Policies:default:Origins:0'", "lower case")]
    [InlineData("default:Origins:0", "https://app.example.com:443", "'Bastion:Cors:Policies:default:Origins:0'", "default port")]
    [InlineData("default:Methods:0", "*", "'Bastion:Cors:Policies:default:Methods:0'", "every method")]
    [InlineData("default:Headers:0", "*", "'Bastion:Cors:Policies:default:Headers:0'", "every request header")]
    [InlineData("default:AllowCredentials", "yes", "'Bastion:Cors:Policies:default:AllowCredentials'", "true or false")]
    [InlineData("default:MaxAgeSeconds", "-5", "'Bastion:Cors:Policies:default:MaxAgeSeconds'", "whole number")]
    public void A_bad_value_stops_start_up_naming_its_key(string key, string value, string named, string reason)
    {
        var values = new List<(string, string)> { (key, value) };
        if (!key.Contains("Origins", StringComparison.Ordinal))
        {
            values.Add(("default:Origins:0", "https://app.example.com"));
        }

        var error = Assert.Throws<InvalidOperationException>(() => Read([.. values]));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wildcard_with_credentials_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("default:Origins:0", "*"), ("default:AllowCredentials", "true")));
        Assert.Contains("AllowCredentials", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wildcard_beside_origins_is_refused()
        => Assert.Throws<InvalidOperationException>(() => Read(("default:Origins:0", "*"), ("default:Origins:1", "https://app.example.com")));

    [Fact]
    public void A_policy_without_origins_is_refused()
        => Assert.Contains("no origins", Assert.Throws<InvalidOperationException>(() => Read(("default:Methods:0", "GET"))).Message, StringComparison.Ordinal);

    [Fact]
    public void A_plain_http_origin_off_loopback_is_a_warning()
    {
        BastionCorsPolicies policies = Read(("default:Origins:0", "http://app.example.com"), ("default:Origins:1", "http://localhost:5173"));
        string warning = Assert.Single(policies.Warnings);
        Assert.Contains("http://app.example.com", warning, StringComparison.Ordinal);
    }
}
