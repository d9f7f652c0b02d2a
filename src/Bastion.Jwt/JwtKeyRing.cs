using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Bastion.Jwt;

/// <summary>
/// The keys and token rules read from <c>Bastion:Jwt</c>: <c>Issuer</c>, <c>Audience</c>, <c>CurrentKid</c> (the key
/// new tokens are signed with), <c>Keys:{kid}</c> (an HS256 secret of at least 32 bytes, or a section with
/// <c>Algorithm</c> ES256/RS256 and a PEM <c>PrivateKey</c> or <c>PublicKey</c>; any value may be <c>file:/path</c>),
/// <c>Lifetime</c> (default 15 minutes) and <c>ClockSkew</c> (default and maximum 60 seconds). Keys other than the
/// current one still validate tokens until removed: that is rotation. An app that only verifies tokens of another
/// issuer sets <c>JwksUrl</c> instead of keys (see <see cref="JwksKeySource"/>); <c>Jwks:MaxAge</c>,
/// <c>Jwks:MinRefreshInterval</c> and <c>Jwks:MaxStale</c> tune publishing and caching.
/// </summary>
public sealed class JwtKeyRing
{
    /// <summary>HMAC-SHA256 keys need 256 bits.</summary>
    public const int MinKeyBytes = 32;

    private readonly Dictionary<string, JwtKey> _keys;

    private JwtKeyRing(string issuer, string audience, string currentKid, TimeSpan lifetime, TimeSpan clockSkew, Dictionary<string, JwtKey> keys, JwksSettings jwks)
    {
        Issuer = issuer;
        Audience = audience;
        CurrentKid = currentKid;
        Lifetime = lifetime;
        ClockSkew = clockSkew;
        _keys = keys;
        Jwks = jwks;
    }

    /// <summary>The <c>iss</c> issued and required.</summary>
    public string Issuer { get; }

    /// <summary>The <c>aud</c> issued and required.</summary>
    public string Audience { get; }

    /// <summary>The key id new tokens are signed with (sent in the header, never in the payload); empty when this app only verifies.</summary>
    public string CurrentKid { get; }

    /// <summary>How long issued tokens live.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>Tolerance for clock differences when checking exp/nbf.</summary>
    public TimeSpan ClockSkew { get; }

    /// <summary>The key ids that validate tokens.</summary>
    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    /// <summary>The ring's keys (secrets included: never print them; <see cref="JwtKey.WriteJwk"/> writes public parts only).</summary>
    public IEnumerable<JwtKey> Keys => _keys.Values;

    /// <summary>Publishing and (for a verifier) fetching of the JWKS document.</summary>
    public JwksSettings Jwks { get; }

    /// <summary>Whether this app issues tokens (it holds the current key's secret or private key).</summary>
    public bool CanIssue => CurrentKid.Length > 0;

    internal JwtKey Current => _keys[CurrentKid];

    /// <summary>The key for <paramref name="kid"/>, or null (unknown or retired).</summary>
    public SecurityKey? Find(string? kid) => FindKey(kid)?.SecurityKey;

    /// <summary>The key (with its pinned algorithm) for <paramref name="kid"/>, or null.</summary>
    public JwtKey? FindKey(string? kid) => kid is not null && _keys.TryGetValue(kid, out JwtKey? key) ? key : null;

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
        TimeSpan lifetime = Span(section, path, "Lifetime", TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), problems);
        TimeSpan skew = Span(section, path, "ClockSkew", TimeSpan.FromSeconds(60), TimeSpan.Zero, TimeSpan.FromSeconds(60), problems);
        JwksSettings jwks = JwksSettings.Read(section, path, development, problems);
        var keys = new Dictionary<string, JwtKey>(StringComparer.Ordinal);
        foreach (IConfigurationSection key in section.GetSection("Keys").GetChildren())
        {
            if (JwtKeyReader.Read(key, development, contentRoot, problems) is { } read)
            {
                keys[key.Key] = read;
            }
        }

        string currentKid = section["CurrentKid"] ?? string.Empty;
        if (jwks.Url is not null)
        {
            if (keys.Count > 0 || currentKid.Length > 0)
            {
                problems.Add($"{path}:JwksUrl is set, so this app verifies tokens of another issuer with the keys it publishes; remove {path}:Keys and {path}:CurrentKid (an app that issues tokens holds its own keys and no JwksUrl).");
            }
        }
        else if (string.IsNullOrWhiteSpace(currentKid))
        {
            problems.Add($"{path}:CurrentKid is required (or {path}:JwksUrl, for an app that only verifies tokens of another issuer).");
        }
        else if (!keys.TryGetValue(currentKid, out JwtKey? current))
        {
            if (!problems.Any(p => p.StartsWith(path + ":Keys:" + currentKid + " ", StringComparison.Ordinal) || p.StartsWith(path + ":Keys:" + currentKid + ":", StringComparison.Ordinal)))
            {
                problems.Add($"{path}:CurrentKid names '{currentKid}', which is not under {path}:Keys.");
            }
        }
        else if (!current.CanSign)
        {
            problems.Add($"{path}:CurrentKid names '{currentKid}', which has only a public key and cannot sign; give {path}:Keys:{currentKid}:PrivateKey.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Bastion: the JWT key ring is invalid: " + string.Join(" ", problems));
        }

        return new JwtKeyRing(issuer, audience, currentKid, lifetime, skew, keys, jwks);
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

    internal static TimeSpan Span(IConfiguration section, string path, string name, TimeSpan fallback, TimeSpan min, TimeSpan max, List<string> problems)
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
