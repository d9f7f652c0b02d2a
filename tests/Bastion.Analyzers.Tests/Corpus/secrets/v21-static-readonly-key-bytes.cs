// family: secrets
// verdict: vulnerable
// sink-line: 23
// why: The key used to sign download links is a static byte array in the code, so links can be forged by anyone who has the assembly.
using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Secrets.V21;

public static class SignedLinks
{
    private static readonly byte[] LinkKey = [0x4a, 0x91, 0x0c, 0xe7, 0x33, 0x5f, 0xa8, 0x12, 0x9d, 0x76, 0x20, 0xbb, 0x48, 0xf1, 0x6e, 0x05,
        0xc2, 0x7a, 0x19, 0xd4, 0x88, 0x3e, 0x51, 0xaf, 0x0b, 0xe9, 0x64, 0x27, 0x9c, 0x15, 0xd0, 0x7f];

    public static void MapSignedLinks(this WebApplication app)
    {
        app.MapGet("/files/{id:int}/link", (int id) =>
        {
            long expires = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
            byte[] mac = HMACSHA256.HashData(LinkKey, Encoding.UTF8.GetBytes($"{id}:{expires}"));
            return Results.Ok(new { url = $"/files/{id}?exp={expires}&sig={Convert.ToHexString(mac)}" });
        });
    }
}
