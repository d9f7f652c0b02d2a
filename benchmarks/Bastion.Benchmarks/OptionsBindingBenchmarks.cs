using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Bastion.Options;
using Bastion.Validation;
using Microsoft.Extensions.Configuration;

namespace Bastion.Benchmarks;

public enum BenchMode { Sandbox, Live }

/// <summary>Twelve settings of the usual kinds, a nested object, a list and a dictionary.</summary>
[BastionOptions("Payments")]
public sealed partial class BenchPaymentOptions
{
    public string ApiBase { get; set; } = "";
    [Secret] public string ApiKey { get; set; } = "";
    public BenchMode Mode { get; set; }
    public int Retries { get; set; }
    public TimeSpan Timeout { get; set; }
    public Uri? Callback { get; set; }
    public decimal FeeRate { get; set; }
    public bool Enabled { get; set; }
    public List<string> Currencies { get; set; } = [];
    public Dictionary<string, string> Labels { get; set; } = new();
    public BenchLimits Limits { get; set; } = new();
}

public sealed class BenchLimits
{
    public decimal MaxAmount { get; set; }
    public int PerMinute { get; set; }
}

/// <summary>
/// Binding one options object from configuration: Bastion's generated binder, <c>ConfigurationBinder.Get&lt;T&gt;</c>
/// (reflection), and the .NET configuration binding source generator (this project sets
/// <c>EnableConfigurationBindingGenerator</c>, which intercepts direct <c>Get&lt;T&gt;()</c> calls; the reflection
/// binder is reached through a method-group delegate, which interceptors do not rewrite).
/// </summary>
[MemoryDiagnoser]
public class OptionsBindingBenchmarks
{
    private static readonly Func<IConfiguration, BenchPaymentOptions?> ReflectionGet = ConfigurationBinder.Get<BenchPaymentOptions>;
    private IConfigurationSection _section = null!;

    [GlobalSetup]
    public void Setup()
    {
        _section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Payments:ApiBase"] = "https://pay.example.com",
            ["Payments:ApiKey"] = "benchmark-key-0123456789abcdef",
            ["Payments:Mode"] = "Live",
            ["Payments:Retries"] = "5",
            ["Payments:Timeout"] = "00:00:30",
            ["Payments:Callback"] = "https://shop.example.com/paid",
            ["Payments:FeeRate"] = "1.25",
            ["Payments:Enabled"] = "true",
            ["Payments:Currencies:0"] = "EUR",
            ["Payments:Currencies:1"] = "USD",
            ["Payments:Labels:team"] = "payments",
            ["Payments:Labels:tier"] = "gold",
            ["Payments:Limits:MaxAmount"] = "2500",
            ["Payments:Limits:PerMinute"] = "60",
        }).Build().GetSection("Payments");

        foreach ((string name, BenchPaymentOptions? value) in new[] { ("generated", Generated()), ("reflection", Reflection()), ("binding generator", BindingGenerator()) })
        {
            if (value is null || value.Retries != 5 || value.Mode != BenchMode.Live || value.Currencies.Count != 2 || value.Labels.Count != 2 || value.Limits.PerMinute != 60 || value.FeeRate != 1.25m)
            {
                throw new InvalidOperationException(name + " binding produced a different result");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public BenchPaymentOptions Generated() => Bind<BenchPaymentOptions>(_section);

    [Benchmark]
    public BenchPaymentOptions? Reflection() => ReflectionGet(_section);

    [Benchmark]
    public BenchPaymentOptions? BindingGenerator() => _section.Get<BenchPaymentOptions>();

    private static T Bind<T>(IConfiguration section) where T : class, IBastionOptions<T>
    {
        var errors = new ValidationCollector { ConfigurationPaths = true };
        return T.BindFrom(section, ref errors);
    }
}
