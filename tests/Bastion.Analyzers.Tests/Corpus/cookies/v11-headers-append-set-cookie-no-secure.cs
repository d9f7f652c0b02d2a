// family: cookies
// verdict: vulnerable
// sink-line: 18
// why: The hand-built Set-Cookie for the auth token has HttpOnly but no Secure, so it is also sent over plain HTTP.
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Cookies.V11;

[ApiController]
[Route("api/sso")]
public sealed class SsoController : ControllerBase
{
    [HttpGet("callback")]
    public IActionResult Callback([FromQuery] string code)
    {
        string token = Exchange(code);
        Response.Headers.Append("Set-Cookie", "auth=" + token + "; Path=/; HttpOnly; SameSite=Lax");
        return Redirect("/");
    }

    private static string Exchange(string code) => code.Length > 0 ? System.Guid.NewGuid().ToString("N") : "";
}
