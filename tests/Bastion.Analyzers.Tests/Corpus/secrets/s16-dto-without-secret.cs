// family: secrets
// verdict: safe
// why: The response record is built from the callback URL only; the [Secret] signing key stays on the server.
using Bastion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets.S16;

[BastionOptions("Webhooks")]
public sealed partial class WebhookOptions
{
    public string CallbackUrl { get; set; } = "";

    [Secret(MinBytes = 32)]
    public string SigningKey { get; set; } = "";
}

public sealed record WebhookSettingsView(string CallbackUrl, string Algorithm);

public static class WebhookSettingsEndpoints
{
    public static void MapWebhookSettings(this WebApplication app) => app.MapGet("/webhooks/settings", Get).RequireAuthorization();

    private static Ok<WebhookSettingsView> Get(IOptions<WebhookOptions> options)
        => TypedResults.Ok(new WebhookSettingsView(options.Value.CallbackUrl, "HMAC-SHA256"));
}
