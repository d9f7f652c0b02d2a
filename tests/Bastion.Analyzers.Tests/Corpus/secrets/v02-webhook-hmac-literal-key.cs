// family: secrets
// verdict: vulnerable
// sink-line: 23
// why: The webhook HMAC key is hard-coded, so anyone with the source can forge signed webhook calls.
using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Secrets.V02;

public static class WebhookEndpoints
{
    public static void MapWebhooks(this WebApplication app)
    {
        app.MapPost("/webhooks/billing", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            string payload = await reader.ReadToEndAsync();
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("b1llingW3bh00k-Sh4red-K3y-9d8f7a6c"));
            string expected = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(payload)));
            string received = request.Headers["X-Signature"].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(received.ToUpperInvariant())))
            {
                return Results.Unauthorized();
            }

            return Results.Ok();
        });
    }
}
