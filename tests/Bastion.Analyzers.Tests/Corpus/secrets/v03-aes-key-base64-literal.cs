// family: secrets
// verdict: vulnerable
// sink-line: 18
// why: The AES key that protects stored card tokens is a Base64 literal, so the encryption protects nothing from anyone who has the code.
using System;
using System.Security.Cryptography;
using System.Text;

namespace Corpus.Secrets.V03;

public sealed class CardTokenProtector
{
    private const string KeyBase64 = "3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE=";

    public string Protect(string cardToken)
    {
        using var aes = Aes.Create();
        aes.Key = Convert.FromBase64String(KeyBase64);
        aes.GenerateIV();
        byte[] cipher = aes.EncryptCbc(Encoding.UTF8.GetBytes(cardToken), aes.IV);
        byte[] result = new byte[aes.IV.Length + cipher.Length];
        aes.IV.CopyTo(result, 0);
        cipher.CopyTo(result, aes.IV.Length);
        return Convert.ToBase64String(result);
    }
}
