// family: secrets
// verdict: safe
// why: The exception names the configuration key and the HTTP status, never the key's value.
using System;
using System.Net.Http;
using System.Threading.Tasks;
using Bastion;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets.S13;

[BastionOptions("Sms")]
public sealed partial class SmsOptions
{
    public string Endpoint { get; set; } = "";

    [Secret]
    public string ApiKey { get; set; } = "";
}

public sealed class SmsSender(HttpClient http, IOptions<SmsOptions> options)
{
    public async Task SendAsync(string phone, string text)
    {
        SmsOptions sms = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, sms.Endpoint) { Content = new StringContent($"{phone}:{text}") };
        request.Headers.Add("X-Api-Key", sms.ApiKey);
        HttpResponseMessage response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"SMS gateway refused the key configured at Sms:ApiKey with {(int)response.StatusCode}");
        }
    }
}
