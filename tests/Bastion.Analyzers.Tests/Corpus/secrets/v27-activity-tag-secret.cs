// family: secrets
// verdict: vulnerable
// sink-line: 28
// why: The [Secret] API key is added as a tag of the current trace activity, and tags are exported to the tracing backend.
using System.Diagnostics;
using System.Net.Http;
using System.Threading.Tasks;
using Bastion;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets.V27;

[BastionOptions("Search")]
public sealed partial class SearchOptions
{
    public string Endpoint { get; set; } = "";

    [Secret]
    public string ApiKey { get; set; } = "";
}

public sealed class SearchClient(HttpClient http, IOptions<SearchOptions> options)
{
    public Task<string> QueryAsync(string text)
    {
        SearchOptions search = options.Value;
        Activity.Current?.SetTag("search.endpoint", search.Endpoint);
        Activity.Current?.SetTag("search.api_key", search.ApiKey);
        return http.GetStringAsync($"{search.Endpoint}?q={System.Uri.EscapeDataString(text)}&key={search.ApiKey}");
    }
}
