// family: secrets
// verdict: vulnerable
// sink-line: 17
// why: GetValue with a literal default makes the hard-coded string the HMAC key whenever the setting is missing.
using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Corpus.Secrets.V07;

public sealed class UnsubscribeLinks(IConfiguration configuration)
{
    public string Create(string email)
    {
        string key = configuration.GetValue("Mail:UnsubscribeKey", "unsub-7f3e9a1c2b8d4e6f")!;
        byte[] mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(email));
        return $"https://example.com/unsubscribe?e={Uri.EscapeDataString(email)}&sig={Convert.ToHexString(mac)}";
    }
}
