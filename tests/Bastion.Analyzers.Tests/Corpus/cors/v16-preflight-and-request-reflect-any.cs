// family: cors
// verdict: vulnerable
// sink-line: 18
// why: Any non-empty Origin is reflected for both preflight and actual requests together with Allow-Credentials, so no origin is ever refused.
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cors.V16;

public sealed class ApiCorsMiddleware(RequestDelegate next)
{
    public async Task Invoke(HttpContext context)
    {
        string? origin = context.Request.Headers.Origin;
        if (!string.IsNullOrEmpty(origin))
        {
            IHeaderDictionary headers = context.Response.Headers;
            headers["Access-Control-Allow-Origin"] = origin;
            headers["Access-Control-Allow-Credentials"] = "true";
            if (context.Request.Method == HttpMethods.Options)
            {
                headers["Access-Control-Allow-Methods"] = context.Request.Headers.AccessControlRequestMethod;
                headers["Access-Control-Allow-Headers"] = context.Request.Headers.AccessControlRequestHeaders;
                context.Response.StatusCode = 204;
                return;
            }
        }

        await next(context);
    }
}
