// family: cookies
// verdict: vulnerable
// sink-line: 20
// why: Turning HttpOnly off on the session cookie lets script on the page, including injected script, read the session id.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cookies.V08;

public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSession(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = false;
        });
        var app = builder.Build();
        app.UseSession();
        app.MapGet("/cart", (HttpContext context) => context.Session.GetString("cart") ?? "[]");
        app.Run();
    }
}
