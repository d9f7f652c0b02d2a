// family: jwt
// verdict: vulnerable
// sink-line: 28
// why: OnMessageReceived builds the principal from a token read without validation and calls Success, which skips the bearer handler's validation entirely.
using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Jwt.V28;

public static class AuthSetup
{
    public static void AddQueryTokenAuth(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.Authority = "https://login.example.com";
            o.Audience = "realtime";
            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    string? token = context.Request.Query["access_token"];
                    if (!string.IsNullOrEmpty(token))
                    {
                        JwtSecurityToken jwt = new JwtSecurityTokenHandler().ReadJwtToken(token);
                        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(jwt.Claims, JwtBearerDefaults.AuthenticationScheme));
                        context.Success();
                    }

                    return Task.CompletedTask;
                },
            };
        });
    }
}
