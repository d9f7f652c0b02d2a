// family: cors
// verdict: safe
// why: The origin is reflected but Allow-Credentials is never sent, so cross-site reads happen without cookies and only reach public exchange rates.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cors.S10;

public static class RatesEndpoints
{
    public static void MapRates(this WebApplication app)
    {
        app.MapGet("/public/rates", (HttpContext context) =>
        {
            string origin = context.Request.Headers.Origin.ToString();
            if (origin.Length > 0)
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.Vary = "Origin";
            }

            return Results.Ok(new { eur = 1.0m, usd = 1.08m, gbp = 0.85m });
        });
    }
}
