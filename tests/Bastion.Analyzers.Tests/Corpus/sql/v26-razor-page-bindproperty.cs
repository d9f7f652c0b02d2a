// family: sql
// verdict: vulnerable
// sink-line: 28
// why: A Razor Page's [BindProperty(SupportsGet = true)] Category is bound from the query string and concatenated into the SQL of its OnGet handler.
using System.Collections.Generic;
using System.Data;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Sql.V26;

public sealed class CatalogModel(IDbConnection db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    public IReadOnlyList<string> Names { get; private set; } = [];

    public void OnGet()
    {
        string sql = "SELECT name FROM products";
        if (!string.IsNullOrEmpty(Category))
        {
            sql += " WHERE category = '" + Category + "'";
        }

        Names = db.Query<string>(sql).AsList();
    }
}
