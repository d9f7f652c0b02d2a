// family: secrets
// verdict: vulnerable
// sink-line: 25
// why: A partner API token is hard-coded into the Authorization header of a typed HttpClient.
using System;
using System.Net.Http;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Secrets.V18;

public sealed class PartnerClient(HttpClient http)
{
    public HttpClient Http { get; } = http;
}

public static class PartnerSetup
{
    public static void AddPartnerClient(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<PartnerClient>(client =>
        {
            client.BaseAddress = new Uri("https://partner.example.net/api/");
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "prt_4f9c2a7e1b6d8f3a0c5e9b2d7a1f4c8e");
        });
    }
}
