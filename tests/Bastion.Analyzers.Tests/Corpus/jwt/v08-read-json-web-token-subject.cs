// family: jwt
// verdict: vulnerable
// sink-line: 22
// why: The user id comes from the `sub` claim of a token read with ReadJsonWebToken, without validation, so any caller can read any user's orders.
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Corpus.Jwt.V08;

[ApiController]
[Route("api/my-orders")]
public sealed class MyOrdersController : ControllerBase
{
    private static readonly JsonWebTokenHandler Handler = new();

    [HttpGet]
    public Task<IActionResult> Get([FromHeader(Name = "Authorization")] string authorization)
    {
        string raw = authorization.Replace("Bearer ", string.Empty, System.StringComparison.Ordinal);
        JsonWebToken jwt = Handler.ReadJsonWebToken(raw);
        string userId = jwt.GetClaim("sub").Value;
        return Task.FromResult<IActionResult>(Ok(new { userId, orders = new[] { "A-100", "A-101" } }));
    }
}
