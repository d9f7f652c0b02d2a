using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Bastion.Samples.Api.Partners;

/// <summary>
/// Zero configuration for a first run: when <c>Bastion:Jwt</c> names no key, the sample signs with an ES256 key made at
/// start-up and kept in memory only (tokens end with the process; several instances would not trust each other's). A
/// deployment configures the ring, for example with the <c>jwt add-key</c>/<c>use-key</c> commands and a shared secrets
/// directory (docs/scale-out.md).
/// </summary>
public static class SampleJwt
{
    public static void UseEphemeralKeyWhenUnconfigured(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IConfigurationSection jwt = builder.Configuration.GetSection("Bastion:Jwt");
        if (jwt["CurrentKid"] is not null || jwt["JwksUrl"] is not null)
        {
            return;
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string kid = "ephemeral-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bastion:Jwt:Issuer"] = jwt["Issuer"] ?? "bastion-sample",
            ["Bastion:Jwt:Audience"] = jwt["Audience"] ?? "bastion-sample-partners",
            ["Bastion:Jwt:CurrentKid"] = kid,
            [$"Bastion:Jwt:Keys:{kid}:Algorithm"] = "ES256",
            [$"Bastion:Jwt:Keys:{kid}:PrivateKey"] = key.ExportPkcs8PrivateKeyPem(),
        });
    }
}
