// family: cors
// verdict: vulnerable
// sink-line: 19
// why: Hand-written middleware copies the request's Origin into Access-Control-Allow-Origin and allows credentials, so every site may read every response.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cors.V09;

public static class CorsMiddleware
{
    public static void UseOpenCors(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            string? origin = context.Request.Headers["Origin"];
            if (origin is not null)
            {
                context.Response.Headers["Access-Control-Allow-Origin"] = origin;
                context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
                context.Response.Headers["Vary"] = "Origin";
            }

            if (HttpMethods.IsOptions(context.Request.Method))
            {
                context.Response.Headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE";
                context.Response.Headers["Access-Control-Allow-Headers"] = "Content-Type, Authorization";
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }

            await next();
        });
    }
}
