using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Bastion.Samples.Api.Comments;

/// <summary>Comment persistence on SQLite with parameterised commands only.</summary>
public static class CommentStore
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
        );
        """;

    public static async Task EnsureSchemaAsync(DbConnection db, CancellationToken ct)
    {
        await OpenAsync(db, ct);
        await using DbCommand command = db.CreateCommand();
        command.CommandText = Schema;
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<CommentView> InsertAsync(DbConnection db, CreateComment comment, CancellationToken ct)
    {
        await OpenAsync(db, ct);
        var createdAt = DateTimeOffset.UtcNow;
        var tags = new List<string>();
        foreach (Tag tag in comment.Tags ?? [])
        {
            tags.Add(tag.Name);
        }

        await using DbCommand command = db.CreateCommand();
        command.CommandText = "INSERT INTO comments(content, signature, author_name, tags, rating, created_at) VALUES (@content, @signature, @author, @tags, @rating, @createdAt) RETURNING id";
        Add(command, "@content", comment.Content);
        Add(command, "@signature", comment.Signature);
        Add(command, "@author", comment.Author?.Name);
        Add(command, "@tags", string.Join(' ', tags));
        Add(command, "@rating", comment.Rating);
        Add(command, "@createdAt", createdAt.ToString("O", CultureInfo.InvariantCulture));
        long id = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        return new CommentView(id, comment.Content, comment.Signature, comment.Author?.Name, tags, comment.Rating, createdAt);
    }

    public static async Task<IReadOnlyList<CommentView>> ListAsync(DbConnection db, CommentOrder order, int take, CancellationToken ct)
    {
        await OpenAsync(db, ct);
        await using DbCommand command = db.CreateCommand();
        // The sort direction is chosen from a fixed set of literal statements, never spliced from input.
        command.CommandText = order == CommentOrder.Oldest
            ? "SELECT id, content, signature, author_name, tags, rating, created_at FROM comments ORDER BY id ASC LIMIT @take"
            : "SELECT id, content, signature, author_name, tags, rating, created_at FROM comments ORDER BY id DESC LIMIT @take";
        Add(command, "@take", take);
        return await ReadAsync(command, ct);
    }

    public static async Task<CommentView?> FindAsync(DbConnection db, long id, CancellationToken ct)
    {
        await OpenAsync(db, ct);
        await using DbCommand command = db.CreateCommand();
        command.CommandText = "SELECT id, content, signature, author_name, tags, rating, created_at FROM comments WHERE id = @id";
        Add(command, "@id", id);
        IReadOnlyList<CommentView> found = await ReadAsync(command, ct);
        return found.Count == 0 ? null : found[0];
    }

    public static async Task<bool> DeleteAsync(DbConnection db, long id, CancellationToken ct)
    {
        await OpenAsync(db, ct);
        await using DbCommand command = db.CreateCommand();
        command.CommandText = "DELETE FROM comments WHERE id = @id";
        Add(command, "@id", id);
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    private static async Task<IReadOnlyList<CommentView>> ReadAsync(DbCommand command, CancellationToken ct)
    {
        var result = new List<CommentView>();
        await using DbDataReader reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            string tags = reader.GetString(4);
            result.Add(new CommentView(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                tags.Length == 0 ? [] : tags.Split(' '),
                reader.IsDBNull(5) ? null : reader.GetInt32(5),
                DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture)));
        }

        return result;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        DbParameter parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static async Task OpenAsync(DbConnection db, CancellationToken ct)
    {
        if (db.State != System.Data.ConnectionState.Open)
        {
            await db.OpenAsync(ct);
        }
    }
}
