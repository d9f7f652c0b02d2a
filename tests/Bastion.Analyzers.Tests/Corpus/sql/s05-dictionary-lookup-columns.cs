// family: sql
// verdict: safe
// why: The sort key is looked up in a dictionary of constant column expressions and refused when absent, so only dictionary values reach the SQL.
using System;
using System.Collections.Generic;
using System.Data;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Sql.S05;

[ApiController]
[Route("api/employees")]
public sealed class EmployeesController(IDbConnection db) : ControllerBase
{
    private static readonly Dictionary<string, string> SortColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = "last_name, first_name",
        ["hired"] = "hired_on",
        ["department"] = "department_id, last_name",
    };

    [HttpGet]
    public async Task<IActionResult> List([FromQuery] string sort = "name", [FromQuery] string? department = null)
    {
        if (!SortColumns.TryGetValue(sort, out string? orderBy))
        {
            return BadRequest("Unknown sort key.");
        }

        string sql = $"SELECT id, last_name, first_name FROM employees WHERE (@department IS NULL OR department_code = @department) ORDER BY {orderBy}";
        return Ok(await db.QueryAsync(sql, new { department }));
    }
}
