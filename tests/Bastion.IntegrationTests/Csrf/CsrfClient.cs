using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Bastion.IntegrationTests.Csrf;

/// <summary>Makes an HttpClient behave like the sample's page: fetch a CSRF token, then send it and a same-origin Origin.</summary>
public static class CsrfClient
{
    public static async Task UseCsrfTokenAsync(this HttpClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        JsonElement json = JsonDocument.Parse(await client.GetStringAsync("/bastion/csrf-token", cancellationToken)).RootElement;
        client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        client.DefaultRequestHeaders.Remove("Origin");
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", json.GetProperty("token").GetString());
        client.DefaultRequestHeaders.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
    }
}
