// family: cookies
// verdict: vulnerable
// sink-line: 19
// why: The support tool's impersonation token goes into a raw Set-Cookie value built with interpolation and no attributes at all.
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Cookies.V30;

[ApiController]
[Route("api/support")]
[Authorize(Roles = "support")]
public sealed class ImpersonationController : ControllerBase
{
    [HttpPost("impersonate/{userId:int}")]
    public IActionResult Impersonate(int userId)
    {
        string token = $"{userId}.{System.Guid.NewGuid():N}";
        Response.Headers["Set-Cookie"] = $"impersonation_token={token}";
        return NoContent();
    }
}
