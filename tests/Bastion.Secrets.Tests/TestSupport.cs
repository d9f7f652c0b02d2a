using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bastion.Secrets.Tests;

/// <summary>Valid configuration for every options type of this assembly, and hosts built the way apps build them.</summary>
public static class TestSupport
{
    public static Dictionary<string, string?> ValidConfiguration() => new()
    {
        ["Payments:ApiBase"] = "https://pay.example.com",
        ["Payments:ApiKey"] = Canary.ApiKey,
        ["Payments:Webhook:SigningKey"] = Canary.SigningKey,
    };

    /// <summary>
    /// <see cref="ValidConfiguration"/> with the API key left to the key-per-file directory <paramref name="directory"/>
    /// (<c>Bastion:Secrets:Directory</c>), which the test fills.
    /// </summary>
    public static Dictionary<string, string?> ConfigurationWithSecretsIn(string directory)
    {
        Dictionary<string, string?> config = ValidConfiguration();
        config.Remove("Payments:ApiKey");
        config["Bastion:Secrets:Directory"] = directory;
        return config;
    }

    /// <summary>A slim app in <paramref name="environment"/> with the given configuration and logs captured (and searched for canaries).</summary>
    public static WebApplicationBuilder Builder(string environment, IDictionary<string, string?> configuration, CapturedLogs? logs = null, string? contentRoot = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = contentRoot ?? AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new Canary());
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.WebHost.UseUrls("http://127.0.0.1:0");
        return builder;
    }

    /// <summary>
    /// Waits up to 20 s for <paramref name="condition"/> (a reload picked up from a polled directory, a log line), then
    /// fails with <paramref name="failure"/>.
    /// </summary>
    public static async Task WaitForAsync(Func<bool> condition, string failure)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100, Xunit.TestContext.Current.CancellationToken);
        }

        Xunit.Assert.True(condition(), failure + " within 20 s");
    }

    /// <summary>
    /// A started Production app (<c>AddBastion()</c>, valid configuration, logs captured) whose last configuration source
    /// is an in-memory one: change it through <see cref="Changes"/>, then call <c>IConfigurationRoot.Reload()</c>.
    /// </summary>
    public static async Task<WebApplication> StartWithChangeableConfigurationAsync(CapturedLogs logs)
    {
        WebApplicationBuilder builder = Builder("Production", ValidConfiguration(), logs);
        ((IConfigurationBuilder)builder.Configuration).Add(new MemoryConfigurationSource());
        WebApplication app = builder.AddBastion().Build();
        await app.StartAsync(Xunit.TestContext.Current.CancellationToken);
        return app;
    }

    /// <summary>The in-memory source of <see cref="StartWithChangeableConfigurationAsync"/>.</summary>
    public static MemoryConfigurationProvider Changes(WebApplication app)
        => ((IConfigurationRoot)app.Configuration).Providers.OfType<MemoryConfigurationProvider>().Last();

    /// <summary>The address a started app listens on (its port was chosen by the system).</summary>
    public static Uri AddressOf(WebApplication app)
        => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}

/// <summary>A new folder under the system's temporary folder, deleted with everything in it when disposed.</summary>
public sealed class TemporaryDirectory(string prefix) : IDisposable
{
    public string Path { get; } = System.IO.Directory.CreateTempSubdirectory(prefix).FullName;

    public void Dispose() => System.IO.Directory.Delete(Path, recursive: true);
}

/// <summary>Log lines a test reads; every line is also handed to <see cref="Canary"/>.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public string[] Lines => _lines.ToArray();

    public bool Contains(string fragment) => _lines.Any(l => l.Contains(fragment, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(_lines);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string line = logLevel + ": " + formatter(state, exception);
            Canary.Record(line);
            Canary.Record(exception?.ToString());
            lines.Enqueue(line);
        }
    }
}
