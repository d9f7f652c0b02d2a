using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Bastion.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Bastion.Jwt;

/// <summary>
/// The signing keys and token rules read from <c>Bastion:Jwt</c>: <c>Issuer</c>, <c>Audience</c>,
/// <c>CurrentKid</c> (the key new tokens are signed with), <c>Keys:{kid}</c> (a secret of at least 32 bytes, or
/// <c>file:/path</c> to read it from), <c>Lifetime</c> (default 15 minutes) and <c>ClockSkew</c> (default and
/// maximum 60 seconds). Keys other than the current one still validate tokens until removed: that is rotation.
/// </summary>
public sealed class JwtKeyRing
{
    /// <summary>HMAC-SHA256 keys need 256 bits.</summary>
    public const int MinKeyBytes = 32;

    private readonly Dictionary<string, SymmetricSecurityKey> _keys;

    private JwtKeyRing(string issuer, string audience, string currentKid, TimeSpan lifetime, TimeSpan clockSkew, Dictionary<string, SymmetricSecurityKey> keys)
    {
        Issuer = issuer;
        Audience = audience;
        CurrentKid = currentKid;
        Lifetime = lifetime;
        ClockSkew = clockSkew;
        _keys = keys;
    }

    /// <summary>The <c>iss</c> issued and required.</summary>
    public string Issuer { get; }

    /// <summary>The <c>aud</c> issued and required.</summary>
    public string Audience { get; }

    /// <summary>The key id new tokens are signed with (sent in the header, never in the payload).</summary>
    public string CurrentKid { get; }

    /// <summary>How long issued tokens live.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>Tolerance for clock differences when checking exp/nbf.</summary>
    public TimeSpan ClockSkew { get; }

    /// <summary>The key ids that validate tokens.</summary>
    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    internal SymmetricSecurityKey Current => _keys[CurrentKid];

    /// <summary>The key for <paramref name="kid"/>, or null (unknown or retired).</summary>
    public SecurityKey? Find(string? kid) => kid is not null && _keys.TryGetValue(kid, out SymmetricSecurityKey? key) ? key : null;

    /// <summary>
    /// Reads and checks the ring. Every problem names its configuration key, never a key's value; placeholders are
    /// refused outside Development.
    /// </summary>
    public static JwtKeyRing FromConfiguration(IConfiguration section, bool development, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(section);
        string path = section is IConfigurationSection named ? named.Path : "Bastion:Jwt";
        var problems = new List<string>();
        string issuer = Required(section, path, "Issuer", problems);
        string audience = Required(section, path, "Audience", problems);
        string currentKid = Required(section, path, "CurrentKid", problems);
        TimeSpan lifetime = Span(section, path, "Lifetime", TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), problems);
        TimeSpan skew = Span(section, path, "ClockSkew", TimeSpan.FromSeconds(60), TimeSpan.Zero, TimeSpan.FromSeconds(60), problems);
        var keys = new Dictionary<string, SymmetricSecurityKey>(StringComparer.Ordinal);
        foreach (IConfigurationSection key in section.GetSection("Keys").GetChildren())
        {
            string? secret = key.Value;
            if (secret is not null && secret.StartsWith("file:", StringComparison.Ordinal))
            {
                string file = Path.GetFullPath(secret[5..], contentRoot);
                if (!File.Exists(file))
                {
                    problems.Add($"{key.Path} names the key file '{file}', which does not exist.");
                    continue;
                }

                secret = File.ReadAllText(file).Trim();
            }

            var errors = new Validation.ValidationCollector();
            SecretChecks.Check(secret, key.Path, 0, MinKeyBytes, development, ref errors);
            if (errors.HasErrors)
            {
                problems.AddRange(errors.ToDictionary().SelectMany(e => e.Value.Select(m => e.Key + " " + m)));
                continue;
            }

            keys[key.Key] = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret!)) { KeyId = key.Key };
        }

        if (currentKid.Length > 0 && !keys.ContainsKey(currentKid) && !problems.Any(p => p.StartsWith(path + ":Keys:" + currentKid + " ", StringComparison.Ordinal)))
        {
            problems.Add($"{path}:CurrentKid names '{currentKid}', which is not under {path}:Keys.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Bastion: the JWT key ring is invalid: " + string.Join(" ", problems));
        }

        return new JwtKeyRing(issuer, audience, currentKid, lifetime, skew, keys);
    }

    private static string Required(IConfiguration section, string path, string name, List<string> problems)
    {
        string? value = section[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{path}:{name} is required.");
            return string.Empty;
        }

        return value;
    }

    private static TimeSpan Span(IConfiguration section, string path, string name, TimeSpan fallback, TimeSpan min, TimeSpan max, List<string> problems)
    {
        string? text = section[name];
        if (text is null)
        {
            return fallback;
        }

        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value) || value < min || value > max)
        {
            problems.Add($"{path}:{name} must be a time span from {min} to {max}.");
            return fallback;
        }

        return value;
    }
}
