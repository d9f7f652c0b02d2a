// family: cookies
// verdict: vulnerable
// sink-line: 22
// why: The cookie policy that is supposed to add Secure uses SameAsRequest while the app is reached over HTTP from its proxy, so the session cookies written without options stay insecure.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cookies.V28;

public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseUrls("http://0.0.0.0:8080");
        builder.Services.Configure<CookiePolicyOptions>(options =>
        {
            options.HttpOnly = HttpOnlyPolicy.Always;
            options.Secure = CookieSecurePolicy.SameAsRequest;
        });
        var app = builder.Build();
        app.UseCookiePolicy();
        app.MapPost("/session", (HttpContext context) =>
        {
            context.Response.Cookies.Append("session", System.Guid.NewGuid().ToString("N"));
            return Results.Ok();
        });
        app.Run();
    }
}
