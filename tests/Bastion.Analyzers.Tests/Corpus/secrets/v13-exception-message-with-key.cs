// family: secrets
// verdict: vulnerable
// sink-line: 32
// why: The exception message carries the [Secret] API key, and exception messages end up in logs and error pages.
using System;
using System.Net.Http;
using System.Threading.Tasks;
using Bastion;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets.V13;

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
            throw new InvalidOperationException($"SMS gateway refused key {sms.ApiKey} with {(int)response.StatusCode}");
        }
    }
}
