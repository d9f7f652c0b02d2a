// family: jwt
// verdict: vulnerable
// sink-line: 24
// why: RequireSignedTokens = false lets a token with `alg: none` and no signature through, so anyone can write their own claims.
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.V04;

public static class AuthSetup
{
    public static void AddInternalAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication().AddJwtBearer("internal", options =>
        {
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = "https://auth.internal",
                ValidAudience = "internal-api",
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(builder.Configuration["Internal:Key"]!)),
                RequireSignedTokens = false,
            };
        });
    }
}
