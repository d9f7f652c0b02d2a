using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;

[assembly: AssemblyFixture(typeof(Bastion.Secrets.Tests.Canary))]

namespace Bastion.Secrets.Tests;

/// <summary>
/// The secret values used across this test assembly, and everything the tests saw come out of the code under test:
/// log lines, exception texts, response bodies, ToString() and JSON. When the run ends, none may contain a canary.
/// </summary>
public sealed class Canary : IAsyncDisposable, ILoggerProvider
{
    /// <summary>A valid API key (24+ characters).</summary>
    public const string ApiKey = "canary-api-9f31c6d2e8b47a05";

    /// <summary>A valid webhook signing key (32+ bytes).</summary>
    public const string SigningKey = "canary-signing-4d7e0b9a61f2c83e57a4";

    /// <summary>The API key after a rotation.</summary>
    public const string RotatedKey = "canary-rotated-5b8e2f0c9d1a7364";

    /// <summary>JWT signing keys (32+ bytes).</summary>
    public const string JwtKey1 = "canary-jwt-one-8c41f7a2d90b35e6c1a4";

    public const string JwtKey2 = "canary-jwt-two-2e9d5b7f01c6a3489d7e";

    /// <summary>A short secret: refused, and still never printed.</summary>
    public const string ShortKey = "canary-short";

    private static readonly ConcurrentQueue<string> Outputs = new();
    private static readonly ConcurrentBag<string> Issued = new();

    public static string[] All => [ApiKey, SigningKey, ShortKey, RotatedKey, JwtKey1, JwtKey2, .. Issued];

    /// <summary>Adds a secret made during the run (an issued API key, a database password) to the search.</summary>
    public static string Track(string secret)
    {
        Issued.Add(secret);
        return secret;
    }

    /// <summary>Keeps <paramref name="text"/> for the end-of-run search.</summary>
    public static void Record(string? text)
    {
        if (text is not null)
        {
            Outputs.Enqueue(text);
        }
    }

    public static int Count => Outputs.Count;

    public ValueTask DisposeAsync()
    {
        string[] leaks = Outputs.Where(o => All.Any(secret => o.Contains(secret, StringComparison.Ordinal))).ToArray();
        if (leaks.Length > 0)
        {
            throw new InvalidOperationException("A secret appeared in " + leaks.Length + " captured outputs, for example: " + leaks[0]);
        }

        return ValueTask.CompletedTask;
    }

    public ILogger CreateLogger(string categoryName) => new RecordingLogger();

    public void Dispose()
    {
    }

    private sealed class RecordingLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Record(formatter(state, exception));
            Record(exception?.ToString());
        }
    }
}
