// family: cors
// verdict: vulnerable
// sink-line: 21
// why: The allowed origin is taken from the Referer header, which the calling page controls, so any site is granted credentialed access.
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cors.V26;

public static class EmbedCors
{
    public static void UseEmbedCors(this WebApplication app)
    {
        app.Use(async (HttpContext context, Func<System.Threading.Tasks.Task> next) =>
        {
            string referer = context.Request.Headers.Referer.ToString();
            if (Uri.TryCreate(referer, UriKind.Absolute, out Uri? page))
            {
                string origin = page.GetLeftPart(UriPartial.Authority);
                context.Response.Headers["Access-Control-Allow-Origin"] = origin;
                context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
            }

            await next();
        });
    }
}
