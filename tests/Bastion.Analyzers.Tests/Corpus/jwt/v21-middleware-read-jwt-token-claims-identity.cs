// family: jwt
// verdict: vulnerable
// sink-line: 21
// why: The middleware turns the claims of a token read with ReadJwtToken, which checks nothing, into the request's user before authorization runs.
using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;

namespace Corpus.Jwt.V21;

public static class TokenUser
{
    public static void UseTokenUser(this WebApplication app)
    {
        var handler = new JwtSecurityTokenHandler();
        app.Use(async (context, next) =>
        {
            string header = context.Request.Headers.Authorization.ToString();
            if (header.StartsWith("Bearer ", System.StringComparison.Ordinal) && handler.CanReadToken(header[7..]))
            {
                JwtSecurityToken jwt = handler.ReadJwtToken(header[7..]);
                context.User = new ClaimsPrincipal(new ClaimsIdentity(jwt.Claims, "jwt"));
            }

            await next();
        });
        app.UseAuthorization();
    }
}
