using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bastion.Jwt;

/// <summary>
/// The issuer's JWKS document at <see cref="Path"/>: the public part of every ES256/RS256 key in the ring (the current
/// key and those still accepted; never an HS256 secret), with <c>Cache-Control: public, max-age</c> from
/// <c>Bastion:Jwt:Jwks:MaxAge</c>. Verifiers cache it that long, which is why a new key must be published for at least
/// MaxAge before it signs (docs/jwt.md, two-step rotation).
/// </summary>
public static class JwksEndpoint
{
    /// <summary>Where the document is served.</summary>
    public const string Path = "/.well-known/jwks.json";

    /// <summary>Maps <see cref="Path"/> (anonymous: it holds public keys only).</summary>
    public static IEndpointConventionBuilder MapBastionJwks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // A RequestDelegate, not a lambda with parameters: no request-delegate generation, nothing reflected.
        return endpoints.MapGet(Path, static async context =>
        {
            JwtKeyRing ring = context.RequestServices.GetRequiredService<JwtTokens>().Ring;
            byte[] document = Document(ring);
            context.Response.Headers.CacheControl = "public, max-age=" + ((long)ring.Jwks.MaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            context.Response.ContentType = "application/jwk-set+json";
            context.Response.ContentLength = document.Length;
            await context.Response.Body.WriteAsync(document, context.RequestAborted).ConfigureAwait(false);
        }).AllowAnonymous();
    }

    /// <summary>The JWKS document of <paramref name="ring"/> as UTF-8 JSON.</summary>
    public static byte[] Document(JwtKeyRing ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("keys");
            foreach (JwtKey key in ring.Keys)
            {
                if (key.IsPublic)
                {
                    key.WriteJwk(json);
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
