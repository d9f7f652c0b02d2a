using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bastion.Sql;

namespace Bastion.Samples.Api.Comments;

/// <summary>A stored row of the comments table, read by Bastion's generated ordinal reader.</summary>
public sealed record CommentRow(long Id, string Content, string? Signature, string? AuthorName, string Tags, int? Rating, DateTimeOffset CreatedAt)
{
    public CommentView ToView() => new(Id, Content, Signature, AuthorName, Tags.Length == 0 ? [] : Tags.Split(' '), Rating, CreatedAt);
}

/// <summary>
/// Comment persistence on SQLite. Bastion generates every method body below from its [Sql] text: typed
/// parameters, no string building, rows read by ordinal (NativeAOT-safe).
/// </summary>
public static partial class CommentStore
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS comments (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            content TEXT NOT NULL,
            signature TEXT NULL,
            author_name TEXT NULL,
            tags TEXT NOT NULL,
            rating INTEGER NULL,
            created_at TEXT NOT NULL
        )
        """;

    [Sql(Schema)]
    public static partial Task EnsureSchemaAsync(this DbConnection db, CancellationToken ct = default);

    [Sql("INSERT INTO comments(content, signature, author_name, tags, rating, created_at) VALUES (@content, @signature, @authorName, @tags, @rating, @createdAt) RETURNING id")]
    private static partial Task<long> InsertRowAsync(this DbConnection db,
        [SqlParam(MaxLength = 2000)] string content, [SqlParam(MaxLength = 500)] string? signature, [SqlParam(MaxLength = 80)] string? authorName,
        [SqlParam(MaxLength = 16384)] string tags, [SqlParam] int? rating, [SqlParam] DateTimeOffset createdAt, CancellationToken ct);

    [Sql("SELECT id, content, signature, author_name, tags, rating, created_at FROM comments ORDER BY id {direction} LIMIT @take")]
    private static partial Task<IReadOnlyList<CommentRow>> PageAsync(this DbConnection db, [SqlIdentifier] SortDirection direction, [SqlParam] int take, CancellationToken ct);

    [Sql("SELECT id, content, signature, author_name, tags, rating, created_at FROM comments WHERE id = @id")]
    private static partial Task<CommentRow?> FindRowAsync(this DbConnection db, [SqlParam] long id, CancellationToken ct);

    [Sql("DELETE FROM comments WHERE id = @id")]
    private static partial Task<int> DeleteRowAsync(this DbConnection db, [SqlParam] long id, CancellationToken ct);

    public static async Task<CommentView> InsertAsync(DbConnection db, CreateComment comment, CancellationToken ct)
    {
        var createdAt = DateTimeOffset.UtcNow;
        string[] tags = (comment.Tags ?? []).Select(t => t.Name).ToArray();
        long id = await db.InsertRowAsync(comment.Content, comment.Signature, comment.Author?.Name, string.Join(' ', tags), comment.Rating, createdAt, ct);
        return new CommentView(id, comment.Content, comment.Signature, comment.Author?.Name, tags, comment.Rating, createdAt);
    }

    public static async Task<IReadOnlyList<CommentView>> ListAsync(DbConnection db, CommentOrder order, int take, CancellationToken ct)
        => (await db.PageAsync(order == CommentOrder.Oldest ? SortDirection.Ascending : SortDirection.Descending, take, ct)).Select(r => r.ToView()).ToList();

    public static async Task<CommentView?> FindAsync(DbConnection db, long id, CancellationToken ct)
        => (await db.FindRowAsync(id, ct))?.ToView();

    public static async Task<bool> DeleteAsync(DbConnection db, long id, CancellationToken ct)
        => await db.DeleteRowAsync(id, ct) > 0;
}
