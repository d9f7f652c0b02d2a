// family: cors
// verdict: safe
// why: The origin must fully match an anchored pattern with escaped dots for the two partner domains over https.
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.S14;

public static class CorsSetup
{
    public static void AddPartnerCors(this WebApplicationBuilder builder) =>
        builder.Services.AddCors(o => o.AddPolicy("partners", p => p
            .SetIsOriginAllowed(origin => Regex.IsMatch(origin, @"\Ahttps://(portal\.partner-one\.com|app\.partner-two\.net)\z", RegexOptions.IgnoreCase))
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
