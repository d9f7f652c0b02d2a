// family: secrets
// verdict: safe
// why: The key for short-lived download tokens is generated randomly at start-up with RandomNumberGenerator, so there is no fixed key to leak.
using System;
using System.Security.Cryptography;
using System.Text;

namespace Corpus.Secrets.S09;

public sealed class DownloadTokens
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Create(int fileId, DateTimeOffset expires)
    {
        byte[] mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{fileId}:{expires.ToUnixTimeSeconds()}"));
        return Convert.ToHexString(mac);
    }

    public bool Verify(int fileId, DateTimeOffset expires, string token)
    {
        byte[] expected = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{fileId}:{expires.ToUnixTimeSeconds()}"));
        return token.Length == 64 && CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(token));
    }
}
