using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Bastion.IntegrationTests.ScaleOut;

/// <summary>Small apps for the scale-out component tests: configuration in, captured log lines out.</summary>
internal static class ScaleOutApps
{
    public static WebApplicationBuilder Builder(IDictionary<string, string?> settings, Browser.CapturedLogs? logs = null, string environment = "Development")
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment, ApplicationName = "scale-out-tests" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        return builder;
    }

    /// <summary>A fresh database in <paramref name="cluster"/>, and a pooled connection string to it.</summary>
    public static async Task<string> NewDatabaseAsync(Bastion.Testing.PostgresCluster cluster)
    {
        string name = "t" + Guid.NewGuid().ToString("N")[..12];
        await cluster.RunSqlAsync("CREATE DATABASE " + name);
        return new NpgsqlConnectionStringBuilder(cluster.ServerAddress) { Username = "bastion", Database = name, Pooling = true }.ConnectionString;
    }
}
