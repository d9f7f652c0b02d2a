// family: cookies
// verdict: safe
// why: The session options make the cookie Secure always and HttpOnly, and the app only serves HTTPS with HSTS, so no cleartext request ever carries it.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cookies.S25;

public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSession(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        var app = builder.Build();
        app.UseHsts();
        app.UseHttpsRedirection();
        app.UseSession();
        app.MapGet("/cart", (HttpContext context) => context.Session.GetString("cart") ?? "[]");
        app.Run();
    }
}
