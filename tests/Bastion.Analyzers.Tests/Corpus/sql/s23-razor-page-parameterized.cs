// family: sql
// verdict: safe
// why: The Razor Page's bound Category is passed to Dapper as a parameter; the optional WHERE clause is a constant fragment.
using System.Collections.Generic;
using System.Data;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Sql.S23;

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
            sql += " WHERE category = @Category";
        }

        Names = db.Query<string>(sql, new { Category }).AsList();
    }
}
