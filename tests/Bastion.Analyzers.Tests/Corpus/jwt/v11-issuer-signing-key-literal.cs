// family: jwt
// verdict: vulnerable
// sink-line: 20
// why: The validation key is a literal in the code, so anyone who has the code can sign tokens that this API accepts.
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.V11;

public static class AuthSetup
{
    public static void AddJwt(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o => o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = "reports",
            ValidAudience = "reports-ui",
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.ASCII.GetBytes("r3p0rts-s1gn1ng-k3y-f0r-hs256-0001")),
        });
    }
}
