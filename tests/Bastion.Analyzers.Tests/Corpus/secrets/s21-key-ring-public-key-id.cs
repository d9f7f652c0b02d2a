// family: secrets
// verdict: safe
// why: The endpoint returns the current key id and lifetime from Bastion's key ring, which are public metadata, not key material.
using Bastion.Jwt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Secrets.S21;

public static class KeyInfoEndpoints
{
    public static void MapKeyInfo(this WebApplication app)
    {
        app.MapGet("/auth/key-info", (JwtTokens tokens) =>
        {
            JwtKeyRing ring = tokens.Ring;
            return Results.Ok(new { ring.CurrentKid, ring.Issuer, lifetimeMinutes = ring.Lifetime.TotalMinutes, keys = ring.KeyIds.Count });
        });
    }
}
