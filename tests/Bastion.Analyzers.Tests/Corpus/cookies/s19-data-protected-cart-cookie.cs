// family: cookies
// verdict: safe
// why: The cart cookie carries a Data Protection-protected payload and is Secure, HttpOnly and SameSite=Strict.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.S19;

public static class CartEndpoints
{
    public static void MapCart(this WebApplication app)
    {
        app.MapPost("/cart/{sku}", (string sku, HttpContext context, IDataProtectionProvider provider) =>
        {
            IDataProtector protector = provider.CreateProtector("cart.v1");
            string payload = protector.Protect(sku);
            context.Response.Cookies.Append("cart", payload, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Strict });
            return Results.NoContent();
        });
    }
}
