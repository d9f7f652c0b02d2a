using System;
using System.Data.Common;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Bastion.Testing;
using CsCheck;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit;

namespace Bastion.IntegrationTests.Sql;

/// <summary>
/// Random text values (SQL syntax, quotes, comments, dollar quotes, backslashes, placeholders, whitespace, NUL where the
/// database stores it, non-ASCII text and emoji) round-trip through the public generated methods on every provider the
/// tests use: what Insert stores, Find and TitleOf read back unchanged, ByTitle finds exactly that row, SetBody replaces
/// the body. Written against the generated methods only (the generated internals are changing elsewhere). Lone
/// surrogates are left out: no UTF-8 database can store them, and the SQL parameters do not refuse them (see the report).
/// </summary>
public abstract class SqlRoundTripProperties : IAsyncLifetime
{
    private static readonly string[] Pieces =
    [
        "a", "Z", "0", " ", "\t", "\n", "\r\n", "'", "''", "\"", "`", ";", "--", "/*", "*/", "%", "_", "\\", "\\'", "$$", "$1", "@title", "{orderBy}", "?", ":x",
        "OR 1=1", "DROP TABLE notes", "é", "日本", "\U0001F600", "\u202E", "\u00A0", "\uFF07", "\u02BC",
    ];

    protected DbConnection Db { get; private set; } = null!;

    protected abstract bool StoresNul { get; }

    protected abstract Task<DbConnection> OpenAsync();

    protected abstract string Schema { get; }

    private Gen<string> Text => Gen.Int[0, Pieces.Length - 1 + (StoresNul ? 1 : 0)].Select(i => i < Pieces.Length ? Pieces[i] : "\0").Array[0, 12].Select(string.Concat);

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
    public async Task Random_values_round_trip_and_lookups_match_exactly()
    {
        var ct = TestContext.Current.CancellationToken;
        long plain = await Db.Insert("plain", null, 1, ct: ct);
        await Gen.Select(Text, Text.Null()).SampleAsync(async (title, body) =>
        {
            long id = await Db.Insert(title, body, 2, ct: ct);
            Assert.Equal(new NoteRow(id, title, body, 2), await Db.Find(id, ct));
            Assert.Equal(title, await Db.TitleOf(id, ct));
            Assert.Contains(id, (await Db.ByTitle(title, ct)).Select(r => r.Id));
            Assert.DoesNotContain(plain, (await Db.ByTitle(title, ct)).Select(r => r.Id).Where(_ => title != "plain"));
            Assert.Equal(1, await Db.SetBody(id, title, ct));
            Assert.Equal(title, (await Db.Find(id, ct))!.Body);
            Assert.Equal(1, await Db.Delete(id, ct));
        }, iter: 300, threads: 1);
        Assert.Equal(1L, await Db.Count(ct));
    }
}

public sealed class SqliteRoundTripProperties : SqlRoundTripProperties
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "bastion-sql-props-" + Guid.NewGuid().ToString("N") + ".db");

    protected override bool StoresNul => true;

    protected override string Schema => "CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, body TEXT NULL, stars INTEGER NULL)";

    protected override async Task<DbConnection> OpenAsync()
    {
        var connection = new SqliteConnection("Data Source=" + _file + ";Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    protected override void Cleanup() => File.Delete(_file);
}

public sealed class PostgresRoundTripProperties(PostgresCluster cluster) : SqlRoundTripProperties, IClassFixture<PostgresCluster>
{
    protected override bool StoresNul => false; // PostgreSQL text cannot hold NUL

    protected override string Schema => "CREATE TABLE notes (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title TEXT NOT NULL, body TEXT NULL, stars INTEGER NULL)";

    protected override async Task<DbConnection> OpenAsync()
    {
        Assert.SkipWhen(cluster.SkipReason is not null, cluster.SkipReason ?? string.Empty);
        var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
