using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace Bastion.PostgreSql;

/// <summary>Bastion's own PostgreSQL statements, generated from [Sql] like an app's.</summary>
internal static partial class PostgreSqlQueries
{
    /// <summary>The NOTIFY channel of API-key changes.</summary>
    public const string ApiKeyChannel = "bastion_api_keys";

    [Sql("""
        CREATE TABLE IF NOT EXISTS bastion_data_protection_keys (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            friendly_name TEXT NOT NULL,
            xml TEXT NOT NULL
        )
        """)]
    public static partial Task CreateKeyTableAsync(DbConnection db, CancellationToken ct);

    [Sql("SELECT xml FROM bastion_data_protection_keys ORDER BY id")]
    public static partial Task<IReadOnlyList<string>> ReadKeysAsync(DbConnection db, CancellationToken ct);

    [Sql("INSERT INTO bastion_data_protection_keys (friendly_name, xml) VALUES (@friendlyName, @xml)")]
    public static partial Task StoreKeyAsync(DbConnection db, [SqlParam(MaxLength = 200)] string friendlyName, [SqlParam(MaxLength = 1_000_000)] string xml, CancellationToken ct);

    [Sql("LISTEN bastion_api_keys")]
    public static partial Task ListenAsync(DbConnection db, CancellationToken ct);

    [Sql("SELECT pg_notify('bastion_api_keys', @keyId)")]
    public static partial Task NotifyAsync(DbConnection db, [SqlParam(MaxLength = 64)] string keyId, CancellationToken ct);
}
