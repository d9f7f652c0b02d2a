using System.Collections.Generic;
using System.Data.Common;
using System.Text.Json.Serialization.Metadata;
using Bastion.ApiKeys;
using Bastion.DataProtection;
using Bastion.Jwt;
using Bastion.PostgreSql;
using Bastion.Redis;
using Bastion.Samples.Api.Comments;
using Bastion.Samples.Api.Partners;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bastion.Samples.Api;

/// <summary>Builds the sample app; tests start the same app on Kestrel with their own database file.</summary>
public static class SampleApp
{
    public static WebApplication Build(string[] args)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
        builder.AddBastion();
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            // The sample's context first, and no reflection-based resolver even under the JIT (tests): a type missing from
            // the context fails here the way it would under NativeAOT. ASP.NET Core's own contexts (problem details) stay.
            IList<IJsonTypeInfoResolver> chain = options.SerializerOptions.TypeInfoResolverChain;
            for (int i = chain.Count - 1; i >= 0; i--)
            {
                if (chain[i] is DefaultJsonTypeInfoResolver)
                {
                    chain.RemoveAt(i);
                }
            }

            chain.Insert(0, SampleJsonContext.Default);
        });
        builder.Services.AddOpenApi();

        string connectionString = builder.Configuration.GetConnectionString("Comments") ?? "Data Source=bastion-sample.db";
        builder.Services.AddScoped<DbConnection>(_ => SampleDatabase.Connect(connectionString));

        // Several instances (docs/scale-out.md): the Data Protection key ring in the store Bastion:DataProtection:Store
        // names, API keys in PostgreSQL with LISTEN/NOTIFY when Bastion:PostgreSql:ConnectionString is set. With neither,
        // one instance on SQLite, as before.
        builder.AddBastionDataProtection(stores => stores.AddRedis().AddPostgreSql());
        bool sharedKeys = !string.IsNullOrWhiteSpace(builder.Configuration[PostgreSqlStores.ConnectionStringKey]);
        if (sharedKeys)
        {
            builder.AddBastionPostgreSqlApiKeys();
        }
        else
        {
            builder.AddBastionApiKeys(_ => SampleDatabase.Connect(connectionString));
        }

        SampleJwt.UseEphemeralKeyWhenUnconfigured(builder);
        builder.AddBastionJwt();

        WebApplication app = builder.Build();
        using (SqliteConnection connection = SampleDatabase.Connect(connectionString))
        {
            connection.Open();
            SampleDatabase.UseWriteAheadLog(connection);
            connection.EnsureSchemaAsync().GetAwaiter().GetResult();
            if (!sharedKeys)
            {
                ApiKeyService.EnsureSchemaAsync(connection).GetAwaiter().GetResult();
            }
        }

        app.UseBastion();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapBastionJwks();
        app.MapBastionEndpoints();
        return app;
    }
}
