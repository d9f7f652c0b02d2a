using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bastion.ApiKeys;
using Bastion.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Bastion.PostgreSql;

/// <summary>
/// Registration of Bastion's PostgreSQL pieces. They share one database, <c>Bastion:PostgreSql:ConnectionString</c>:
/// the API-key table and the Data Protection key table live side by side, so one backup and one set of credentials
/// cover both.
/// </summary>
public static class PostgreSqlStores
{
    /// <summary>The configuration key.</summary>
    public const string ConnectionStringKey = "Bastion:PostgreSql:ConnectionString";

    /// <summary>Makes <c>PostgreSQL</c> a choice for <c>Bastion:DataProtection:Store</c> (table <c>bastion_data_protection_keys</c>).</summary>
    public static DataProtectionStores AddPostgreSql(this DataProtectionStores stores)
    {
        ArgumentNullException.ThrowIfNull(stores);
        return stores.Add("PostgreSQL", context =>
        {
            NpgsqlDataSource dataSource = DataSource(context.Services, context.Configuration);
            context.Services.Configure<KeyManagementOptions>(options => options.XmlRepository = new PostgreSqlXmlRepository(dataSource));
        });
    }

    /// <summary>
    /// API keys in PostgreSQL with <c>LISTEN</c>/<c>NOTIFY</c> change notifications: each instance caches key rows
    /// (<c>Bastion:ApiKeys:CacheLifetime</c>) and drops one as soon as any instance retires or revokes it.
    /// </summary>
    public static IHostApplicationBuilder AddBastionPostgreSqlApiKeys(this IHostApplicationBuilder builder, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        NpgsqlDataSource dataSource = DataSource(builder.Services, builder.Configuration);
        builder.Services.AddSingleton<PostgreSqlApiKeyChangeFeed>();
        builder.Services.AddSingleton<ApiKeyChangeFeed>(provider => provider.GetRequiredService<PostgreSqlApiKeyChangeFeed>());
        builder.Services.AddHostedService(provider => provider.GetRequiredService<PostgreSqlApiKeyChangeFeed>());
        builder.Services.AddHostedService(_ => new PostgreSqlSchemaSetup(dataSource));
        return builder.AddBastionApiKeys(_ => dataSource.CreateConnection(), time);
    }

    /// <summary>Creates the API-key and Data Protection tables when missing (safe when several instances start at once).</summary>
    public static async Task EnsureSchemaAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await PostgreSqlSchema.CreateIfMissingAsync(() => ApiKeyService.EnsureSchemaAsync(connection, ct)).ConfigureAwait(false);
        await PostgreSqlSchema.CreateIfMissingAsync(() => PostgreSqlQueries.CreateKeyTableAsync(connection, ct)).ConfigureAwait(false);
    }

    /// <summary>The app's data source for <see cref="ConnectionStringKey"/>, registered once.</summary>
    public static NpgsqlDataSource DataSource(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.FirstOrDefault(s => s.ServiceType == typeof(NpgsqlDataSource))?.ImplementationInstance is NpgsqlDataSource existing)
        {
            return existing;
        }

        string? text = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidOperationException($"Bastion: configuration key '{ConnectionStringKey}' is required (Host=...;Database=...;Username=...).");
        }

        NpgsqlConnectionStringBuilder connection;
        try
        {
            connection = new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException error)
        {
            // The message can quote the value, which may hold a password: only the key is named.
            throw new InvalidOperationException($"Bastion: configuration key '{ConnectionStringKey}' is not a valid PostgreSQL connection string.", error);
        }

        if (connection.KeepAlive == 0)
        {
            connection.KeepAlive = 5; // the LISTEN connection notices a dead link within seconds
        }

        if (connection.Timeout > 5)
        {
            connection.Timeout = 5; // a key check waits at most this long for a connection before the 503
        }

        NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connection);
        services.AddSingleton(dataSource);
        Bastion.Hosting.HostOwnedConnection.Register(services, dataSource);
        return dataSource;
    }
}
