// family: secrets
// verdict: safe
// why: The connection string is parsed and only its host and database are logged; the password in it is not.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Corpus.Secrets.S20;

public sealed class DatabaseStartup(IConfiguration configuration, ILogger<DatabaseStartup> logger)
{
    public NpgsqlDataSource Build()
    {
        string connectionString = configuration.GetConnectionString("Orders")!;
        var parsed = new NpgsqlConnectionStringBuilder(connectionString);
        logger.LogInformation("Using database {Database} on {Host}", parsed.Database, parsed.Host);
        return NpgsqlDataSource.Create(connectionString);
    }
}
