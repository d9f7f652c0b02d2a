// family: cors
// verdict: vulnerable
// sink-line: 16
// why: SetIsOriginAllowed(_ => true) with AllowCredentials makes the CORS middleware echo any Origin with Allow-Credentials, so every site can read authenticated responses.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.V01;

public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .SetIsOriginAllowed(_ => true)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .AllowCredentials()));
        builder.Services.AddAuthentication().AddCookie(o => { o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.None; o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.Always; });
        var app = builder.Build();
        app.UseCors();
        app.UseAuthentication();
        app.MapGet("/api/me", (System.Security.Claims.ClaimsPrincipal user) => new { user.Identity!.Name }).RequireAuthorization();
        app.Run();
    }
}
