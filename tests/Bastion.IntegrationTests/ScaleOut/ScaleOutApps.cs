using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Bastion.IntegrationTests.ScaleOut;

/// <summary>Small apps for the scale-out component tests: configuration in, captured log lines out.</summary>
internal static class ScaleOutApps
{
    public static WebApplicationBuilder Builder(IDictionary<string, string?> settings, LogLines? logs = null, string environment = "Development")
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment, ApplicationName = "scale-out-tests" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        return builder;
    }

    /// <summary>A fresh database in <paramref name="cluster"/>, and a pooled connection string to it.</summary>
    public static async Task<string> NewDatabaseAsync(Bastion.Testing.PostgresCluster cluster)
    {
        string name = "t" + Guid.NewGuid().ToString("N")[..12];
        await cluster.RunSqlAsync("CREATE DATABASE " + name);
        return new NpgsqlConnectionStringBuilder(cluster.ServerAddress) { Username = "bastion", Database = name, Pooling = true }.ConnectionString;
    }
}

/// <summary>Log lines a test reads.</summary>
internal sealed class LogLines : ILoggerProvider
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

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => lines.Enqueue(logLevel + ": " + formatter(state, exception));
    }
}
