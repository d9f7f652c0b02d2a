// family: sql
// verdict: safe
// why: An enum chosen by the client is translated into constant column names by a switch with a default, so nothing the client typed is written into the SQL.
using System.Data;
using Dapper;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Sql.S26;

public enum TicketSort
{
    Newest,
    Priority,
    Title,
}

[ApiController]
[Route("api/tickets")]
public sealed class TicketsController(IDbConnection db) : ControllerBase
{
    [HttpGet]
    public IActionResult List([FromQuery] TicketSort sort = TicketSort.Newest, [FromQuery] string? assignee = null)
    {
        string orderBy = sort switch
        {
            TicketSort.Priority => "priority DESC, id",
            TicketSort.Title => "title",
            _ => "created_at DESC",
        };

        string sql = "SELECT id, title, priority FROM tickets WHERE (@assignee IS NULL OR assignee = @assignee) ORDER BY " + orderBy;
        return Ok(db.Query(sql, new { assignee }));
    }
}
