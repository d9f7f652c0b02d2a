// family: jwt
// verdict: safe
// why: The custom lifetime validator requires both dates and checks them against the injected clock with a one-minute tolerance, which is stricter than the default.
using System;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Jwt.S19;

public static class AuthSetup
{
    public static void AddStrictLifetime(this IServiceCollection services, TimeProvider clock)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.Authority = "https://login.example.com";
            o.Audience = "kiosk-api";
            o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, token, parameters) =>
            {
                DateTime now = clock.GetUtcNow().UtcDateTime;
                return notBefore is DateTime nbf && expires is DateTime exp
                    && nbf <= now.AddMinutes(1) && exp > now.AddMinutes(-1);
            };
        });
    }
}
