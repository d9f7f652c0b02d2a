// family: path
// verdict: vulnerable
// sink-line: 27
// why: The OutputPath member of the JSON request is used as the file to write, so the client chooses any path the app can write, absolute ones included.
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Paths.V21;

public sealed class ExportRequest
{
    public string OutputPath { get; set; } = "export.json";
    public int Year { get; set; }
}

[ApiController]
[Route("api/exports")]
public sealed class ExportsController : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Create([FromBody] ExportRequest request)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(new { request.Year, Rows = new[] { 1, 2, 3 } });
        string target = Path.Combine("/srv/exports", request.OutputPath);
        await System.IO.File.WriteAllBytesAsync(target, json);
        return Created("/exports/" + request.OutputPath, null);
    }
}
