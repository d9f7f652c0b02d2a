// family: secrets
// verdict: safe
// why: The webhook HMAC key is a [Secret] options member bound from configuration, and only the computed signature is compared.
using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Bastion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets.S02;

[BastionOptions("Billing")]
public sealed partial class BillingOptions
{
    [Secret(MinBytes = 32)]
    public string WebhookKey { get; set; } = "";
}

public static class WebhookEndpoints
{
    public static void MapWebhooks(this WebApplication app)
    {
        app.MapPost("/webhooks/billing", async (HttpRequest request, IOptions<BillingOptions> options) =>
        {
            using var reader = new StreamReader(request.Body);
            byte[] payload = Encoding.UTF8.GetBytes(await reader.ReadToEndAsync());
            byte[] expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.WebhookKey), payload);
            string signature = request.Headers["X-Signature"].ToString();
            bool valid = signature.Length == 64 && CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(signature));
            return valid ? Results.Ok() : Results.Unauthorized();
        });
    }
}
