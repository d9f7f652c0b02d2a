// family: jwt
// verdict: vulnerable
// sink-line: 19
// why: The middleware builds context.User from the claims of `new JsonWebToken(token)`, which only parses the token, so forged claims become the caller's identity.
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Corpus.Jwt.V09;

public sealed class TokenIdentityMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        string? header = context.Request.Headers.Authorization;
        if (header is not null && header.StartsWith("Bearer ", System.StringComparison.OrdinalIgnoreCase))
        {
            var token = new JsonWebToken(header[7..]);
            context.User = new ClaimsPrincipal(new ClaimsIdentity(token.Claims, authenticationType: "Bearer", nameType: "name", roleType: "role"));
        }

        return next(context);
    }
}
