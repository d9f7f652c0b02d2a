// family: secrets
// verdict: vulnerable
// sink-line: 19
// why: If the environment variable is missing, the cookie-encryption key falls back to a literal that is the same in every deployment.
using System;
using System.Security.Cryptography;
using System.Text;

namespace Corpus.Secrets.V26;

public static class CookieCrypto
{
    private static readonly byte[] Key = SHA256.HashData(Encoding.UTF8.GetBytes(
        Environment.GetEnvironmentVariable("COOKIE_KEY") ?? "local-cookie-key-do-not-use-in-prod"));

    public static byte[] Encrypt(byte[] plaintext)
    {
        using var aes = Aes.Create();
        aes.Key = Key;
        return aes.EncryptCbc(plaintext, new byte[16]);
    }
}
