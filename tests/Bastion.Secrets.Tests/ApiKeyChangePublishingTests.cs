using System;
using System.Threading;
using System.Threading.Tasks;
using Bastion.ApiKeys;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bastion.Secrets.Tests;

/// <summary>
/// A key change is saved before other instances are told. When telling them fails (the feed's database or Redis is
/// unreachable at that moment), the change must still count as made: the call reports it done, the log says that
/// other instances were not told and when they stop using their cached copy, and this instance refuses the key at once.
/// </summary>
public sealed class ApiKeyChangePublishingTests : IAsyncLifetime
{
    private readonly string _file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bastion-keys-publish-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturedLogs _logs = new();
    private readonly FailingFeed _feed = new();
    private SqliteConnection _db = null!;
    private ApiKeyService _service = null!;

    public async ValueTask InitializeAsync()
    {
        _db = new SqliteConnection("Data Source=" + _file + ";Pooling=False");
        await _db.OpenAsync(TestContext.Current.CancellationToken);
        await ApiKeyService.EnsureSchemaAsync(_db, TestContext.Current.CancellationToken);
        _service = new ApiKeyService(_time, TimeSpan.FromDays(7))
        {
            Changes = _feed,
            Cache = new ApiKeyCache(_feed, TimeSpan.FromSeconds(30), _time),
            Logger = _logs.CreateLogger("Bastion.ApiKeys"),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        System.IO.File.Delete(_file);
    }

    [Fact]
    public async Task A_revocation_that_cannot_be_told_is_still_made_and_says_so()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        ApiKeyCreated key = await _service.CreateAsync(_db, "partner", ct);
        Assert.NotNull(await _service.VerifyAsync(_db, key.Key, ct)); // now cached on this instance

        Assert.True(await _service.RevokeAsync(_db, key.Id, ct));

        Assert.Equal(1, _feed.Attempts);
        Assert.Null(await _service.VerifyAsync(_db, key.Key, ct));
        Assert.False(await _service.RevokeAsync(_db, key.Id, ct)); // saved: a second revocation finds nothing to do
        string warning = Assert.Single(_logs.Lines, l => l.Contains(key.Id, StringComparison.Ordinal));
        Assert.Contains("saved", warning, StringComparison.Ordinal);
        Assert.Contains("Bastion:ApiKeys:CacheLifetime", warning, StringComparison.Ordinal);
        Assert.Contains("00:00:30", warning, StringComparison.Ordinal);
        Assert.Contains("feed unreachable", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Key, warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotation_and_retirement_that_cannot_be_told_are_still_made()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        ApiKeyCreated first = await _service.CreateAsync(_db, "partner", ct);
        ApiKeyCreated? second = await _service.RotateAsync(_db, first.Id, ct);
        Assert.NotNull(second);
        Assert.NotNull(await _service.VerifyAsync(_db, first.Key, ct)); // within its grace period

        Assert.Equal(1, _feed.Attempts);
        Assert.NotNull(await _service.VerifyAsync(_db, second.Key, ct));

        Assert.True(await _service.RetireAsync(_db, second.Id, _time.GetUtcNow(), ct));

        Assert.Null(await _service.VerifyAsync(_db, second.Key, ct));
        Assert.NotNull(await _service.VerifyAsync(_db, first.Key, ct)); // the rotated-out key keeps its grace period
        Assert.Equal(2, _feed.Attempts);
        Assert.Single(_logs.Lines, l => l.Contains(first.Id, StringComparison.Ordinal));
        Assert.Single(_logs.Lines, l => l.Contains(second.Id, StringComparison.Ordinal));
    }

    /// <summary>A feed that listens but cannot send: its publish fails the way a dropped connection does.</summary>
    private sealed class FailingFeed : ApiKeyChangeFeed
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public override bool IsListening => true;

        public override Task PublishAsync(string keyId, CancellationToken ct = default)
        {
            Interlocked.Increment(ref _attempts);
            return Task.FromException(new System.IO.IOException("feed unreachable"));
        }
    }
}
