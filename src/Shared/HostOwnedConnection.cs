using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bastion.Hosting;

/// <summary>
/// Closes a connection Bastion opened for the app when the app's host is disposed. Bastion creates its PostgreSQL data
/// source and Redis connection while the app is configured (before any container exists) and registers them as
/// instances, which a container never disposes. This hosted service, created by the container when the host starts, is
/// disposed with the container, after every hosted service has stopped.
/// </summary>
internal sealed class HostOwnedConnection(IDisposable connection) : IHostedService, IDisposable
{
    /// <summary>Registers <paramref name="connection"/> to be disposed with the host.</summary>
    public static void Register(IServiceCollection services, IDisposable connection)
        => services.AddSingleton<IHostedService>(_ => new HostOwnedConnection(connection));

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => connection.Dispose();
}
