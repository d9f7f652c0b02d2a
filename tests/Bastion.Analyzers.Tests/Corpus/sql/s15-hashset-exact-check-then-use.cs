// family: sql
// verdict: safe
// why: The column is used only after an exact, ordinal match against a set of constant names, so the value written is one of those constants.
using System;
using System.Collections.Generic;
using System.Data;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.S15;

public static class EmployeeEndpoints
{
    private static readonly HashSet<string> SortableColumns = new(StringComparer.Ordinal) { "last_name", "hired_on", "salary" };

    public static void MapEmployees(this WebApplication app)
    {
        app.MapGet("/employees", (string sort, bool descending, IDbConnection db) =>
        {
            if (!SortableColumns.Contains(sort))
            {
                return Results.BadRequest("unknown sort column");
            }

            string orderBy = sort + (descending ? " DESC" : " ASC");
            var employees = db.Query("SELECT id, last_name, hired_on FROM employees ORDER BY " + orderBy);
            return Results.Ok(employees);
        });
    }
}
