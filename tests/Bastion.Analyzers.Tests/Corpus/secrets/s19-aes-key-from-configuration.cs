// family: secrets
// verdict: safe
// why: The AES key is decoded from a configuration value supplied by the environment, and a missing value is an error rather than a fallback.
using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Corpus.Secrets.S19;

public sealed class CardTokenProtector(IConfiguration configuration)
{
    public string Protect(string cardToken)
    {
        string encoded = configuration["CardVault:Key"] ?? throw new InvalidOperationException("CardVault:Key is not configured.");
        using var aes = Aes.Create();
        aes.Key = Convert.FromBase64String(encoded);
        aes.GenerateIV();
        byte[] cipher = aes.EncryptCbc(Encoding.UTF8.GetBytes(cardToken), aes.IV);
        return Convert.ToBase64String([.. aes.IV, .. cipher]);
    }
}
