// family: secrets
// verdict: safe
// why: Only the endpoint and retry count of the options are logged; the [Secret] key is used for the request header and never logged.
using System.Net.Http;
using System.Threading.Tasks;
using Bastion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets.S03;

[BastionOptions("Geo")]
public sealed partial class GeoOptions
{
    public string BaseUrl { get; set; } = "";
    public int Retries { get; set; } = 2;

    [Secret(MinLength = 32)]
    public string ApiKey { get; set; } = "";
}

public sealed class GeoClient(HttpClient http, IOptions<GeoOptions> options, ILogger<GeoClient> logger)
{
    public async Task<string> LookupAsync(string ip)
    {
        GeoOptions geo = options.Value;
        logger.LogInformation("Calling geo service {BaseUrl} (retries {Retries})", geo.BaseUrl, geo.Retries);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{geo.BaseUrl}/lookup/{ip}");
        request.Headers.Add("X-Api-Key", geo.ApiKey);
        using HttpResponseMessage response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}
