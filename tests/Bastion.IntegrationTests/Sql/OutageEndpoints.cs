using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Bastion.Sql;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.IntegrationTests.Sql;

/// <summary>A generated endpoint over a generated [Sql] query on a pooled PostgreSQL data source (DatabaseOutageTests).</summary>
[BastionEndpoints("/outage"), CsrfExempt("database outage tests; CSRF has its own tests")]
public static partial class OutageEndpoints
{
    /// <summary>Set by the test that owns the database.</summary>
    internal static DbDataSource? DataSource { get; set; }

    /// <summary>An API-key endpoint whose keys live in the same PostgreSQL database.</summary>
    [Get("/partner"), RequireApiKey]
    public static Ok<int> Partner() => TypedResults.Ok(1);

    [Get("/relations")]
    public static async Task<Ok<int>> Relations(CancellationToken ct)
    {
        await using DbConnection db = await DataSource!.OpenConnectionAsync(ct);
        return TypedResults.Ok((int)await db.CountRelations("pg_class", ct));
    }
}

public static partial class OutageQueries
{
    [Sql("SELECT count(*) FROM pg_class WHERE relname = @name")]
    public static partial Task<long> CountRelations(this DbConnection db, [SqlParam] string name, CancellationToken ct = default);
}
