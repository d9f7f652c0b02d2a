using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Bastion.PostgreSql;

/// <summary>Creates Bastion's tables at start-up, before the server takes requests; an unreachable database stops start-up.</summary>
internal sealed class PostgreSqlSchemaSetup(NpgsqlDataSource dataSource) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => PostgreSqlStores.EnsureSchemaAsync(dataSource, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
