using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Bastion.ApiKeys;
using Bastion.PostgreSql;
using Bastion.Redis;
using Bastion.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bastion.IntegrationTests.ScaleOut;

/// <summary>
/// API keys on two instances that each cache key rows: a key revoked or retired on one is refused by the other within
/// one second (the documented bound), through PostgreSQL LISTEN/NOTIFY or Redis pub/sub; while the feed is down the
/// cache is bypassed, so a revocation is seen at once.
/// </summary>
public sealed class ApiKeyPropagationTests(RedisServer redis, PostgresCluster postgres) : IClassFixture<RedisServer>, IClassFixture<PostgresCluster>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    private sealed record Instance(WebApplication App, ApiKeyService Keys, ApiKeyDatabase Database) : IAsyncDisposable
    {
        public async Task<ApiKeyIdentity?> VerifyAsync(string key)
        {
            await using DbConnection db = Database.Open(App.Services);
            return await Keys.VerifyAsync(db, key, TestContext.Current.CancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }

    private static async Task<Instance> StartAsync(Dictionary<string, string?> settings, Action<WebApplicationBuilder> register)
    {
        WebApplicationBuilder builder = ScaleOutApps.Builder(settings);
        register(builder);
        WebApplication app = builder.Build();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var instance = new Instance(app, app.Services.GetRequiredService<ApiKeyService>(), app.Services.GetRequiredService<ApiKeyDatabase>());
        await WaitForAsync(() => instance.Keys.Changes!.IsListening, TimeSpan.FromSeconds(20), "the change feed did not start listening");
        return instance;
    }

    private static async Task<TimeSpan> TimeUntilRefusedAsync(Instance instance, string key)
    {
        var clock = Stopwatch.StartNew();
        while (await instance.VerifyAsync(key) is not null && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        return clock.Elapsed;
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string message)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < timeout)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.True(condition(), message);
    }

    private static async Task AssertChangesPropagateAsync(Instance a, Instance b)
    {
        ApiKeyCreated revoked;
        ApiKeyCreated retired;
        await using (DbConnection db = a.Database.Open(a.App.Services))
        {
            revoked = await a.Keys.CreateAsync(db, "acme", TestContext.Current.CancellationToken);
            retired = await a.Keys.CreateAsync(db, "globex", TestContext.Current.CancellationToken);
        }

        // B checks both keys and caches their rows: from now on it reads the database only when told to.
        Assert.Equal("acme", (await b.VerifyAsync(revoked.Key))?.Owner);
        Assert.Equal("globex", (await b.VerifyAsync(retired.Key))?.Owner);
        Assert.True(b.Keys.Cache!.Count >= 2, "B caches the rows it checked");

        await using (DbConnection db = a.Database.Open(a.App.Services))
        {
            Assert.True(await a.Keys.RevokeAsync(db, revoked.Id, TestContext.Current.CancellationToken));
        }

        TimeSpan revokedAfter = await TimeUntilRefusedAsync(b, revoked.Key);
        Assert.True(revokedAfter < Bound, $"a revoked key was still accepted by another instance after {revokedAfter.TotalMilliseconds:F0} ms");

        await using (DbConnection db = a.Database.Open(a.App.Services))
        {
            Assert.True(await a.Keys.RetireAsync(db, retired.Id, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken));
        }

        TimeSpan retiredAfter = await TimeUntilRefusedAsync(b, retired.Key);
        Assert.True(retiredAfter < Bound, $"a retired key was still accepted by another instance after {retiredAfter.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task PostgreSQL_notifications_end_a_revoked_or_retired_key_on_every_instance_within_a_second()
    {
        Assert.SkipWhen(postgres.SkipReason is not null, postgres.SkipReason ?? string.Empty);
        var settings = new Dictionary<string, string?> { ["Bastion:PostgreSql:ConnectionString"] = await ScaleOutApps.NewDatabaseAsync(postgres), ["Bastion:ApiKeys:CacheLifetime"] = "00:10:00" };
        await using Instance a = await StartAsync(settings, b => b.AddBastionPostgreSqlApiKeys());
        await using Instance b = await StartAsync(settings, b => b.AddBastionPostgreSqlApiKeys());
        await AssertChangesPropagateAsync(a, b);
    }

    [Fact]
    public async Task Redis_notifications_end_a_revoked_or_retired_key_on_every_instance_within_a_second_and_an_outage_bypasses_the_cache()
    {
        Assert.SkipWhen(redis.SkipReason is not null, redis.SkipReason ?? string.Empty);
        string file = Path.Combine(Path.GetTempPath(), "bastion-keys-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            string connection = "Data Source=" + file + ";Pooling=False";
            await using (var db = new SqliteConnection(connection))
            {
                await ApiKeyService.EnsureSchemaAsync(db, TestContext.Current.CancellationToken);
            }

            var settings = new Dictionary<string, string?> { ["Bastion:Redis:Configuration"] = redis.Configuration, ["Bastion:ApiKeys:CacheLifetime"] = "00:10:00" };
            void Register(WebApplicationBuilder builder) => builder.AddBastionRedisApiKeyChanges().AddBastionApiKeys(_ => new SqliteConnection(connection));
            await using Instance a = await StartAsync(settings, Register);
            await using Instance b = await StartAsync(settings, Register);
            await AssertChangesPropagateAsync(a, b);

            // Redis goes away: B can no longer hear of changes, so it stops trusting its cache and every check reads the
            // database; a key revoked during the outage is refused at once.
            ApiKeyCreated key;
            await using (DbConnection db = a.Database.Open(a.App.Services))
            {
                key = await a.Keys.CreateAsync(db, "initech", TestContext.Current.CancellationToken);
            }

            Assert.NotNull(await b.VerifyAsync(key.Key));
            await redis.StopAsync();
            await WaitForAsync(() => !b.Keys.Changes!.IsListening, TimeSpan.FromSeconds(20), "B did not notice that Redis is gone");
            await using (var db = new SqliteConnection(connection))
            {
                await db.OpenAsync(TestContext.Current.CancellationToken);
                await using SqliteCommand revoke = db.CreateCommand();
                revoke.CommandText = "UPDATE bastion_api_keys SET revoked_at = 1 WHERE id = $id";
                revoke.Parameters.AddWithValue("$id", key.Id);
                Assert.Equal(1, await revoke.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
            }

            Assert.Null(await b.VerifyAsync(key.Key));
            await redis.StartAsync();
            await WaitForAsync(() => b.Keys.Changes!.IsListening, TimeSpan.FromSeconds(30), "B did not listen again after Redis came back");
            Assert.Equal(0, b.Keys.Cache!.Count);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    /// <summary>
    /// An instance that stops gives its connections back: the PostgreSQL data source and the Redis connection Bastion
    /// created are closed when the host is disposed (a test suite or a process that builds several hosts would
    /// otherwise keep every one open).
    /// </summary>
    [Fact]
    public async Task A_disposed_instance_closes_its_database_and_Redis_connections()
    {
        Assert.SkipWhen(postgres.SkipReason is not null, postgres.SkipReason ?? string.Empty);
        Assert.SkipWhen(redis.SkipReason is not null, redis.SkipReason ?? string.Empty);
        string application = "bastion-dispose-" + Guid.NewGuid().ToString("N")[..8];
        string database = await ScaleOutApps.NewDatabaseAsync(postgres);
        string file = Path.Combine(Path.GetTempPath(), "bastion-keys-" + Guid.NewGuid().ToString("N") + ".db");
        await using var observer = new Npgsql.NpgsqlConnection(database);
        await observer.OpenAsync(TestContext.Current.CancellationToken);
        await using StackExchange.Redis.ConnectionMultiplexer redisObserver = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true");

        async Task<long> DatabaseConnectionsAsync()
        {
            await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @name", observer);
            count.Parameters.AddWithValue("name", application);
            return (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }

        int RedisClients() => redisObserver.GetServer(redisObserver.GetEndPoints()[0]).ClientList().Count(c => c.Name == application);

        // PostgreSQL: keys stored there, changes over LISTEN/NOTIFY.
        Instance onPostgres = await StartAsync(
            new Dictionary<string, string?> { ["Bastion:PostgreSql:ConnectionString"] = database + ";Application Name=" + application },
            b => b.AddBastionPostgreSqlApiKeys());
        Assert.Null(await onPostgres.VerifyAsync("bk_aaaaaaaaaaaa_" + new string('a', 43)));
        Assert.True(await DatabaseConnectionsAsync() > 0, "the instance holds database connections while it runs");
        await onPostgres.DisposeAsync();
        for (int i = 0; i < 100 && await DatabaseConnectionsAsync() > 0; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, await DatabaseConnectionsAsync());

        // Redis: changes over pub/sub.
        try
        {
            string connection = "Data Source=" + file + ";Pooling=False";
            Instance onRedis = await StartAsync(
                new Dictionary<string, string?> { ["Bastion:Redis:Configuration"] = redis.Configuration + ",name=" + application },
                b => b.AddBastionRedisApiKeyChanges().AddBastionApiKeys(_ => new SqliteConnection(connection)));
            Assert.True(RedisClients() > 0, "the instance holds a Redis connection while it runs");
            await onRedis.DisposeAsync();
            await WaitForAsync(() => RedisClients() == 0, TimeSpan.FromSeconds(10), "a Redis connection left open after the host was disposed");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
