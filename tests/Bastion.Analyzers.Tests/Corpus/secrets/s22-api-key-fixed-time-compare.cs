// family: secrets
// verdict: safe
// why: The configured API key is only compared in constant time with the header; the response is a status code and reveals nothing about the key.
using System.Security.Cryptography;
using System.Text;
using Bastion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets.S22;

[BastionOptions("Ingest")]
public sealed partial class IngestOptions
{
    [Secret(MinLength = 32)]
    public string ApiKey { get; set; } = "";
}

public static class IngestEndpoints
{
    public static void MapIngest(this WebApplication app)
    {
        app.MapPost("/ingest", (HttpRequest request, IOptions<IngestOptions> options) =>
        {
            byte[] expected = Encoding.UTF8.GetBytes(options.Value.ApiKey);
            byte[] provided = Encoding.UTF8.GetBytes(request.Headers["X-Api-Key"].ToString());
            return CryptographicOperations.FixedTimeEquals(expected, provided) ? Results.Accepted() : Results.Unauthorized();
        });
    }
}
