using System;
using System.Collections.Generic;
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
/// Issues and validates HS256 tokens with the app's <see cref="JwtKeyRing"/>. The key id travels in the header;
/// validation pins the algorithm, resolves the key only from the ring by that header kid (never from
/// <c>jku</c>/<c>jwk</c>/<c>x5u</c>, never by trying every key), and checks issuer, audience, lifetime and the
/// signature. The ring follows configuration reloads; an invalid reload keeps the previous ring and logs why.
/// </summary>
public sealed class JwtTokens : IDisposable
{
    private static readonly Action<ILogger, string, Exception?> InvalidReload = LoggerMessage.Define<string>(
        LogLevel.Warning, new EventId(20, "InvalidJwtKeyRingReload"), "Bastion: Bastion:Jwt changed but is invalid, so the previous key ring stays in use: {Problem}");

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false, SetDefaultTimesOnTokenCreation = true };
    private readonly TimeProvider _time;
    private readonly IDisposable? _reloads;
    private JwtKeyRing _ring;

    /// <summary>Reads the ring from <paramref name="section"/> and follows its reloads.</summary>
    public JwtTokens(IConfigurationSection section, bool development, string contentRoot, ILogger<JwtTokens> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(logger);
        _time = time ?? TimeProvider.System;
        _ring = JwtKeyRing.FromConfiguration(section, development, contentRoot);
        _reloads = ChangeToken.OnChange(section.GetReloadToken, () =>
        {
            try
            {
                Volatile.Write(ref _ring, JwtKeyRing.FromConfiguration(section, development, contentRoot));
            }
            catch (InvalidOperationException error)
            {
                InvalidReload(logger, error.Message, null);
            }
        });
    }

    /// <summary>The ring in use now.</summary>
    public JwtKeyRing Ring => Volatile.Read(ref _ring);

    /// <summary>A token for <paramref name="claims"/>, signed with the current key, <c>kid</c> in the header.</summary>
    public string Issue(IEnumerable<Claim> claims, TimeSpan? lifetime = null)
    {
        JwtKeyRing ring = Ring;
        DateTime now = _time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ring.Issuer,
            Audience = ring.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? ring.Lifetime),
            SigningCredentials = new SigningCredentials(ring.Current, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Validates <paramref name="token"/>; the result's <see cref="TokenValidationResult.IsValid"/> decides, always.</summary>
    public Task<TokenValidationResult> ValidateAsync(string token)
    {
        JwtKeyRing ring = Ring;
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = ring.Issuer,
            ValidAudience = ring.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuerSigningKey = true,
            TryAllIssuerSigningKeys = false,
            ClockSkew = ring.ClockSkew,
            IssuerSigningKeyResolver = (_, _, kid, _) => ring.Find(kid) is { } key ? [key] : [],
            LifetimeValidator = (notBefore, expires, _, validation) => Lifetime(notBefore, expires, validation.ClockSkew),
        };
        return _handler.ValidateTokenAsync(token, parameters);
    }

    /// <summary>Stops following configuration.</summary>
    public void Dispose() => _reloads?.Dispose();

    private bool Lifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.ToUniversalTime() + skew && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - skew);
    }
}
