// family: cors
// verdict: vulnerable
// sink-line: 19
// why: The "frontend" policy accepts every origin and allows credentials, and the account controller uses it, so any page can read account data with the user's cookies.
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.V02;

public static class CorsSetup
{
    public static void AddFrontendCors(this IServiceCollection services)
    {
        services.AddCors(options =>
        {
            options.AddPolicy("frontend", policy => policy.SetIsOriginAllowed(origin => true).AllowCredentials().AllowAnyHeader());
        });
    }
}

[ApiController]
[Route("api/account")]
[Authorize]
[EnableCors("frontend")]
public sealed class AccountController : ControllerBase
{
    [HttpGet]
    public IActionResult Get() => Ok(new { name = User.Identity?.Name, email = User.FindFirst("email")?.Value });
}
