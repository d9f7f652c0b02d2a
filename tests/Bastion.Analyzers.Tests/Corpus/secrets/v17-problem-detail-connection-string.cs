// family: secrets
// verdict: vulnerable
// sink-line: 28
// why: When the database is down the problem response includes the full connection string, password included, for any caller.
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Corpus.Secrets.V17;

public static class HealthEndpoints
{
    public static void MapDbHealth(this WebApplication app)
    {
        app.MapGet("/health/db", async (IConfiguration configuration) =>
        {
            string connectionString = configuration.GetConnectionString("Orders")!;
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                return Results.Ok("up");
            }
            catch (NpgsqlException)
            {
                return Results.Problem(detail: $"Cannot connect using '{connectionString}'", statusCode: 503);
            }
        });
    }
}
