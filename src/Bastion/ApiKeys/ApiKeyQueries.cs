using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace Bastion.ApiKeys;

/// <summary>One stored API key: never the key, only its SHA-256 hash.</summary>
internal sealed record ApiKeyRow(string Id, string Owner, byte[] Hash, long CreatedAt, long? ExpiresAt, long? RevokedAt, string? ReplacedBy);

/// <summary>The API-key table, through Bastion's own generated SQL (SQLite and PostgreSQL).</summary>
internal static partial class ApiKeyQueries
{
    [Sql("""
        CREATE TABLE IF NOT EXISTS bastion_api_keys (
            id TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            hash BLOB NOT NULL,
            created_at BIGINT NOT NULL,
            expires_at BIGINT NULL,
            revoked_at BIGINT NULL,
            replaced_by TEXT NULL
        )
        """)]
    public static partial Task CreateSqliteSchemaAsync(DbConnection db, CancellationToken ct);

    [Sql("""
        CREATE TABLE IF NOT EXISTS bastion_api_keys (
            id TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            hash BYTEA NOT NULL,
            created_at BIGINT NOT NULL,
            expires_at BIGINT NULL,
            revoked_at BIGINT NULL,
            replaced_by TEXT NULL
        )
        """)]
    public static partial Task CreatePostgresSchemaAsync(DbConnection db, CancellationToken ct);

    [Sql("INSERT INTO bastion_api_keys (id, owner, hash, created_at) VALUES (@id, @owner, @hash, @createdAt)")]
    public static partial Task InsertAsync(DbConnection db, [SqlParam(MaxLength = 64)] string id, [SqlParam(MaxLength = 200)] string owner,
        [SqlParam(MaxLength = 32)] byte[] hash, [SqlParam] long createdAt, DbTransaction? transaction, CancellationToken ct);

    [Sql("SELECT id, owner, hash, created_at, expires_at, revoked_at, replaced_by FROM bastion_api_keys WHERE id = @id")]
    public static partial Task<ApiKeyRow?> FindAsync(DbConnection db, [SqlParam(MaxLength = 64)] string id, DbTransaction? transaction, CancellationToken ct);

    [Sql("UPDATE bastion_api_keys SET expires_at = @expiresAt, replaced_by = @replacedBy WHERE id = @id AND revoked_at IS NULL AND replaced_by IS NULL")]
    public static partial Task<int> RetireAsync(DbConnection db, [SqlParam(MaxLength = 64)] string id, [SqlParam] long expiresAt,
        [SqlParam(MaxLength = 64)] string replacedBy, DbTransaction? transaction, CancellationToken ct);

    [Sql("UPDATE bastion_api_keys SET revoked_at = @revokedAt WHERE id = @id AND revoked_at IS NULL")]
    public static partial Task<int> RevokeAsync(DbConnection db, [SqlParam(MaxLength = 64)] string id, [SqlParam] long revokedAt, CancellationToken ct);
}
