// family: sql
// verdict: vulnerable
// sink-line: 28
// why: The sort column is checked against an allow-list but the direction value is not, and both are concatenated into the ORDER BY clause.
using System;
using System.Collections.Generic;
using System.Data;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.V16;

public static class EmployeeEndpoints
{
    private static readonly HashSet<string> SortableColumns = new(StringComparer.Ordinal) { "last_name", "hired_on", "salary" };

    public static void MapEmployees(this WebApplication app)
    {
        app.MapGet("/employees", (string sort, string dir, IDbConnection db) =>
        {
            if (!SortableColumns.Contains(sort))
            {
                return Results.BadRequest("unknown sort column");
            }

            string orderBy = sort + " " + dir;
            var employees = db.Query("SELECT id, last_name, hired_on FROM employees ORDER BY " + orderBy);
            return Results.Ok(employees);
        });
    }
}
