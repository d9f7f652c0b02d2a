// family: jwt
// verdict: safe
// why: The controller requires an authenticated user and reads claims from User, which the JWT bearer handler filled only after validating the token.
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Jwt.S15;

[ApiController]
[Route("api/my-orders")]
[Authorize(AuthenticationSchemes = JwtBearerDefaults.AuthenticationScheme)]
public sealed class MyOrdersController : ControllerBase
{
    [HttpGet]
    public IActionResult Get()
    {
        string userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? User.FindFirstValue("sub")!;
        return Ok(new { userId, orders = new[] { "A-100", "A-101" } });
    }
}
