// family: secrets
// verdict: safe
// why: The secret pepper is used as an HMAC key and only the resulting digest of the e-mail address is logged, which does not reveal the key.
using System;
using System.Security.Cryptography;
using System.Text;
using Bastion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets.S23;

[BastionOptions("Privacy")]
public sealed partial class PrivacyOptions
{
    [Secret(MinBytes = 32)]
    public string Pepper { get; set; } = "";
}

public sealed class SignupAudit(IOptions<PrivacyOptions> options, ILogger<SignupAudit> logger)
{
    public void Record(string email)
    {
        byte[] digest = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.Pepper), Encoding.UTF8.GetBytes(email.ToLowerInvariant()));
        logger.LogInformation("Signup for pseudonymous user {UserHash}", Convert.ToHexString(digest, 0, 8));
    }
}
