// family: secrets
// verdict: vulnerable
// sink-line: 27
// why: The whole options object, including its [Secret] ApiKey, is serialized into the response of a settings endpoint.
using Bastion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets.V08;

[BastionOptions("Payments")]
public sealed partial class PaymentOptions
{
    public string ApiBase { get; set; } = "";

    [Secret(MinLength = 24)]
    public string ApiKey { get; set; } = "";

    public int Retries { get; set; } = 3;
}

public static class SettingsEndpoints
{
    public static void MapSettings(this WebApplication app)
    {
        app.MapGet("/settings/payments", (IOptions<PaymentOptions> options) => Results.Ok(options.Value))
            .RequireAuthorization();
    }
}
