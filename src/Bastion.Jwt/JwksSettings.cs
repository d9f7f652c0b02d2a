using System;
using System.Collections.Generic;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace Bastion.Jwt;

/// <summary>
/// <c>Bastion:Jwt:JwksUrl</c> and <c>Bastion:Jwt:Jwks:*</c>. On an issuer, <see cref="MaxAge"/> is the document's
/// <c>Cache-Control: max-age</c>, so it is also how long step 1 of a rotation must be left to reach every verifier. On a
/// verifier, keys are cached for the document's max-age (at most <see cref="MaxAge"/>), an unknown kid or a failed
/// fetch refetches at most once per <see cref="MinRefreshInterval"/>, and cached keys are used while the URL cannot be
/// reached for up to <see cref="MaxStale"/> after the last good fetch; after that every token is refused (503).
/// </summary>
public sealed class JwksSettings
{
    /// <summary>Where a verifier reads the issuer's keys; null on an issuer.</summary>
    public Uri? Url { get; private init; }

    /// <summary>The longest a JWKS document is cached (default 5 minutes).</summary>
    public TimeSpan MaxAge { get; private init; } = TimeSpan.FromMinutes(5);

    /// <summary>The shortest time between two fetches (default 30 seconds): bounds what a flood of unknown kids can cause.</summary>
    public TimeSpan MinRefreshInterval { get; private init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long cached keys outlive an unreachable URL (default 1 hour), then tokens are refused.</summary>
    public TimeSpan MaxStale { get; private init; } = TimeSpan.FromHours(1);

    internal static JwksSettings Read(IConfiguration section, string path, bool development, List<string> problems)
    {
        IConfigurationSection jwks = section.GetSection("Jwks");
        string jwksPath = path + ":Jwks";
        var settings = new JwksSettings
        {
            MaxAge = JwtKeyRing.Span(jwks, jwksPath, "MaxAge", TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), problems),
            MinRefreshInterval = JwtKeyRing.Span(jwks, jwksPath, "MinRefreshInterval", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), problems),
            MaxStale = JwtKeyRing.Span(jwks, jwksPath, "MaxStale", TimeSpan.FromHours(1), TimeSpan.Zero, TimeSpan.FromDays(7), problems),
            Url = Address(section["JwksUrl"], path + ":JwksUrl", development, problems),
        };
        return settings;
    }

    private static Uri? Address(string? text, string key, bool development, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(url.UserInfo))
        {
            problems.Add($"{key} must be an absolute https URL without credentials.");
            return null;
        }

        // Keys fetched in the clear could be replaced on the way: only a loopback address or Development may use http.
        bool loopback = url.IsLoopback || (IPAddress.TryParse(url.Host, out IPAddress? address) && IPAddress.IsLoopback(address));
        if (url.Scheme == Uri.UriSchemeHttp && !loopback && !development)
        {
            problems.Add($"{key} must use https (http is accepted only for a loopback address or in Development).");
            return null;
        }

        return url;
    }
}
