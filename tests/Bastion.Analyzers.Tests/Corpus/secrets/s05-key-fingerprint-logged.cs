// family: secrets
// verdict: safe
// why: Only a truncated SHA-256 fingerprint of the 32-byte random key is logged, which identifies the key version without revealing it.
using System;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Corpus.Secrets.S05;

public sealed class EncryptionKeyProvider
{
    public EncryptionKeyProvider(IConfiguration configuration, ILogger<EncryptionKeyProvider> logger)
    {
        string encoded = configuration["Encryption:Key"] ?? throw new InvalidOperationException("Encryption:Key missing");
        Key = Convert.FromBase64String(encoded);
        if (Key.Length != 32)
        {
            throw new InvalidOperationException("Encryption:Key must be 32 bytes.");
        }

        string fingerprint = Convert.ToHexString(SHA256.HashData(Key), 0, 4);
        logger.LogInformation("Loaded encryption key with fingerprint {Fingerprint}", fingerprint);
    }

    public byte[] Key { get; }
}
