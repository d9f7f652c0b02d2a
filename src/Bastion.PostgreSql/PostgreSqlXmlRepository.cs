using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Bastion.PostgreSql;

/// <summary>
/// The Data Protection key ring in the table <c>bastion_data_protection_keys</c>, through generated [Sql] queries.
/// Keys are only ever added (Data Protection revokes by adding a revocation element), so instances never conflict.
/// <see cref="IXmlRepository"/> is synchronous; it is called when the key ring is (re)loaded or a key is created, not
/// per request, so the blocking waits here are on the rare path.
/// </summary>
public sealed class PostgreSqlXmlRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    private int _schemaReady;

    /// <inheritdoc/>
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using NpgsqlConnection connection = OpenWithSchema();
        IReadOnlyList<string> rows = PostgreSqlQueries.ReadKeysAsync(connection, CancellationToken.None).GetAwaiter().GetResult();
        return rows.Select(xml => XElement.Parse(xml)).ToList();
    }

    /// <inheritdoc/>
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using NpgsqlConnection connection = OpenWithSchema();
        PostgreSqlQueries.StoreKeyAsync(connection, friendlyName, element.ToString(SaveOptions.DisableFormatting), CancellationToken.None).GetAwaiter().GetResult();
    }

    private NpgsqlConnection OpenWithSchema()
    {
        NpgsqlConnection connection = dataSource.OpenConnection();
        if (Volatile.Read(ref _schemaReady) == 0)
        {
            try
            {
                PostgreSqlSchema.CreateIfMissing(connection, () => PostgreSqlQueries.CreateKeyTableAsync(connection, CancellationToken.None));
                Volatile.Write(ref _schemaReady, 1);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        return connection;
    }
}
