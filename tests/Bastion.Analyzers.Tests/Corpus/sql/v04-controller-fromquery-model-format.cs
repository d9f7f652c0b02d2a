// family: sql
// verdict: vulnerable
// sink-line: 29
// why: The Term property of a [FromQuery]-bound model is placed into a LIKE pattern with string.Format and executed as SQL text.
using System.Collections.Generic;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;

namespace Corpus.Sql.V04;

public sealed class ArticleSearch
{
    public string Term { get; set; } = "";
    public int Page { get; set; } = 1;
}

[ApiController]
[Route("api/articles")]
public sealed class ArticlesController(SqliteConnection db) : ControllerBase
{
    private const string SearchTemplate = "SELECT id, title FROM articles WHERE title LIKE '%{0}%' LIMIT 20 OFFSET {1}";

    [HttpGet("search")]
    public ActionResult<IEnumerable<string>> Search([FromQuery] ArticleSearch search)
    {
        int offset = (search.Page - 1) * 20;
        string sql = string.Format(SearchTemplate, search.Term, offset);
        db.Open();
        using var cmd = new SqliteCommand(sql, db);
        using var reader = cmd.ExecuteReader();
        var titles = new List<string>();
        while (reader.Read())
        {
            titles.Add(reader.GetString(1));
        }

        return titles;
    }
}
