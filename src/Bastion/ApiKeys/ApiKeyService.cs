using System;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Bastion.Sql;
using Microsoft.Extensions.Logging;

namespace Bastion.ApiKeys;

/// <summary>A new key: <see cref="Key"/> is shown to its owner once and never stored.</summary>
public sealed record ApiKeyCreated(string Id, string Owner, string Key)
{
    /// <summary>Hides the key; print <see cref="Id"/> instead.</summary>
    public override string ToString() => $"ApiKeyCreated {{ Id = {Id}, Owner = {Owner}, Key = *** }}";
}

/// <summary>Who a verified key belongs to.</summary>
public sealed record ApiKeyIdentity(string Id, string Owner);

/// <summary>
/// API keys: <c>bk_{id}_{secret}</c> where the id (12 base32 characters) is the lookup and the secret is 256 random
/// bits; only SHA-256 of the whole key is stored and it is compared in constant time. Rotating issues a new key and
/// lets the previous one work until the grace period ends (default 7 days, <c>Bastion:ApiKeys:GracePeriod</c>);
/// revoking ends a key at once. Time comes from <see cref="TimeProvider"/>. Storage is Bastion's generated SQL on
/// SQLite or PostgreSQL.
/// </summary>
public sealed class ApiKeyService(TimeProvider time, TimeSpan gracePeriod)
{
    private const string Prefix = "bk_";
    private const int IdLength = 12;
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static readonly byte[] NoMatch = SHA256.HashData("bastion: no such key"u8);

    private static readonly Action<ILogger, string, string, TimeSpan, Exception?> ChangeNotTold = LoggerMessage.Define<string, string, TimeSpan>(
        LogLevel.Warning,
        new EventId(42, "ApiKeyChangeNotTold"),
        "Bastion: the change to API key {KeyId} is saved, but other instances could not be told ({Error}); they stop using their cached copy within Bastion:ApiKeys:CacheLifetime ({CacheLifetime}) at the latest");

    /// <summary>How long a rotated-out key keeps working.</summary>
    public TimeSpan GracePeriod { get; } = gracePeriod >= TimeSpan.Zero ? gracePeriod : throw new ArgumentOutOfRangeException(nameof(gracePeriod));

    /// <summary>Tells other instances about retired and revoked keys (null: one instance, nothing to tell).</summary>
    public ApiKeyChangeFeed? Changes { get; init; }

    /// <summary>Rows cached between checks while <see cref="Changes"/> listens (null: every check reads the database).</summary>
    public ApiKeyCache? Cache { get; init; }

    /// <summary>Where a change that could not be told to other instances is reported (a warning naming the key id).</summary>
    public ILogger? Logger { get; init; }

    /// <summary>Creates the table when it does not exist (dialect from the connection).</summary>
    public static async Task EnsureSchemaAsync(DbConnection db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await (SqlRuntime.DialectOf(db) == SqlDialect.PostgreSql ? ApiKeyQueries.CreatePostgresSchemaAsync(db, ct) : ApiKeyQueries.CreateSqliteSchemaAsync(db, ct)).ConfigureAwait(false);
    }

    /// <summary>Issues a key for <paramref name="owner"/>.</summary>
    public async Task<ApiKeyCreated> CreateAsync(DbConnection db, string owner, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        (string id, string key) = NewKey();
        await ApiKeyQueries.InsertAsync(db, id, owner, Hash(key), Now(), null, ct).ConfigureAwait(false);
        return new ApiKeyCreated(id, owner, key);
    }

    /// <summary>
    /// Issues a new key for the owner of <paramref name="id"/>; the old one keeps working until the grace period ends.
    /// Returns null when <paramref name="id"/> is unknown, revoked or already rotated.
    /// </summary>
    public async Task<ApiKeyCreated?> RotateAsync(DbConnection db, string id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await SqlRuntime.OpenIfClosedAsync(db, ct).ConfigureAwait(false);
        await using DbTransaction transaction = await db.BeginTransactionAsync(ct).ConfigureAwait(false);
        ApiKeyRow? old = await ApiKeyQueries.FindAsync(db, id, transaction, ct).ConfigureAwait(false);
        if (old is null || old.RevokedAt is not null || old.ReplacedBy is not null)
        {
            return null;
        }

        (string newId, string key) = NewKey();
        long now = Now();
        await ApiKeyQueries.InsertAsync(db, newId, old.Owner, Hash(key), now, transaction, ct).ConfigureAwait(false);
        if (await ApiKeyQueries.RetireAsync(db, id, now + (long)GracePeriod.TotalMilliseconds, newId, transaction, ct).ConfigureAwait(false) != 1)
        {
            return null;
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        await PublishAsync(id, ct).ConfigureAwait(false);
        return new ApiKeyCreated(newId, old.Owner, key);
    }

    /// <summary>Ends <paramref name="id"/> now; false when it was unknown or already revoked.</summary>
    public async Task<bool> RevokeAsync(DbConnection db, string id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        bool revoked = await ApiKeyQueries.RevokeAsync(db, id, Now(), ct).ConfigureAwait(false) == 1;
        if (revoked)
        {
            await PublishAsync(id, ct).ConfigureAwait(false);
        }

        return revoked;
    }

    /// <summary>
    /// Ends <paramref name="id"/> at <paramref name="at"/> (now, or a moment within its grace period) without issuing a
    /// successor: a key retired by hand. False when it was unknown, revoked or already retired.
    /// </summary>
    public async Task<bool> RetireAsync(DbConnection db, string id, DateTimeOffset at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        bool retired = await ApiKeyQueries.RetireAsync(db, id, at.ToUnixTimeMilliseconds(), "retired", null, ct).ConfigureAwait(false) == 1;
        if (retired)
        {
            await PublishAsync(id, ct).ConfigureAwait(false);
        }

        return retired;
    }

    // The change is committed before it is told: an instance that hears of it and reads again sees it. Telling can
    // fail after the commit (the feed's database or Redis unreachable at that moment); the change is made all the same,
    // so the call still reports it and the warning says how long other instances may keep their cached copy.
    private async Task PublishAsync(string id, CancellationToken ct)
    {
        Cache?.Drop(id);
        if (Changes is null)
        {
            return;
        }

        try
        {
            await Changes.PublishAsync(id, ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            if (Logger is not null)
            {
                ChangeNotTold(Logger, id, e.GetType().Name + ": " + e.Message, Cache?.Lifetime ?? TimeSpan.Zero, null);
            }
        }
    }

    /// <summary>The key's owner when <paramref name="presented"/> is a valid, unrevoked, unexpired key; otherwise null.</summary>
    public async Task<ApiKeyIdentity?> VerifyAsync(DbConnection db, string? presented, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!TryParseId(presented, out string id))
        {
            return null;
        }

        ApiKeyRow? row = await FindAsync(db, id, ct).ConfigureAwait(false);
        byte[] hash = Hash(presented!);
        // Compare even when the id is unknown, so timing does not tell ids that exist from ids that do not.
        bool match = CryptographicOperations.FixedTimeEquals(hash, row?.Hash ?? NoMatch);
        long now = Now();
        return match && row is not null && row.RevokedAt is null && (row.ExpiresAt is not { } expires || now < expires)
            ? new ApiKeyIdentity(row.Id, row.Owner)
            : null;
    }

    private async Task<ApiKeyRow?> FindAsync(DbConnection db, string id, CancellationToken ct)
    {
        if (Cache is { } cache && cache.TryGet(id, out ApiKeyRow? cached))
        {
            return cached;
        }

        long generation = Cache?.Generation ?? 0;
        ApiKeyRow? row = await ApiKeyQueries.FindAsync(db, id, null, ct).ConfigureAwait(false);
        Cache?.Put(id, row, generation);
        return row;
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static (string Id, string Key) NewKey()
    {
        Span<byte> idBytes = stackalloc byte[IdLength];
        RandomNumberGenerator.Fill(idBytes);
        var id = new StringBuilder(IdLength);
        foreach (byte b in idBytes)
        {
            id.Append(Base32[b & 31]);
        }

        string secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (id.ToString(), Prefix + id + "_" + secret);
    }

    private static bool TryParseId(string? presented, out string id)
    {
        id = string.Empty;
        if (presented is null || presented.Length > 128 || !presented.StartsWith(Prefix, StringComparison.Ordinal)
            || presented.Length < Prefix.Length + IdLength + 2 || presented[Prefix.Length + IdLength] != '_')
        {
            return false;
        }

        id = presented.Substring(Prefix.Length, IdLength);
        foreach (char c in id)
        {
            if (!Base32.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
