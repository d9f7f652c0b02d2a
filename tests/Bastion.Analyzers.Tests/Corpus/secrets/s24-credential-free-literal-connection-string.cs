// family: secrets
// verdict: safe
// why: The connection string literal uses integrated, certificate-free peer authentication over a Unix socket and contains no password.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Corpus.Secrets.S24;

public static class DataSetup
{
    public static void AddData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create("Host=/var/run/postgresql;Database=orders;Username=orders_app"));
    }
}
