// family: cors
// verdict: vulnerable
// sink-line: 18
// why: The regex is anchored at the start only, so https://example.com.attacker.net matches `^https://...example\.com` and is allowed with credentials.
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.V21;

public static class CorsSetup
{
    public static void AddPartnerCors(this WebApplicationBuilder builder) =>
        builder.Services.AddCors(o => o.AddPolicy("partners", p => p
            .SetIsOriginAllowed(origin => Regex.IsMatch(origin, @"^https://([a-z0-9-]+\.)*example\.com", RegexOptions.IgnoreCase))
            .AllowCredentials()));
}

[ApiController]
[Route("api/partner-orders")]
[Authorize]
[EnableCors("partners")]
public sealed class PartnerOrdersController : ControllerBase
{
    [HttpGet]
    public IActionResult Get() => Ok(new[] { "PO-1", "PO-2" });
}
