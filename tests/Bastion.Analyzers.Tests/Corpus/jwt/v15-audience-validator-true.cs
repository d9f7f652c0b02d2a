// family: jwt
// verdict: vulnerable
// sink-line: 21
// why: The AudienceValidator accepts every audience, so ID tokens Google issued to other applications are accepted by this API.
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.V15;

public static class AuthSetup
{
    public static IServiceCollection AddGoogleJwt(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.Authority = "https://accounts.google.com";
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuers = ["https://accounts.google.com", "accounts.google.com"],
                AudienceValidator = (audiences, token, parameters) => true,
            };
        });
        return services;
    }
}
