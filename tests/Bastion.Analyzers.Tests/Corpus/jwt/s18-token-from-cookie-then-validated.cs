// family: jwt
// verdict: safe
// why: OnMessageReceived only tells the handler where to find the token (a cookie); the handler then validates it with all default checks.
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Jwt.S18;

public static class AuthSetup
{
    public static void AddCookieTokenAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.Authority = "https://login.example.com";
            o.Audience = "web-api";
            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    context.Token = context.Request.Cookies["__Host-access"];
                    return Task.CompletedTask;
                },
            };
        });
    }
}
