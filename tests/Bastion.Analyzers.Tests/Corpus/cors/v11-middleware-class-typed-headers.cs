// family: cors
// verdict: vulnerable
// sink-line: 17
// why: The middleware class sets the typed AccessControlAllowOrigin header to whatever Origin the request carries, with credentials allowed.
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cors.V11;

public sealed class PermissiveCorsMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin;
        if (!string.IsNullOrEmpty(origin))
        {
            context.Response.Headers.AccessControlAllowOrigin = origin;
            context.Response.Headers.AccessControlAllowCredentials = "true";
            context.Response.Headers.AccessControlExposeHeaders = "X-Total-Count";
        }

        return next(context);
    }
}
