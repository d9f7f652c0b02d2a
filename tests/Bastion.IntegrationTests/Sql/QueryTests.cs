using Bastion.Testing;
using System;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Bastion.Sql;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit;

namespace Bastion.IntegrationTests.Sql;

/// <summary>
/// Every generated return shape, NULLs, unicode, identifiers, IN lists and a corpus of injection strings as
/// parameter values, on a real database: the table stays intact, values round-trip byte for byte, and a
/// lookup by a hostile value finds exactly the row that holds it.
/// </summary>
public abstract class QueryTests : IAsyncLifetime
{
    public static TheoryData<string> Injections() => new(
        "' OR '1'='1",
        "' OR 1=1 --",
        "'; DROP TABLE notes; --",
        "\"; DROP TABLE notes; --",
        "1; DELETE FROM notes",
        "1 OR 1=1",
        "admin'--",
        "' UNION SELECT id, title, body, stars FROM notes --",
        "/* comment */ x",
        "-- comment",
        "\\'; DROP TABLE notes; --",
        "%' OR title LIKE '%",
        "$$; DROP TABLE notes; $$",
        "@title",
        "{orderBy}",
        "\u2018 OR \u20181\u2019=\u20191",
        "\u02BC OR 1=1 --",
        "\uFF07 OR \uFF071\uFF07=\uFF071",
        "ünïcødé 😀 \u202Eevil\u202C",
        "𝓤𝓷𝓲𝓬𝓸𝓭𝓮 / 中文 / עברית",
        "line1\nline2\r\n\ttab",
        "   leading and trailing   ");

    protected DbConnection Db { get; private set; } = null!; // set by InitializeAsync unless the database is unavailable

    protected abstract bool IsPostgres { get; }

    protected abstract Task<DbConnection> OpenAsync();

    protected abstract string Schema { get; }

    public async ValueTask InitializeAsync()
    {
        Db = await OpenAsync();
        await using DbCommand create = Db.CreateCommand();
        create.CommandText = "DROP TABLE IF EXISTS notes";
        await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        create.CommandText = Schema;
        await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Db is not null)
        {
            await Db.DisposeAsync();
        }

        Cleanup();
        GC.SuppressFinalize(this);
    }

    protected virtual void Cleanup()
    {
    }

    [Fact]
    public async Task Every_return_shape_reads_what_was_written()
    {
        var ct = TestContext.Current.CancellationToken;
        long first = await Db.Insert("first", "body one", 4, ct: ct);
        long second = await Db.Insert("second", null, null, ct: ct);
        Assert.NotEqual(first, second);

        Assert.Equal([new NoteRow(first, "first", "body one", 4), new NoteRow(second, "second", null, null)], await Db.All(ct));
        var streamed = new List<NoteRow>();
        await foreach (NoteRow row in Db.Stream(ct))
        {
            streamed.Add(row);
        }

        Assert.Equal(2, streamed.Count);
        Assert.Equal(new NoteRow(second, "second", null, null), await Db.Find(second, ct));
        Assert.Null(await Db.Find(999_999, ct));
        Assert.Equal("first", (await Db.Get(first, ct)).Title);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Db.Get(999_999, ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Db.Only(ct));
        Assert.Equal(2L, await Db.Count(ct));
        Assert.Equal("second", await Db.TitleOf(second, ct));
        Assert.Null(await Db.TitleOf(999_999, ct));

        NoteStats stats = await Db.Stats(ct);
        Assert.Equal(2L, stats.Total);
        Assert.Equal(4.0, stats.AverageStars);

        await Db.ClearStars(first, ct);
        Assert.Null((await Db.Find(first, ct))!.Stars);

        Assert.Equal(1, await Db.SetBody(second, "now set", ct));
        Assert.Equal(0, await Db.SetBody(999_999, "nobody", ct));
        Assert.Equal(1, await Db.Delete(first, ct));
        Assert.Equal(0, await Db.Delete(first, ct));
        Assert.Equal(1L, await Db.Count(ct));
    }

    [Fact]
    public async Task Nulls_map_to_nullable_members_and_are_refused_for_required_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        long id = await Db.Insert("t", null, null, ct: ct);
        Assert.Equal(new NoteRow(id, "t", null, null), await Db.WithNulls(id, ct));

        SqlMappingException nullRequired = await Assert.ThrowsAsync<SqlMappingException>(() => Db.NullIntoRequired(id, ct));
        Assert.Contains("'title'", nullRequired.Message, StringComparison.Ordinal);
        Assert.Contains("'Title'", nullRequired.Message, StringComparison.Ordinal);

        SqlMappingException missing = await Assert.ThrowsAsync<SqlMappingException>(() => Db.MissingColumn(id, ct));
        Assert.Contains("'Title'", missing.Message, StringComparison.Ordinal);
        Assert.Contains("TestQueries.MissingColumn", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Methods_sharing_a_row_type_each_read_their_own_column_list()
    {
        var ct = TestContext.Current.CancellationToken;
        long first = await Db.Insert("first", "body", 3, ct: ct);
        long second = await Db.Insert("second", null, null, ct: ct);

        // One generated NoteRow reader serves all three; the ordinals come from each result's own columns.
        Assert.Equal(new NoteRow(first, "first", "body", 3), await Db.Find(first, ct));
        Assert.Equal(new NoteRow(first, "first", null, 3), await Db.Reordered(first, ct));
        Assert.Equal(new NoteRow(first, "first", "body", 3), await Db.Find(first, ct));
        var both = new List<NoteRow>();
        await foreach (NoteRow row in Db.Two(second, first, ct))
        {
            both.Add(row);
        }

        Assert.Equal([new NoteRow(second, "second", null, null), new NoteRow(first, "first", "body", 3)], both);
    }

    [Fact]
    public async Task A_string_longer_than_its_max_length_is_refused_before_the_command_runs()
    {
        var ct = TestContext.Current.CancellationToken;
        ArgumentException refused = await Assert.ThrowsAsync<ArgumentException>(() => Db.Insert(new string('x', 201), null, null, ct: ct));
        Assert.Contains("MaxLength", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await Db.Count(ct));
    }

    [Fact]
    public async Task Identifiers_come_from_the_enum_and_nothing_else()
    {
        var ct = TestContext.Current.CancellationToken;
        await Db.Insert("b", null, 1, ct: ct);
        await Db.Insert("a", null, 3, ct: ct);
        await Db.Insert("c", null, 2, ct: ct);
        Assert.Equal(["a", "b", "c"], (await Db.Page(NoteOrder.Title, SortDirection.Ascending, 10, ct)).Select(r => r.Title));
        Assert.Equal(["a", "c", "b"], (await Db.Page(NoteOrder.Rating, SortDirection.Descending, 10, ct)).Select(r => r.Title));
        Assert.Equal(["c", "a"], (await Db.Page(NoteOrder.Id, SortDirection.Descending, 2, ct)).Select(r => r.Title));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Db.Page((NoteOrder)42, SortDirection.Ascending, 10, ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Db.Page(NoteOrder.Id, (SortDirection)7, 10, ct));
    }

    [Fact]
    public async Task In_lists_expand_to_numbered_parameters_with_a_cap()
    {
        var ct = TestContext.Current.CancellationToken;
        long a = await Db.Insert("a", null, null, ct: ct);
        long b = await Db.Insert("b", null, null, ct: ct);
        await Db.Insert("c", null, null, ct: ct);
        Assert.Equal(["a", "b"], (await Db.ByIds([a, b, 999_999], ct)).Select(r => r.Title));
        Assert.Empty(await Db.ByIds([], ct));
        ArgumentException tooMany = await Assert.ThrowsAsync<ArgumentException>(() => Db.ByIds(Enumerable.Range(1, 51).Select(i => (long)i), ct));
        Assert.Contains("MaxItems", tooMany.Message, StringComparison.Ordinal);
        if (IsPostgres)
        {
            Assert.Equal(["a", "b"], (await Db.ByIdsAny([a, b], ct)).Select(r => r.Title));
        }
        else
        {
            await Assert.ThrowsAsync<NotSupportedException>(() => Db.ByIdsAny([a], ct));
        }
    }

    [Theory]
    [MemberData(nameof(Injections))]
    public async Task Injection_strings_are_values_the_table_is_intact_and_lookups_match_exactly(string hostile)
    {
        var ct = TestContext.Current.CancellationToken;
        long plain = await Db.Insert("plain", "ordinary", 1, ct: ct);
        long id = await Db.Insert(hostile, hostile, 2, ct: ct);

        NoteRow stored = (await Db.Find(id, ct))!;
        Assert.Equal(hostile, stored.Title);
        Assert.Equal(hostile, stored.Body);
        Assert.True(System.Text.Encoding.UTF8.GetBytes(hostile).AsSpan().SequenceEqual(System.Text.Encoding.UTF8.GetBytes(stored.Title)));

        Assert.Equal([id], (await Db.ByTitle(hostile, ct)).Select(r => r.Id));
        Assert.Equal([plain], (await Db.ByTitle("plain", ct)).Select(r => r.Id));
        Assert.Equal(2L, await Db.Count(ct));
        Assert.Equal([plain, id], (await Db.All(ct)).Select(r => r.Id));
    }

    [Fact]
    public async Task A_transaction_is_honoured()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (DbTransaction transaction = await Db.BeginTransactionAsync(ct))
        {
            await Db.Insert("rolled back", null, null, transaction, ct);
            await transaction.RollbackAsync(ct);
        }

        Assert.Equal(0L, await Db.Count(ct));
    }
}

public sealed class SqliteQueryTests : QueryTests
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "bastion-sql-" + Guid.NewGuid().ToString("N") + ".db");

    protected override bool IsPostgres => false;

    protected override string Schema => "CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, body TEXT NULL, stars INTEGER NULL)";

    protected override async Task<DbConnection> OpenAsync()
    {
        var connection = new SqliteConnection("Data Source=" + _file + ";Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    protected override void Cleanup() => File.Delete(_file);

    [Fact]
    public async Task Nul_characters_round_trip_too()
    {
        var ct = TestContext.Current.CancellationToken;
        long id = await Db.Insert("a\0b'; DROP TABLE notes; --", null, null, ct: ct);
        Assert.Equal("a\0b'; DROP TABLE notes; --", await Db.TitleOf(id, ct));
    }
}

public sealed class PostgresQueryTests(PostgresCluster cluster) : QueryTests, IClassFixture<PostgresCluster>
{
    protected override bool IsPostgres => true;

    protected override string Schema => "CREATE TABLE notes (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title TEXT NOT NULL, body TEXT NULL, stars INTEGER NULL)";

    protected override async Task<DbConnection> OpenAsync()
    {
        Assert.SkipWhen(cluster.SkipReason is not null, cluster.SkipReason ?? string.Empty);
        var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    [Fact]
    public async Task An_unconvertible_value_names_the_column_and_member()
    {
        var ct = TestContext.Current.CancellationToken;
        long id = await Db.Insert("not a number", null, null, ct: ct);
        SqlMappingException error = await Assert.ThrowsAsync<SqlMappingException>(() => Db.WrongType(id, ct));
        Assert.Contains("'id'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Id'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not a number", error.Message, StringComparison.Ordinal);
    }
}
