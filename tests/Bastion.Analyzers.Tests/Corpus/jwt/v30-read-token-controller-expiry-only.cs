// family: jwt
// verdict: vulnerable
// sink-line: 19
// why: The action checks only the expiry of a token parsed with ReadToken and then trusts its tenant claim, so a self-made token with a future expiry opens any tenant.
using System;
using System.IdentityModel.Tokens.Jwt;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Jwt.V30;

[ApiController]
[Route("api/tenants")]
public sealed class TenantDataController : ControllerBase
{
    [HttpGet("data")]
    public IActionResult Get([FromHeader(Name = "X-Tenant-Token")] string tenantToken)
    {
        var handler = new JwtSecurityTokenHandler();
        if (handler.ReadToken(tenantToken) is not JwtSecurityToken token || token.ValidTo < DateTime.UtcNow)
        {
            return Unauthorized();
        }

        string tenant = token.Payload["tenant"]?.ToString() ?? "";
        return Ok(new { tenant, rows = new[] { "r1", "r2" } });
    }
}
