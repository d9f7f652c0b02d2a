using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Bastion.Options;
using Microsoft.Extensions.Configuration;

namespace Bastion.Jwt;

/// <summary>
/// Reads one <c>Bastion:Jwt:Keys:{kid}</c> entry. A plain value is an HS256 secret (as before); a section names its
/// <c>Algorithm</c> (<c>ES256</c>, <c>RS256</c> or <c>HS256</c>) and holds a <c>PrivateKey</c> (PEM: this app signs)
/// or only a <c>PublicKey</c> (PEM: this app checks tokens signed elsewhere), or for HS256 a <c>Secret</c>. Every value
/// may be <c>file:/path</c>. Problems name the key, never a value.
/// </summary>
internal static class JwtKeyReader
{
    public static JwtKey? Read(IConfigurationSection key, bool development, string contentRoot, List<string> problems)
    {
        if (key.Value is not null)
        {
            return Secret(key.Key, key.Path, key.Value, development, contentRoot, problems);
        }

        string? algorithm = key["Algorithm"];
        switch (algorithm)
        {
            case JwtKey.HS256:
                return Secret(key.Key, key.Path + ":Secret", key["Secret"], development, contentRoot, problems);
            case JwtKey.ES256:
            case JwtKey.RS256:
                return Asymmetric(key, algorithm, contentRoot, problems);
            case null:
                problems.Add($"{key.Path}:Algorithm is required for a key given as a section (ES256, RS256 or HS256).");
                return null;
            default:
                problems.Add($"{key.Path}:Algorithm must be ES256, RS256 or HS256.");
                return null;
        }
    }

    private static JwtKey? Secret(string kid, string path, string? secret, bool development, string contentRoot, List<string> problems)
    {
        secret = Resolve(path, secret, contentRoot, problems, out bool missingFile);
        if (missingFile)
        {
            return null;
        }

        var errors = new Validation.ValidationCollector();
        SecretChecks.Check(secret, path, 0, JwtKeyRing.MinKeyBytes, development, ref errors);
        if (errors.HasErrors)
        {
            problems.AddRange(errors.ToDictionary().SelectMany(e => e.Value.Select(m => e.Key + " " + m)));
            return null;
        }

        return JwtKey.Symmetric(kid, Encoding.UTF8.GetBytes(secret!));
    }

    private static JwtKey? Asymmetric(IConfigurationSection key, string algorithm, string contentRoot, List<string> problems)
    {
        string? privatePem = Resolve(key.Path + ":PrivateKey", key["PrivateKey"], contentRoot, problems, out bool missingPrivate);
        string? publicPem = Resolve(key.Path + ":PublicKey", key["PublicKey"], contentRoot, problems, out bool missingPublic);
        if (missingPrivate || missingPublic)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(privatePem) && string.IsNullOrWhiteSpace(publicPem))
        {
            problems.Add($"{key.Path} needs a PrivateKey (to sign) or a PublicKey (to check tokens only), in PEM.");
            return null;
        }

        bool signs = !string.IsNullOrWhiteSpace(privatePem);
        string name = key.Path + (signs ? ":PrivateKey" : ":PublicKey");
        string pem = signs ? privatePem! : publicPem!;
        try
        {
            if (algorithm == JwtKey.ES256)
            {
                var ecdsa = ECDsa.Create();
                ecdsa.ImportFromPem(pem);
                ECParameters parameters = ecdsa.ExportParameters(includePrivateParameters: false);
                if (parameters.Curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
                {
                    ecdsa.Dispose();
                    problems.Add($"{name} must be an EC key on the P-256 curve for ES256.");
                    return null;
                }

                if (signs && !HasPrivatePart(() => ecdsa.ExportParameters(includePrivateParameters: true)))
                {
                    ecdsa.Dispose();
                    problems.Add($"{name} holds a public key; put it under {key.Path}:PublicKey, or give the private key.");
                    return null;
                }

                return JwtKey.EllipticCurve(key.Key, ecdsa, signs);
            }

            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            if (rsa.KeySize < JwtKey.MinRsaBits)
            {
                rsa.Dispose();
                problems.Add($"{name} must be an RSA key of at least {JwtKey.MinRsaBits} bits for RS256.");
                return null;
            }

            if (signs && !HasPrivatePart(() => rsa.ExportParameters(includePrivateParameters: true)))
            {
                rsa.Dispose();
                problems.Add($"{name} holds a public key; put it under {key.Path}:PublicKey, or give the private key.");
                return null;
            }

            return JwtKey.Rsa(key.Key, rsa, signs);
        }
        catch (Exception error) when (error is ArgumentException or CryptographicException)
        {
            // The exception text can quote the input; only the key's name is reported.
            problems.Add($"{name} is not a PEM {(algorithm == JwtKey.ES256 ? "EC" : "RSA")} key ({error.GetType().Name}).");
            return null;
        }
    }

    private static bool HasPrivatePart(Action export)
    {
        try
        {
            export();
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static string? Resolve(string path, string? value, string contentRoot, List<string> problems, out bool missingFile)
    {
        missingFile = false;
        if (value is null || !value.StartsWith("file:", StringComparison.Ordinal))
        {
            return value;
        }

        string file = Path.GetFullPath(value[5..], contentRoot);
        if (!File.Exists(file))
        {
            problems.Add($"{path} names the key file '{file}', which does not exist.");
            missingFile = true;
            return null;
        }

        try
        {
            return File.ReadAllText(file).Trim();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Removed or broken between the check and the read (a rotation in progress): a problem like any other, so
            // a reload keeps the last valid ring instead of throwing on the watcher's thread.
            problems.Add($"{path} names the key file '{file}', which could not be read ({error.GetType().Name}).");
            missingFile = true;
            return null;
        }
    }
}
