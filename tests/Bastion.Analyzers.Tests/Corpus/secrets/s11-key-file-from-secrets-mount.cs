// family: secrets
// verdict: safe
// why: The HMAC key is read from a file on the secrets mount whose path is configured; the code contains neither the key nor a fallback.
using System;
using System.IO;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Corpus.Secrets.S11;

public sealed class ReceiptSigner
{
    private readonly byte[] _key;

    public ReceiptSigner(IConfiguration configuration)
    {
        string path = configuration["Receipts:KeyFile"] ?? "/run/secrets/receipt_key";
        _key = File.ReadAllBytes(path);
        if (_key.Length < 32)
        {
            throw new InvalidOperationException("The receipt key file must hold at least 32 bytes.");
        }
    }

    public string Sign(ReadOnlySpan<byte> receipt) => Convert.ToBase64String(HMACSHA256.HashData(_key, receipt));
}
