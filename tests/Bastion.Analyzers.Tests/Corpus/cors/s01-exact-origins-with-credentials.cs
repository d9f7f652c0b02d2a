// family: cors
// verdict: safe
// why: Only two exact https origins are allowed with credentials; the middleware compares the Origin header with them exactly.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.S01;

public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins("https://app.example.com", "https://admin.example.com")
            .AllowCredentials()
            .WithHeaders("Content-Type", "X-CSRF-TOKEN")
            .WithMethods("GET", "POST", "DELETE")));
        var app = builder.Build();
        app.UseCors();
        app.MapGet("/api/me", (System.Security.Claims.ClaimsPrincipal user) => new { user.Identity!.Name }).RequireAuthorization();
        app.Run();
    }
}
