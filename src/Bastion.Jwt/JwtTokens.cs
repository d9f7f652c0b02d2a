using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bastion.Jwt;

/// <summary>
/// Issues and validates tokens with the app's <see cref="JwtKeyRing"/> (HS256, ES256 or RS256 per key), or, on an app
/// that only verifies, with the keys another issuer publishes (<see cref="JwksKeySource"/>). The key id travels in the
/// header; validation refuses a header with <c>crit</c> (Bastion understands no extension, RFC 7515 4.1.11), finds the
/// key only by that header kid (never from <c>jku</c>/<c>jwk</c>/<c>x5u</c>, never by trying every key), requires the
/// header's <c>alg</c> to be exactly the key's algorithm, and checks issuer, audience, lifetime and the signature. The
/// ring follows configuration reloads; an invalid reload keeps the previous ring and logs why.
/// </summary>
public sealed class JwtTokens : IDisposable
{
    private static readonly Action<ILogger, string, Exception?> InvalidReload = LoggerMessage.Define<string>(
        LogLevel.Warning, new EventId(20, "InvalidJwtKeyRingReload"), "Bastion: Bastion:Jwt changed but is invalid, so the previous key ring stays in use: {Problem}");

    private static readonly Action<ILogger, string, Exception?> UnpublishedCurrentKey = LoggerMessage.Define<string>(
        LogLevel.Warning, new EventId(23, "JwtCurrentKidSwitchedBeforePublishing"),
        "Bastion: Bastion:Jwt:CurrentKid now names '{Kid}', a key added in the same change. Verifiers that cached the key set before it (up to Bastion:Jwt:Jwks:MaxAge) refuse tokens signed with it until they refetch: add a key first, wait at least MaxAge, then switch CurrentKid (docs/jwt.md, two-step rotation)");

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false, SetDefaultTimesOnTokenCreation = true };
    private readonly TimeProvider _time;
    private readonly IDisposable? _reloads;
    private readonly ILogger _logger;
    private JwtKeyRing _ring;
    private JwksKeySource? _jwks;

    /// <summary>Reads the ring from <paramref name="section"/> and follows its reloads.</summary>
    public JwtTokens(IConfigurationSection section, bool development, string contentRoot, ILogger<JwtTokens> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(logger);
        _time = time ?? TimeProvider.System;
        _logger = logger;
        _ring = JwtKeyRing.FromConfiguration(section, development, contentRoot);
        _jwks = _ring.Jwks.Url is null ? null : new JwksKeySource(_ring.Jwks, logger, _time);
        _reloads = ChangeToken.OnChange(section.GetReloadToken, () =>
        {
            try
            {
                Apply(JwtKeyRing.FromConfiguration(section, development, contentRoot));
            }
            catch (InvalidOperationException error)
            {
                InvalidReload(logger, error.Message, null);
            }
            catch (Exception error)
            {
                // Nothing may escape to the thread that raised the change (a watcher loses it, a caller of Reload() is
                // unrelated); the type only, as a message might quote what could not be read.
                InvalidReload(logger, "it could not be read (" + error.GetType().Name + ")", null);
            }
        });
    }

    /// <summary>The ring in use now.</summary>
    public JwtKeyRing Ring => Volatile.Read(ref _ring);

    /// <summary>The issuer's published keys, when this app verifies with <c>Bastion:Jwt:JwksUrl</c>; otherwise null.</summary>
    public JwksKeySource? Jwks => Volatile.Read(ref _jwks);

    /// <summary>A token for <paramref name="claims"/>, signed with the current key, <c>kid</c> in the header.</summary>
    public string Issue(IEnumerable<Claim> claims, TimeSpan? lifetime = null)
    {
        JwtKeyRing ring = Ring;
        if (!ring.CanIssue)
        {
            throw new InvalidOperationException("Bastion: this app verifies tokens with the keys at Bastion:Jwt:JwksUrl and holds no signing key, so it cannot issue tokens.");
        }

        DateTime now = _time.GetUtcNow().UtcDateTime;
        JwtKey current = ring.Current;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ring.Issuer,
            Audience = ring.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? ring.Lifetime),
            SigningCredentials = new SigningCredentials(current.SecurityKey, current.Algorithm),
        });
    }

    /// <summary>
    /// Validates <paramref name="token"/>; the result's <see cref="TokenValidationResult.IsValid"/> decides, always. When
    /// the issuer's keys cannot be had, the result carries a <see cref="JwtKeysUnavailableException"/>.
    /// </summary>
    public async Task<TokenValidationResult> ValidateAsync(string token, CancellationToken ct = default)
    {
        JwtKeyRing ring = Ring;
        JsonWebToken parsed;
        try
        {
            parsed = new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return Refused(new SecurityTokenMalformedException("The token is not a compact JWS."));
        }

        if (parsed.TryGetHeaderValue("crit", out object _))
        {
            return Refused(new SecurityTokenCriticalHeaderException());
        }

        JwtKey? key;
        if (Jwks is { } jwks)
        {
            JwksLookup lookup = await jwks.FindAsync(parsed.Kid, ct).ConfigureAwait(false);
            if (lookup.IsUnavailable)
            {
                return Refused(new JwtKeysUnavailableException());
            }

            key = lookup.Key;
        }
        else
        {
            key = ring.FindKey(parsed.Kid);
        }

        if (key is null)
        {
            return Refused(new SecurityTokenSignatureKeyNotFoundException("No key with the token's kid."));
        }

        if (!string.Equals(parsed.Alg, key.Algorithm, StringComparison.Ordinal))
        {
            return Refused(new SecurityTokenInvalidAlgorithmException("The token's alg is not its key's algorithm."));
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = ring.Issuer,
            ValidAudience = ring.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidAlgorithms = [key.Algorithm],
            ValidateIssuerSigningKey = true,
            TryAllIssuerSigningKeys = false,
            ClockSkew = ring.ClockSkew,
            IssuerSigningKeyResolver = (_, _, _, _) => [key.SecurityKey],
            LifetimeValidator = (notBefore, expires, _, validation) => Lifetime(notBefore, expires, validation.ClockSkew),
        };
        return await _handler.ValidateTokenAsync(parsed, parameters).ConfigureAwait(false);
    }

    /// <summary>Stops following configuration.</summary>
    public void Dispose()
    {
        _reloads?.Dispose();
        Jwks?.Dispose();
    }

    private void Apply(JwtKeyRing next)
    {
        JwtKeyRing previous = Ring;
        if (next.CanIssue && next.CurrentKid != previous.CurrentKid && !previous.KeyIds.Contains(next.CurrentKid))
        {
            UnpublishedCurrentKey(_logger, next.CurrentKid, null);
        }

        if (next.Jwks.Url != previous.Jwks.Url || next.Jwks.MaxAge != previous.Jwks.MaxAge || next.Jwks.MinRefreshInterval != previous.Jwks.MinRefreshInterval || next.Jwks.MaxStale != previous.Jwks.MaxStale)
        {
            // Requests in flight may still hold the previous source; it is left to the collector, not disposed under them.
            Volatile.Write(ref _jwks, next.Jwks.Url is null ? null : new JwksKeySource(next.Jwks, _logger, _time));
        }

        Volatile.Write(ref _ring, next);
    }

    private static TokenValidationResult Refused(Exception reason) => new() { IsValid = false, Exception = reason };

    private bool Lifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.ToUniversalTime() + skew && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - skew);
    }
}

/// <summary>A token whose header lists <c>crit</c> extensions: Bastion understands none, so it is refused (RFC 7515 4.1.11).</summary>
public sealed class SecurityTokenCriticalHeaderException() : SecurityTokenException("The token's header lists critical extensions (crit) that are not understood.");

/// <summary>The issuer's keys cannot be had (no JWKS document within Bastion:Jwt:Jwks:MaxStale): tokens are refused with 503.</summary>
public sealed class JwtKeysUnavailableException() : SecurityTokenException("The keys that verify tokens are unavailable.");
