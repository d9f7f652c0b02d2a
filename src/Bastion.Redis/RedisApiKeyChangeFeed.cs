using System;
using System.Threading;
using System.Threading.Tasks;
using Bastion.ApiKeys;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Bastion.Redis;

/// <summary>
/// API-key changes over Redis pub/sub. Pub/sub delivers only to connected subscribers, so the feed counts as listening
/// only while the connection is up and subscribed; a drop or a reconnect empties every cache (changes may have been
/// missed) and, until the subscription is back, every key check reads the database.
/// </summary>
public sealed class RedisApiKeyChangeFeed : ApiKeyChangeFeed, IHostedService
{
    /// <summary>The pub/sub channel.</summary>
    public static readonly RedisChannel Channel = RedisChannel.Literal("bastion:api-keys:changed");

    private readonly RedisConnection _connection;
    private int _subscribed;

    internal RedisApiKeyChangeFeed(RedisConnection connection) => _connection = connection;

    /// <inheritdoc/>
    public override bool IsListening => Volatile.Read(ref _subscribed) == 1 && _connection.Multiplexer.IsConnected;

    /// <inheritdoc/>
    public override async Task PublishAsync(string keyId, CancellationToken ct = default)
        => await _connection.Multiplexer.GetSubscriber().PublishAsync(Channel, keyId).ConfigureAwait(false);

    /// <summary>Subscribes (in the background when Redis is down at start-up).</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ConnectionMultiplexer multiplexer = _connection.Multiplexer;
        multiplexer.ConnectionFailed += (_, _) => OnListeningChanged();
        multiplexer.ConnectionRestored += (_, _) =>
        {
            OnListeningChanged();
            if (Volatile.Read(ref _subscribed) == 0)
            {
                _ = SubscribeAsync(); // a subscription that was made is restored by the multiplexer itself
            }
        };
        _ = SubscribeAsync();
        return Task.CompletedTask;
    }

    /// <summary>Unsubscribes.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _subscribed, 0);
        try
        {
            await _connection.Multiplexer.GetSubscriber().UnsubscribeAsync(Channel).ConfigureAwait(false);
        }
        catch (RedisException)
        {
            // Already gone: nothing to undo.
        }
    }

    private async Task SubscribeAsync()
    {
        try
        {
            ChannelMessageQueue queue = await _connection.Multiplexer.GetSubscriber().SubscribeAsync(Channel).ConfigureAwait(false);
            queue.OnMessage(message =>
            {
                if (message.Message.HasValue)
                {
                    OnChanged(message.Message.ToString());
                }
            });
            Volatile.Write(ref _subscribed, 1);
            OnListeningChanged();
        }
        catch (RedisException)
        {
            Volatile.Write(ref _subscribed, 0); // retried on ConnectionRestored
        }
    }
}
