using System;
using System.Threading.Tasks;
using Npgsql;

namespace Bastion.PostgreSql;

/// <summary>CREATE TABLE IF NOT EXISTS from several instances at once can still collide in the catalog; the loser's table exists.</summary>
internal static class PostgreSqlSchema
{
    public static void CreateIfMissing(NpgsqlConnection connection, Func<Task> create) => CreateIfMissingAsync(create).GetAwaiter().GetResult();

    public static async Task CreateIfMissingAsync(Func<Task> create)
    {
        try
        {
            await create().ConfigureAwait(false);
        }
        catch (PostgresException error) when (error.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // Another instance created it at the same moment.
        }
    }
}
