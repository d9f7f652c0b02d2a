// family: cors
// verdict: vulnerable
// sink-line: 16
// why: Contains("example.com") accepts https://example.com.attacker.net, so an attacker's subdomain passes the origin check with credentials.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.V04;

public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p
            .SetIsOriginAllowed(origin => origin.Contains("example.com"))
            .AllowCredentials()
            .AllowAnyHeader()));
        var app = builder.Build();
        app.UseCors();
        app.MapGet("/api/orders", () => new[] { 1, 2, 3 }).RequireAuthorization();
        app.Run();
    }
}
