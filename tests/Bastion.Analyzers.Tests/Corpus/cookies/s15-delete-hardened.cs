// family: cookies
// verdict: safe
// why: Bastion's DeleteHardened expires the hardened session cookie with the same attributes it was written with.
using Bastion.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Cookies.S15;

[ApiController]
[Route("api/session")]
[Authorize]
public sealed class SessionController : ControllerBase
{
    [HttpDelete]
    public IActionResult End()
    {
        Response.Cookies.DeleteHardened("__Host-session");
        return NoContent();
    }
}
