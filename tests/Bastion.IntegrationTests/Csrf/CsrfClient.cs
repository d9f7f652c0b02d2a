using System;
using System.Net.Http;

namespace Bastion.IntegrationTests.Csrf;

/// <summary>Makes an HttpClient send what a browser sends from the app's own page: its own origin in <c>Origin</c>.</summary>
public static class CsrfClient
{
    public static void ActAsOwnPage(this HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Remove("Origin");
        client.DefaultRequestHeaders.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
    }
}
