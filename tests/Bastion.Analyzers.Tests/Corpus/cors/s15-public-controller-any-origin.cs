// family: cors
// verdict: safe
// why: The public search controller uses a policy that allows any origin without credentials, and the data it serves is public.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.S15;

public static class CorsSetup
{
    public static void AddPublicCors(this WebApplicationBuilder builder)
        => builder.Services.AddCors(o => o.AddPolicy("public", p => p.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod()));
}

[ApiController]
[Route("api/search")]
[EnableCors("public")]
public sealed class SearchController : ControllerBase
{
    [HttpGet]
    public IActionResult Search([FromQuery] string q) => Ok(new { q, hits = new[] { "Getting started", "Pricing" } });
}
