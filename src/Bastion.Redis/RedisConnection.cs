using System;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Bastion.Redis;

/// <summary>
/// The app's one Redis connection, from <c>Bastion:Redis:Configuration</c> (a StackExchange.Redis configuration
/// string). It connects in the background and reconnects by itself: an unreachable server is not a start-up error,
/// a missing or malformed setting is.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    /// <summary>The configuration key.</summary>
    public const string ConfigurationKey = "Bastion:Redis:Configuration";

    private readonly Lazy<ConnectionMultiplexer> _multiplexer;

    private RedisConnection(ConfigurationOptions options)
        => _multiplexer = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));

    /// <summary>The multiplexer (connected on first use).</summary>
    public ConnectionMultiplexer Multiplexer => _multiplexer.Value;

    /// <summary>The connection registered in <paramref name="services"/>, registering one from configuration the first time.</summary>
    public static RedisConnection For(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.FirstOrDefault(s => s.ServiceType == typeof(RedisConnection))?.ImplementationInstance is RedisConnection existing)
        {
            return existing;
        }

        string? text = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidOperationException($"Bastion: configuration key '{ConfigurationKey}' is required (for example 127.0.0.1:6379,password=...).");
        }

        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(text);
        }
        catch (ArgumentException error)
        {
            // The message can quote the value, which may hold a password: only the key is named.
            throw new InvalidOperationException($"Bastion: configuration key '{ConfigurationKey}' is not a valid Redis configuration string.", error);
        }

        options.AbortOnConnectFail = false; // start even while Redis is down; callers see IsConnected and fail closed
        var connection = new RedisConnection(options);
        services.AddSingleton(connection);
        Bastion.Hosting.HostOwnedConnection.Register(services, connection);
        return connection;
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }
}
