using System;
using System.Data;
using System.Linq;
using Bastion.Sql;
using Microsoft.Data.SqlClient;
using Xunit;

namespace Bastion.IntegrationTests.Sql;

/// <summary>
/// No SQL Server runs here, so the generated parameters are applied to real <see cref="SqlCommand"/> objects and
/// the resulting <see cref="SqlParameter"/>s are checked: names, SqlDbType, Size and NULL handling.
/// </summary>
public sealed class SqlServerParameterTests
{
    [Fact]
    public void Scalars_become_typed_sized_parameters_and_null_becomes_DBNull()
    {
        using var command = new SqlCommand();
        TestQueries.AddInsertSqlParameters(command, "a title", null, 3);

        Assert.Equal(3, command.Parameters.Count);
        SqlParameter title = command.Parameters["@title"];
        Assert.Equal(SqlDbType.NVarChar, title.SqlDbType);
        Assert.Equal(200, title.Size);
        Assert.Equal("a title", title.Value);
        Assert.Equal(ParameterDirection.Input, title.Direction);

        SqlParameter body = command.Parameters["@body"];
        Assert.Equal(SqlDbType.NVarChar, body.SqlDbType);
        Assert.Equal(-1, body.Size);
        Assert.Equal(DBNull.Value, body.Value);

        SqlParameter stars = command.Parameters["@stars"];
        Assert.Equal(SqlDbType.Int, stars.SqlDbType);
        Assert.Equal(3, stars.Value);
    }

    [Fact]
    public void In_lists_become_one_numbered_parameter_per_item()
    {
        using var command = new SqlCommand();
        TestQueries.AddByIdsSqlParameters(command, [7L, 8L, 9L]);
        Assert.Equal(["@ids0", "@ids1", "@ids2"], command.Parameters.Cast<SqlParameter>().Select(p => p.ParameterName));
        Assert.All(command.Parameters.Cast<SqlParameter>(), p => Assert.Equal(SqlDbType.BigInt, p.SqlDbType));
        Assert.Equal("(@ids0, @ids1, @ids2)", SqlRuntime.InList("ids", 3, 50, "q"));
        Assert.Equal("(NULL)", SqlRuntime.InList("ids", 0, 50, "q"));
    }

    [Fact]
    public void Identifiers_are_bracketed_for_SQL_Server_and_nothing_else_passes()
    {
        using var connection = new SqlConnection();
        SqlDialect dialect = SqlRuntime.DialectOf(connection);
        Assert.Equal(SqlDialect.SqlServer, dialect);
        Assert.Equal("[c].[author_name]", SqlRuntime.QuoteIdentifier(dialect, "c.author_name"));
        Assert.Equal("\"created_at\"", SqlRuntime.QuoteIdentifier(SqlDialect.PostgreSql, "created_at"));
        foreach (string hostile in new[] { "id; DROP TABLE x", "id]--", "a\"b", "1abc", "a..b", "", "a b" })
        {
            Assert.ThrowsAny<ArgumentException>(() => SqlRuntime.QuoteIdentifier(dialect, hostile));
        }
    }
}
