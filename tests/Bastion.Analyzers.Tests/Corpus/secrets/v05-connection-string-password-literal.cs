// family: secrets
// verdict: vulnerable
// sink-line: 15
// why: The database password is written inside a connection string literal, so it is in source control and in every build.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Corpus.Secrets.V05;

public static class DataSetup
{
    public static void AddData(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped(_ => new NpgsqlConnection("Host=db.internal;Database=orders;Username=orders_app;Password=Tr0ub4dor&3-orders"));
    }
}
