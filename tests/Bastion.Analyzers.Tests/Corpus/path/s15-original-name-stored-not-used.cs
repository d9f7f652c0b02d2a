// family: path
// verdict: safe
// why: The upload is written under a Guid name; the client's FileName is stored in the database as a parameter and sent back in Content-Disposition, never used as a path.
using System;
using System.Data;
using System.IO;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Paths.S15;

[ApiController]
[Route("api/attachments")]
public sealed class AttachmentsController(IDbConnection db) : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Upload(IFormFile file)
    {
        Guid id = Guid.NewGuid();
        await using (var target = System.IO.File.Create(Path.Combine("/srv/attachments", id.ToString("N"))))
        {
            await file.CopyToAsync(target);
        }

        await db.ExecuteAsync("INSERT INTO attachments (id, original_name) VALUES (@id, @name)", new { id, name = file.FileName });
        return Ok(new { id });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Download(Guid id)
    {
        string? name = await db.QueryFirstOrDefaultAsync<string>("SELECT original_name FROM attachments WHERE id = @id", new { id });
        return name is null ? NotFound() : PhysicalFile(Path.Combine("/srv/attachments", id.ToString("N")), "application/octet-stream", name);
    }
}
