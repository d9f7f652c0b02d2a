// family: jwt
// verdict: vulnerable
// sink-line: 20
// why: The hand-written verifier skips the signature check when the header says `alg: none`, so an unsigned token with any claims is accepted.
using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.V20;

public sealed class LightweightJwt(byte[] key)
{
    public JsonElement? Verify(string token)
    {
        string[] parts = token.Split('.');
        using JsonDocument header = JsonDocument.Parse(Base64UrlEncoder.Decode(parts[0]));
        string alg = header.RootElement.GetProperty("alg").GetString() ?? "";
        if (alg != "none")
        {
            byte[] expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
            if (!CryptographicOperations.FixedTimeEquals(expected, Base64UrlEncoder.DecodeBytes(parts[2])))
            {
                return null;
            }
        }

        return JsonDocument.Parse(Base64UrlEncoder.Decode(parts[1])).RootElement.Clone();
    }
}
