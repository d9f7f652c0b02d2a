// family: cors
// verdict: vulnerable
// sink-line: 20
// why: The action echoes the caller's Origin header into Access-Control-Allow-Origin with credentials, so any site can read the user's invoices.
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Cors.V10;

[ApiController]
[Route("api/invoices")]
[Authorize]
public sealed class InvoicesController : ControllerBase
{
    [HttpGet]
    public IActionResult List()
    {
        string origin = Request.Headers.Origin.ToString();
        Response.Headers.Append("Access-Control-Allow-Origin", origin);
        Response.Headers.Append("Access-Control-Allow-Credentials", "true");
        return Ok(new[] { new { id = 1, total = 120.5m }, new { id = 2, total = 99m } });
    }
}
