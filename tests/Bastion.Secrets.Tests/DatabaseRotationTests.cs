using System;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.Threading.Tasks;
using Bastion.Data;
using Bastion.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Xunit;

namespace Bastion.Secrets.Tests;

/// <summary>
/// Rotating a database password on a real PostgreSQL cluster with password authentication: change the role's
/// password and the secrets file; new connections use the new password without a restart, open ones keep working.
/// </summary>
public sealed class DatabaseRotationTests : IAsyncLifetime
{
    private readonly PostgresCluster _cluster = new() { PasswordAuthentication = true };
    private readonly string _secrets = Directory.CreateTempSubdirectory("bastion-db-secrets-").FullName;
    private readonly string _first = Canary.Track("pw1-" + Guid.NewGuid().ToString("N"));
    private readonly string _second = Canary.Track("pw2-" + Guid.NewGuid().ToString("N"));

    public async ValueTask InitializeAsync() => await _cluster.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_secrets, recursive: true);
    }

    [Fact]
    public async Task New_connections_use_the_rotated_password_and_open_ones_finish()
    {
        Assert.SkipWhen(_cluster.SkipReason is not null, _cluster.SkipReason ?? string.Empty);
        var ct = TestContext.Current.CancellationToken;
        await _cluster.RunSqlAsync($"CREATE ROLE app LOGIN PASSWORD '{_first}'");
        await File.WriteAllTextAsync(Path.Combine(_secrets, "Bastion__Database__Password"), _first, ct);
        Dictionary<string, string?> config = TestSupport.ValidConfiguration();
        config["Bastion:Secrets:Directory"] = _secrets;
        config["Bastion:Database:ConnectionString"] = _cluster.ServerAddress + ";Username=app;Database=postgres";
        WebApplicationBuilder builder = TestSupport.Builder("Production", config).AddBastion();
        builder.AddBastionDatabase(cs => new NpgsqlConnection(cs));
        await using WebApplication app = builder.Build();
        await app.StartAsync(ct);
        DbConnectionFactory factory = app.Services.GetRequiredService<DbConnectionFactory>();
        var monitor = app.Services.GetRequiredService<IOptionsMonitor<DatabaseOptions>>();
        Canary.Record(monitor.CurrentValue.ToString());

        await using DbConnection open = factory.Create();
        await open.OpenAsync(ct);
        Assert.Equal(1, await ScalarAsync(open));

        await _cluster.RunSqlAsync($"ALTER ROLE app PASSWORD '{_second}'");
        await using (DbConnection stale = factory.Create())
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => stale.OpenAsync(ct));
            Assert.Equal("28P01", refused.SqlState);
            Canary.Record(refused.ToString());
        }

        await File.WriteAllTextAsync(Path.Combine(_secrets, "Bastion__Database__Password"), _second, ct);
        await TestSupport.WaitForAsync(() => monitor.CurrentValue.Password == _second, "the replaced password file was not picked up");

        await using DbConnection fresh = factory.Create();
        await fresh.OpenAsync(ct);
        Assert.Equal(1, await ScalarAsync(fresh));
        Assert.Equal(1, await ScalarAsync(open));
        await app.StopAsync(ct);
    }

    [Theory]
    [InlineData("Host=db;Username=app;Password=hunter2hunter2", "contains a password")]
    [InlineData("", "is required")]
    public async Task A_connection_string_with_a_password_or_none_stops_start_up(string connectionString, string reason)
    {
        Dictionary<string, string?> config = TestSupport.ValidConfiguration();
        config["Bastion:Database:ConnectionString"] = connectionString;
        config["Bastion:Database:Password"] = Canary.Track("db-secret-" + Guid.NewGuid().ToString("N"));
        WebApplicationBuilder builder = TestSupport.Builder("Production", config).AddBastion();
        builder.AddBastionDatabase(cs => new NpgsqlConnection(cs));
        await using WebApplication app = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));
        Canary.Record(error.ToString());
        Assert.Contains("Bastion:Database:ConnectionString " + reason, error.Message, StringComparison.Ordinal);
    }

    private static async Task<int> ScalarAsync(DbConnection connection)
    {
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        return Convert.ToInt32(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
