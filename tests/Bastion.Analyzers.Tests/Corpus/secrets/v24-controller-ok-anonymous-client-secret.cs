// family: secrets
// verdict: vulnerable
// sink-line: 22
// why: The OAuth client secret read from configuration is returned to the browser in the login-configuration response.
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;

namespace Corpus.Secrets.V24;

[ApiController]
[Route("api/auth")]
public sealed class AuthConfigController(IConfiguration configuration) : ControllerBase
{
    [HttpGet("config")]
    public IActionResult Config()
    {
        IConfigurationSection oauth = configuration.GetSection("OAuth");
        return Ok(new
        {
            authority = oauth["Authority"],
            clientId = oauth["ClientId"],
            clientSecret = oauth["ClientSecret"],
            scopes = new[] { "openid", "profile" },
        });
    }
}
