// family: jwt
// verdict: vulnerable
// sink-line: 27
// why: The signing keys are downloaded from the `jku` URL named in the token's own header, so an attacker signs a token with a key set they host.
using System.Collections.Generic;
using System.Net.Http;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.V19;

public static class AuthSetup
{
    private static readonly HttpClient Http = new();

    public static void AddFederatedAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = "https://federation.example.com",
                ValidAudience = "federated-api",
                IssuerSigningKeyResolver = ResolveKeys,
            };
        });
    }

    private static IEnumerable<SecurityKey> ResolveKeys(string token, SecurityToken securityToken, string kid, TokenValidationParameters parameters)
    {
        string jku = ((JsonWebToken)securityToken).GetHeaderValue<string>("jku");
        string json = Http.GetStringAsync(jku).GetAwaiter().GetResult();
        return new JsonWebKeySet(json).GetSigningKeys();
    }
}
