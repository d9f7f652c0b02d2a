// family: jwt
// verdict: safe
// why: The clock skew is reduced to 30 seconds, which only absorbs small clock differences, and all validations stay on.
using System;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Jwt.S07;

public static class AuthSetup
{
    public static void AddMobileAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.Authority = "https://login.example.com";
            options.Audience = "mobile-api";
            options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
        });
    }
}
