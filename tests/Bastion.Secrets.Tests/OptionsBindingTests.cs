using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bastion.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Bastion.Secrets.Tests;

/// <summary>Generated binding and checks of <see cref="PaymentOptions"/>, read through the options monitor.</summary>
public sealed class OptionsBindingTests
{
    private static BastionOptionsMonitor<PaymentOptions> Monitor(IDictionary<string, string?> values, bool development = false)
        => new(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), development, NullLogger<BastionOptionsMonitor<PaymentOptions>>.Instance);

    private static Dictionary<string, string?> With(params (string Key, string? Value)[] values)
    {
        Dictionary<string, string?> all = TestSupport.ValidConfiguration();
        foreach ((string key, string? value) in values)
        {
            all[key] = value;
        }

        return all;
    }

    private static string Failure(IDictionary<string, string?> values, bool development = false)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Monitor(values, development).CurrentValue);
        Canary.Record(error.Message);
        Canary.Record(error.ToString());
        return error.Message;
    }

    [Fact]
    public void Every_supported_shape_is_bound()
    {
        PaymentOptions options = Monitor(With(
            ("Payments:Mode", "live"),
            ("Payments:Retries", "7"),
            ("Payments:Timeout", "00:00:45"),
            ("Payments:Callback", "https://shop.example.com/paid"),
            ("Payments:FeeRate", "1.25"),
            ("Payments:Ratio", "0.5"),
            ("Payments:Enabled", "false"),
            ("Payments:Currencies:0", "USD"),
            ("Payments:Currencies:1", "CHF"),
            ("Payments:Ports:0", "80"),
            ("Payments:Ports:1", "443"),
            ("Payments:Labels:team", "payments"),
            ("Payments:Labels:tier", "gold"),
            ("Payments:Webhook:Path", "/in"),
            ("Payments:Endpoints:0:Name", "primary"),
            ("Payments:Endpoints:0:Url", "https://a.example.com"),
            ("Payments:Endpoints:1:Name", "backup"),
            ("Payments:Limits:MaxAmount", "2500.50"))).CurrentValue;

        Assert.Equal("https://pay.example.com", options.ApiBase);
        Assert.Equal(Canary.ApiKey, options.ApiKey);
        Assert.Equal(Mode.Live, options.Mode);
        Assert.Equal(7, options.Retries);
        Assert.Equal(TimeSpan.FromSeconds(45), options.Timeout);
        Assert.Equal(new Uri("https://shop.example.com/paid"), options.Callback);
        Assert.Equal(1.25m, options.FeeRate);
        Assert.Equal(0.5, options.Ratio);
        Assert.False(options.Enabled);
        Assert.Equal(["USD", "CHF"], options.Currencies);
        Assert.Equal([80, 443], options.Ports);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "payments", ["tier"] = "gold" }, options.Labels);
        Assert.Equal(Canary.SigningKey, options.Webhook.SigningKey);
        Assert.Equal("/in", options.Webhook.Path);
        Assert.Equal(["primary", "backup"], options.Endpoints.Select(e => e.Name));
        Assert.Equal(new Uri("https://a.example.com"), options.Endpoints[0].Url);
        Assert.Null(options.Endpoints[1].Url);
        Assert.Equal(2500.50m, options.Limits.MaxAmount);
    }

    [Fact]
    public void Absent_keys_keep_the_defaults_and_a_configured_list_replaces_the_default()
    {
        PaymentOptions defaults = Monitor(TestSupport.ValidConfiguration()).CurrentValue;
        Assert.Equal(3, defaults.Retries);
        Assert.Equal(TimeSpan.FromSeconds(10), defaults.Timeout);
        Assert.Equal(["EUR"], defaults.Currencies);
        Assert.Equal(500m, defaults.Limits.MaxAmount);
        Assert.Equal("/hooks", defaults.Webhook.Path);
        Assert.True(defaults.Enabled);

        Assert.Equal(["GBP"], Monitor(With(("Payments:Currencies:0", "GBP"))).CurrentValue.Currencies);
    }

    [Fact]
    public void Numbers_are_read_with_the_invariant_culture_whatever_the_thread_culture()
    {
        CultureInfo before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(1.25m, Monitor(With(("Payments:FeeRate", "1.25"))).CurrentValue.FeeRate);
            Assert.Contains("Payments:FeeRate", Failure(With(("Payments:FeeRate", "1,25"))), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("Payments:Retries", "lots", "whole number")]
    [InlineData("Payments:Retries", "99999999999", "whole number")]
    [InlineData("Payments:Mode", "3", "is not one of: Sandbox, Live")]
    [InlineData("Payments:Mode", "Bogus", "is not one of: Sandbox, Live")]
    [InlineData("Payments:Timeout", "soon", "time span")]
    [InlineData("Payments:Callback", "not a uri", "absolute URI")]
    [InlineData("Payments:Enabled", "yes", "true or false")]
    [InlineData("Payments:Ports:1", "http", "whole number")]
    [InlineData("Payments:Limits:MaxAmount", "lots", "number")]
    public void An_unreadable_value_is_reported_under_its_key_without_the_value(string key, string value, string reason)
    {
        string message = Failure(With((key, value), ("Payments:Ports:0", "80")));
        Assert.Contains(key + " ", message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);
        Assert.DoesNotContain("'" + value + "'", message, StringComparison.Ordinal);
        Assert.DoesNotContain(" " + value + " ", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Payments:ApiBase", "not-a-url", "Payments:ApiBase")]
    [InlineData("Payments:ApiBase", "", "Payments:ApiBase")]
    [InlineData("Payments:Retries", "99", "Payments:Retries")]
    [InlineData("Payments:Webhook:Path", "/a-path-that-is-far-too-long-for-the-limit", "Payments:Webhook:Path")]
    [InlineData("Payments:Endpoints:0:Name", "", "Payments:Endpoints:0:Name")]
    [InlineData("Payments:Limits:MaxAmount", "-1", "Payments:Limits:MaxAmount")]
    public void DataAnnotations_failures_name_the_configuration_key(string key, string value, string named)
        => Assert.Contains(named + " ", Failure(With((key, value))), StringComparison.Ordinal);

    [Theory]
    [InlineData(null, "is a required secret and is missing or empty")]
    [InlineData("", "is a required secret and is missing or empty")]
    [InlineData("   ", "is a required secret and is missing or empty")]
    [InlineData(Canary.ShortKey, "is a secret shorter than the required 24 characters")]
    [InlineData("your-api-key-goes-right-here", "looks like a placeholder")]
    [InlineData("changeme-changeme-changeme", "looks like a placeholder")]
    [InlineData("sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxx", "looks like a placeholder")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "looks like a placeholder")]
    [InlineData("<put-the-payment-api-key-in-here>", "looks like a placeholder")]
    public void A_bad_secret_is_refused_naming_the_key_and_never_the_value(string? value, string reason)
    {
        string message = Failure(With(("Payments:ApiKey", value)));
        Assert.Contains("Payments:ApiKey " + reason, message, StringComparison.Ordinal);
        if (!string.IsNullOrWhiteSpace(value))
        {
            Assert.DoesNotContain(value, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Placeholders_are_accepted_in_development_but_a_missing_secret_is_not()
    {
        Assert.Equal("your-api-key-goes-right-here", Monitor(With(("Payments:ApiKey", "your-api-key-goes-right-here")), development: true).CurrentValue.ApiKey);
        Assert.Contains("Payments:ApiKey is a required secret", Failure(With(("Payments:ApiKey", null)), development: true), StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_secret_is_checked_in_bytes()
        => Assert.Contains("Payments:Webhook:SigningKey is a secret shorter than the required 32 bytes", Failure(With(("Payments:Webhook:SigningKey", Canary.ShortKey + "-x"))), StringComparison.Ordinal);

    [Fact]
    public void ToString_and_record_printing_hide_every_secret()
    {
        PaymentOptions options = Monitor(TestSupport.ValidConfiguration()).CurrentValue;
        string text = options.ToString();
        string record = options.Webhook.ToString();
        Canary.Record(text);
        Canary.Record(record);
        Assert.Contains("ApiKey = ***", text, StringComparison.Ordinal);
        Assert.Contains("ApiBase = https://pay.example.com", text, StringComparison.Ordinal);
        Assert.Contains("SigningKey = ***", text, StringComparison.Ordinal);
        Assert.Equal("WebhookOptions { SigningKey = ***, Path = /hooks }", record);
        Assert.DoesNotContain(Canary.ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary.SigningKey, record, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_problems_are_reported_together_in_key_order()
    {
        string message = Failure(With(("Payments:ApiKey", ""), ("Payments:Retries", "0"), ("Payments:ApiBase", "x")));
        int apiBase = message.IndexOf("Payments:ApiBase", StringComparison.Ordinal);
        int apiKey = message.IndexOf("Payments:ApiKey", StringComparison.Ordinal);
        int retries = message.IndexOf("Payments:Retries", StringComparison.Ordinal);
        Assert.True(apiBase >= 0 && apiKey > apiBase && retries > apiKey, message);
    }
}
