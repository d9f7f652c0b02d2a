using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Bastion.ApiKeys;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Bastion.PostgreSql;

/// <summary>
/// API-key changes over PostgreSQL <c>LISTEN</c>/<c>NOTIFY</c> on channel <see cref="PostgreSqlQueries.ApiKeyChannel"/>.
/// One connection per instance listens (a keepalive every few seconds notices a dead link); while it is down the feed
/// is not listening, so caches are bypassed, and it reconnects every second. NOTIFY is sent after the change commits.
/// </summary>
public sealed class PostgreSqlApiKeyChangeFeed(NpgsqlDataSource dataSource, ILogger<PostgreSqlApiKeyChangeFeed> logger) : ApiKeyChangeFeed, IHostedService, IDisposable
{
    private static readonly Action<ILogger, string, Exception?> ListenFailed = LoggerMessage.Define<string>(
        LogLevel.Warning, new EventId(41, "ApiKeyListenFailed"),
        "Bastion: listening for API-key changes failed ({Error}); until it is back every key check reads the database");

    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private int _listening;

    /// <inheritdoc/>
    public override bool IsListening => Volatile.Read(ref _listening) == 1;

    /// <inheritdoc/>
    public override async Task PublishAsync(string keyId, CancellationToken ct = default)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await PostgreSqlQueries.NotifyAsync(connection, keyId, ct).ConfigureAwait(false);
    }

    /// <summary>Starts listening in the background (a database down at start-up is retried, not fatal).</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => ListenAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops listening.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Releases the stop signal.</summary>
    public void Dispose() => _stop.Dispose();

    private async Task ListenAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(stop).ConfigureAwait(false);
                connection.Notification += (_, e) => OnChanged(e.Payload);
                await PostgreSqlQueries.ListenAsync(connection, stop).ConfigureAwait(false);
                SetListening(true);
                while (!stop.IsCancellationRequested)
                {
                    await connection.WaitAsync(stop).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error) when (error is NpgsqlException or SocketException or IOException or TimeoutException or InvalidOperationException)
            {
                ListenFailed(logger, error.GetType().Name, null);
            }
            finally
            {
                SetListening(false);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private void SetListening(bool listening)
    {
        if (Interlocked.Exchange(ref _listening, listening ? 1 : 0) != (listening ? 1 : 0))
        {
            OnListeningChanged();
        }
    }
}
