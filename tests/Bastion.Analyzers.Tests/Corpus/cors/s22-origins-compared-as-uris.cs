// family: cors
// verdict: safe
// why: The origin is parsed and compared with the trusted origins by scheme, host and port, so only those exact origins are reflected with credentials.
using System;
using System.Linq;
using Microsoft.AspNetCore.Builder;

namespace Corpus.Cors.S22;

public static class UriCors
{
    private static readonly Uri[] Trusted = [new("https://app.example.com"), new("https://app.example.com:8443")];

    private static bool IsTrusted(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out Uri? uri)
        && uri.AbsolutePath == "/"
        && Trusted.Any(t => t.Scheme == uri.Scheme && t.Port == uri.Port && string.Equals(t.Host, uri.Host, StringComparison.OrdinalIgnoreCase));

    public static void UseUriCors(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            string origin = context.Request.Headers.Origin.ToString();
            if (IsTrusted(origin))
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }

            await next();
        });
    }
}
