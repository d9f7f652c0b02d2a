// family: secrets
// verdict: safe
// why: The [Secret] partner token is sent only in the Authorization header of requests to the partner it belongs to, which is its intended use.
using System;
using System.Net.Http.Headers;
using Bastion;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets.S25;

[BastionOptions("Partner")]
public sealed partial class PartnerOptions
{
    public Uri BaseAddress { get; set; } = new("https://partner.example.net/api/");

    [Secret(MinLength = 32)]
    public string Token { get; set; } = "";
}

public static class PartnerSetup
{
    public static void AddPartnerClient(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient("partner", (services, client) =>
        {
            PartnerOptions partner = services.GetRequiredService<IOptions<PartnerOptions>>().Value;
            client.BaseAddress = partner.BaseAddress;
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", partner.Token);
        });
    }
}
