// family: secrets
// verdict: vulnerable
// sink-line: 27
// why: The [Secret] API key is passed as a structured logging argument, so it is written to every log sink.
using System.Net.Http;
using System.Threading.Tasks;
using Bastion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets.V10;

[BastionOptions("Geo")]
public sealed partial class GeoOptions
{
    public string BaseUrl { get; set; } = "";

    [Secret(MinLength = 32)]
    public string ApiKey { get; set; } = "";
}

public sealed class GeoClient(HttpClient http, IOptions<GeoOptions> options, ILogger<GeoClient> logger)
{
    public async Task<string> LookupAsync(string ip)
    {
        GeoOptions geo = options.Value;
        logger.LogInformation("Calling geo service {BaseUrl} with key {ApiKey}", geo.BaseUrl, geo.ApiKey);
        return await http.GetStringAsync($"{geo.BaseUrl}/lookup/{ip}?key={geo.ApiKey}");
    }
}
