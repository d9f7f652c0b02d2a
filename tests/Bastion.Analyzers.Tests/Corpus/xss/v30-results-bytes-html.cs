// family: xss
// verdict: vulnerable
// sink-line: 19
// why: The page is encoded to bytes and sent with Results.Bytes as text/html, and the query's coupon code inside it is not HTML-encoded.
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V30;

public static class CouponPages
{
    public static void MapCoupon(this WebApplication app)
    {
        app.MapGet("/coupon", (HttpRequest request) =>
        {
            string code = request.Query["code"].ToString();
            byte[] page = Encoding.UTF8.GetBytes($"<html><body><p>Your code: <code>{code}</code></p></body></html>");
            return Results.Bytes(page, "text/html");
        });
    }
}
