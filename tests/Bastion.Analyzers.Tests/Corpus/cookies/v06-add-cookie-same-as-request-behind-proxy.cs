// family: cookies
// verdict: vulnerable
// sink-line: 23
// why: Behind the TLS-terminating proxy every request reaches the app as HTTP, so SameAsRequest never sets Secure on the authentication cookie.
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cookies.V06;

public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // TLS ends at the load balancer; Kestrel listens on plain HTTP.
        builder.WebHost.UseUrls("http://0.0.0.0:8080");
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        var app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/", () => "ok");
        app.Run();
    }
}
