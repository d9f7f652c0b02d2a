using System;
using System.Data.Common;
using System.IO;
using System.Threading.Tasks;
using Bastion.ApiKeys;
using Bastion.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit;

namespace Bastion.Secrets.Tests;

/// <summary>API keys on a real database: created, verified, rotated with a grace period, revoked; only hashes stored.</summary>
public abstract class ApiKeyTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private DbConnection _db = null!;

    protected abstract string? SkipReason { get; }

    protected ApiKeyService Service { get; private set; } = null!;

    protected abstract Task<DbConnection> OpenAsync();

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        _db = await OpenAsync();
        await ApiKeyService.EnsureSchemaAsync(_db, TestContext.Current.CancellationToken);
        Service = new ApiKeyService(_time, TimeSpan.FromDays(7));
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task<ApiKeyCreated> CreateAsync(string owner)
    {
        ApiKeyCreated created = await Service.CreateAsync(_db, owner, TestContext.Current.CancellationToken);
        Canary.Track(created.Key);
        Canary.Record(created.ToString());
        return created;
    }

    private Task<ApiKeyIdentity?> VerifyAsync(string? key) => Service.VerifyAsync(_db, key, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_created_key_verifies_to_its_owner_and_only_its_hash_is_stored()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        ApiKeyCreated created = await CreateAsync("billing-service");
        Assert.StartsWith("bk_" + created.Id + "_", created.Key, StringComparison.Ordinal);
        Assert.True(created.Key.Length > 50);
        Assert.Equal(new ApiKeyIdentity(created.Id, "billing-service"), await VerifyAsync(created.Key));
        Assert.DoesNotContain(created.Key, created.ToString(), StringComparison.Ordinal);

        await using DbCommand command = _db.CreateCommand();
        command.CommandText = "SELECT id, owner, hash FROM bastion_api_keys";
        await using DbDataReader reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal(32, ((byte[])reader["hash"]).Length);
        Assert.Equal(created.Id, reader.GetString(0));
        Assert.DoesNotContain(created.Key[(created.Id.Length + 4)..], reader.GetString(0) + reader.GetString(1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_rotation_the_old_key_works_until_the_grace_period_ends()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        ApiKeyCreated old = await CreateAsync("partner");
        ApiKeyCreated rotated = (await Service.RotateAsync(_db, old.Id, TestContext.Current.CancellationToken))!;
        Canary.Track(rotated.Key);
        Assert.Equal("partner", rotated.Owner);
        Assert.NotEqual(old.Id, rotated.Id);

        _time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMilliseconds(1));
        Assert.NotNull(await VerifyAsync(old.Key));
        Assert.NotNull(await VerifyAsync(rotated.Key));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(await VerifyAsync(old.Key));
        Assert.NotNull(await VerifyAsync(rotated.Key));

        // A key is rotated once; the old key cannot mint another replacement.
        Assert.Null(await Service.RotateAsync(_db, old.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_revoked_key_fails_at_once_even_inside_a_grace_period()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        ApiKeyCreated old = await CreateAsync("partner");
        ApiKeyCreated rotated = (await Service.RotateAsync(_db, old.Id, TestContext.Current.CancellationToken))!;
        Canary.Track(rotated.Key);
        Assert.True(await Service.RevokeAsync(_db, old.Id, TestContext.Current.CancellationToken));
        Assert.Null(await VerifyAsync(old.Key));
        Assert.True(await Service.RevokeAsync(_db, rotated.Id, TestContext.Current.CancellationToken));
        Assert.Null(await VerifyAsync(rotated.Key));
        Assert.False(await Service.RevokeAsync(_db, rotated.Id, TestContext.Current.CancellationToken));
        Assert.Null(await Service.RotateAsync(_db, rotated.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Forged_and_malformed_keys_are_refused()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        ApiKeyCreated created = await CreateAsync("partner");
        string wrongSecret = created.Key[..^4] + (created.Key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        foreach (string? forged in new[]
        {
            wrongSecret, created.Key + "x", created.Key.ToUpperInvariant(), "bk_aaaaaaaaaaaa_" + created.Key[16..], null, "", "bk_", "bk_" + created.Id,
            "bk_" + created.Id + "_", "bk_' OR 1=1 --_xxxxxxxxxxxxxxxxxxxxxxxx", new string('a', 5000), " " + created.Key,
        })
        {
            Assert.Null(await VerifyAsync(forged));
        }
    }
}

public sealed class SqliteApiKeyTests : ApiKeyTests
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "bastion-keys-" + Guid.NewGuid().ToString("N") + ".db");

    protected override string? SkipReason => null;

    protected override async Task<DbConnection> OpenAsync()
    {
        var connection = new SqliteConnection("Data Source=" + _file + ";Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_file);
    }
}

public sealed class PostgresApiKeyTests(PostgresCluster cluster) : ApiKeyTests, IClassFixture<PostgresCluster>
{
    protected override string? SkipReason => cluster.SkipReason;

    protected override async Task<DbConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using (NpgsqlCommand reset = connection.CreateCommand())
        {
            reset.CommandText = "DROP TABLE IF EXISTS bastion_api_keys";
            await reset.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        return connection;
    }
}
