// family: secrets
// verdict: safe
// why: The literal is the name of the environment variable that holds the key, not the key; a missing variable stops the app.
using System;
using System.Security.Cryptography;

namespace Corpus.Secrets.S17;

public static class CookieCrypto
{
    private const string KeyVariable = "COOKIE_ENCRYPTION_KEY";

    private static readonly byte[] Key = Convert.FromBase64String(
        Environment.GetEnvironmentVariable(KeyVariable) ?? throw new InvalidOperationException(KeyVariable + " is not set."));

    public static byte[] Encrypt(byte[] plaintext)
    {
        using var aes = Aes.Create();
        aes.Key = Key;
        aes.GenerateIV();
        byte[] cipher = aes.EncryptCbc(plaintext, aes.IV);
        return [.. aes.IV, .. cipher];
    }
}
