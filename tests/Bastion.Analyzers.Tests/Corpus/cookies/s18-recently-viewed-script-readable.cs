// family: cookies
// verdict: safe
// why: The recently-viewed cookie holds public product ids that the page's script shows; it is Secure and Lax, and it is not a credential.
using System;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.S18;

public static class RecentlyViewed
{
    public static void MapProduct(this WebApplication app)
    {
        app.MapGet("/products/{id:int}", (int id, HttpContext context) =>
        {
            string previous = context.Request.Cookies["recent"] ?? "";
            string recent = string.Join('.', previous.Split('.', StringSplitOptions.RemoveEmptyEntries).Where(p => int.TryParse(p, out _)).Prepend(id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Distinct().Take(10));
            context.Response.Cookies.Append("recent", recent, new CookieOptions { Secure = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
            return Results.Ok(new { id });
        });
    }
}
