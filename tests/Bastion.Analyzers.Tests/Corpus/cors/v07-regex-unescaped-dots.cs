// family: cors
// verdict: vulnerable
// sink-line: 17
// why: The dots in the anchored regex are not escaped, so https://appxexample.com matches too, and that domain can be registered by anyone.
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.V07;

public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .SetIsOriginAllowed(origin => Regex.IsMatch(origin, "^https://app.example.com$"))
            .AllowCredentials()
            .AllowAnyHeader()));
        var app = builder.Build();
        app.UseCors();
        app.MapGet("/api/profile", () => Results()).RequireAuthorization();
        app.Run();
    }

    private static object Results() => new { plan = "pro" };
}
