using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Bastion.Sql;

namespace Bastion.IntegrationTests.Sql;

public sealed record NoteRow(long Id, string Title, string? Body, int? Stars);

public sealed class NoteStats
{
    public long Total { get; set; }

    public double? AverageStars { get; set; }
}

public enum NoteOrder
{
    Id,
    Title,
    [SqlName("stars")] Rating,
}

/// <summary>Generated queries the SQL tests run on SQLite and PostgreSQL alike.</summary>
public static partial class TestQueries
{
    [Sql("INSERT INTO notes(title, body, stars) VALUES (@title, @body, @stars) RETURNING id")]
    public static partial Task<long> Insert(this DbConnection db, [SqlParam(MaxLength = 200)] string title, [SqlParam] string? body, [SqlParam] int? stars, DbTransaction? transaction = null, CancellationToken ct = default);

    [Sql("SELECT id, title, body, stars FROM notes ORDER BY id")]
    public static partial Task<IReadOnlyList<NoteRow>> All(this DbConnection db, CancellationToken ct = default);

    [Sql("SELECT id, title, body, stars FROM notes ORDER BY id")]
    public static partial IAsyncEnumerable<NoteRow> Stream(this DbConnection db, CancellationToken ct = default);

    [Sql("SELECT id, title, body, stars FROM notes WHERE id = @id")]
    public static partial Task<NoteRow?> Find(this DbConnection db, [SqlParam] long id, CancellationToken ct = default);

    [Sql("SELECT id, title, body, stars FROM notes WHERE id = @id")]
    public static partial Task<NoteRow> Get(this DbConnection db, [SqlParam] long id, CancellationToken ct = default);

    [Sql("SELECT id, title, body, stars FROM notes WHERE title = @title ORDER BY id")]
    public static partial Task<IReadOnlyList<NoteRow>> ByTitle(this DbConnection db, [SqlParam] string title, CancellationToken ct = default);

    [Sql("SELECT id, title, body, stars FROM notes")]
    public static partial Task<NoteRow> Only(this DbConnection db, CancellationToken ct = default);

    [Sql("SELECT count(*) FROM notes")]
    public static partial Task<long> Count(this DbConnection db, CancellationToken ct = default);

    [Sql("SELECT title FROM notes WHERE id = @id")]
    public static partial Task<string?> TitleOf(this DbConnection db, [SqlParam] long id, CancellationToken ct = default);

    [Sql("SELECT count(*) AS total, CAST(avg(stars) AS DOUBLE PRECISION) AS average_stars FROM notes")]
    public static partial Task<NoteStats> Stats(this DbConnection db, CancellationToken ct = default);

    [Sql("SELECT id, title, body, stars FROM notes ORDER BY {orderBy} {direction}, id LIMIT @take")]
    public static partial Task<IReadOnlyList<NoteRow>> Page(this DbConnection db, [SqlIdentifier] NoteOrder orderBy, [SqlIdentifier] SortDirection direction, [SqlParam] int take, CancellationToken ct = default);

    [Sql("SELECT id, title, body, stars FROM notes WHERE id IN @ids ORDER BY id")]
    public static partial Task<IReadOnlyList<NoteRow>> ByIds(this DbConnection db, [SqlParam(MaxItems = 50)] IEnumerable<long> ids, CancellationToken ct = default);

    [Sql("SELECT id, title, body, stars FROM notes WHERE id = ANY(@ids) ORDER BY id")]
    public static partial Task<IReadOnlyList<NoteRow>> ByIdsAny(this DbConnection db, [SqlParam] long[] ids, CancellationToken ct = default);

    [Sql("UPDATE notes SET body = @body WHERE id = @id")]
    public static partial Task<int> SetBody(this DbConnection db, [SqlParam] long id, [SqlParam] string? body, CancellationToken ct = default);

    [Sql("UPDATE notes SET stars = NULL WHERE id = @id")]
    public static partial Task ClearStars(this DbConnection db, [SqlParam] long id, CancellationToken ct = default);

    [Sql("DELETE FROM notes WHERE id = @id")]
    public static partial Task<int> Delete(this DbConnection db, [SqlParam] long id, CancellationToken ct = default);

    [Sql("SELECT stars, title, id FROM notes WHERE id = @id")]
    public static partial Task<NoteRow?> Reordered(this DbConnection db, [SqlParam] long id, CancellationToken ct = default);

    [Sql("SELECT id, title, body, stars FROM notes WHERE id = @id UNION ALL SELECT id, title, body, stars FROM notes WHERE id = @other")]
    public static partial IAsyncEnumerable<NoteRow> Two(this DbConnection db, [SqlParam] long id, [SqlParam] long other, CancellationToken ct = default);

    [Sql("SELECT id, title, NULL AS body, NULL AS stars FROM notes WHERE id = @id")]
    public static partial Task<NoteRow?> WithNulls(this DbConnection db, [SqlParam] long id, CancellationToken ct = default);

    [Sql("SELECT id, body AS title FROM notes WHERE id = @id")]
    public static partial Task<NoteRow?> NullIntoRequired(this DbConnection db, [SqlParam] long id, CancellationToken ct = default);

    [Sql("SELECT id FROM notes WHERE id = @id")]
    public static partial Task<NoteRow?> MissingColumn(this DbConnection db, [SqlParam] long id, CancellationToken ct = default);

    [Sql("SELECT title AS id, title, body, stars FROM notes WHERE id = @id")]
    public static partial Task<NoteRow?> WrongType(this DbConnection db, [SqlParam] long id, CancellationToken ct = default);
}
