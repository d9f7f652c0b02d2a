// family: cors
// verdict: safe
// why: The only policy allows any origin without credentials, and the account controller opts out with [DisableCors] besides.
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.S20;

public static class CorsSetup
{
    public static void AddDefaultCors(this WebApplicationBuilder builder)
        => builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.AllowAnyOrigin().WithMethods("GET")));
}

[ApiController]
[Route("api/account")]
[Authorize]
[DisableCors]
public sealed class AccountController : ControllerBase
{
    [HttpGet]
    public IActionResult Get() => Ok(new { name = User.Identity?.Name });
}
