// family: jwt
// verdict: vulnerable
// sink-line: 23
// why: The custom lifetime validator accepts tokens up to 30 days after they expired, so a leaked token stays usable for a month.
using System;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.V24;

public static class AuthSetup
{
    private static bool WithGrace(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
        => expires is null || expires.Value > DateTime.UtcNow.AddDays(-30);

    public static void AddKioskJwt(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.Authority = "https://login.example.com";
            o.Audience = "kiosk-api";
            o.TokenValidationParameters.LifetimeValidator = WithGrace;
        });
    }
}
