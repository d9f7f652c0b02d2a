// family: secrets
// verdict: vulnerable
// sink-line: 32
// why: The returned record copies the [Secret] signing key from the options, so the key is serialized into the response.
using Bastion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets.V28;

[BastionOptions("Webhooks")]
public sealed partial class WebhookOptions
{
    public string CallbackUrl { get; set; } = "";

    [Secret(MinBytes = 32)]
    public string SigningKey { get; set; } = "";
}

public sealed record WebhookSettingsView(string CallbackUrl, string SigningKey);

public static class WebhookSettingsEndpoints
{
    public static void MapWebhookSettings(this WebApplication app)
    {
        app.MapGet("/webhooks/settings", Get).RequireAuthorization();
    }

    private static Ok<WebhookSettingsView> Get(IOptions<WebhookOptions> options)
        => TypedResults.Ok(new WebhookSettingsView(options.Value.CallbackUrl, options.Value.SigningKey));
}
