// family: sql
// verdict: safe
// why: The helper takes a FormattableString and turns every interpolation hole into a numbered parameter, so the handler's interpolated SQL is parameterized.
using System;
using System.Collections.Generic;
using System.Data;
using System.Linq;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.S21;

internal static class SafeSql
{
    public static IEnumerable<dynamic> Query(IDbConnection db, FormattableString sql)
    {
        var parameters = new DynamicParameters();
        object?[] names = new object?[sql.ArgumentCount];
        for (int i = 0; i < sql.ArgumentCount; i++)
        {
            names[i] = "@p" + i;
            parameters.Add("p" + i, sql.GetArgument(i));
        }

        return db.Query(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql.Format, names), parameters);
    }
}

public static class BookEndpoints
{
    public static void MapBooks(this WebApplication app)
    {
        app.MapGet("/books", (string author, IDbConnection db) =>
            Results.Ok(SafeSql.Query(db, $"SELECT isbn, title FROM books WHERE author = {author} ORDER BY title").ToList()));
    }
}
