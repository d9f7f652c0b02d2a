// family: jwt
// verdict: vulnerable
// sink-line: 21
// why: A clock skew of 365 days keeps tokens valid for a year after they expire, which defeats short token lifetimes.
using System;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Jwt.V10;

public static class AuthSetup
{
    public static void AddMobileAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.Authority = "https://login.example.com";
            options.Audience = "mobile-api";
            // devices with wrong clocks kept getting 401s
            options.TokenValidationParameters.ClockSkew = TimeSpan.FromDays(365);
        });
    }
}
