using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Bastion.Jwt;

/// <summary>
/// One key of a ring or of a JWKS document, with its algorithm pinned: a token is checked with this key only when its
/// header names exactly <see cref="Algorithm"/>, so an RS256 public key can never be used as an HS256 secret.
/// </summary>
public sealed class JwtKey
{
    /// <summary>HMAC with SHA-256 over a shared secret: every holder can also issue tokens.</summary>
    public const string HS256 = "HS256";

    /// <summary>ECDSA on P-256 with SHA-256: verifiers hold only the public key.</summary>
    public const string ES256 = "ES256";

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256 (keys of at least 2048 bits): verifiers hold only the public key.</summary>
    public const string RS256 = "RS256";

    /// <summary>The smallest RSA modulus accepted, in bits.</summary>
    public const int MinRsaBits = 2048;

    private readonly RSA? _rsa;
    private readonly ECDsa? _ecdsa;

    private JwtKey(string kid, string algorithm, SecurityKey key, bool canSign, RSA? rsa, ECDsa? ecdsa)
    {
        Kid = kid;
        Algorithm = algorithm;
        SecurityKey = key;
        CanSign = canSign;
        _rsa = rsa;
        _ecdsa = ecdsa;
    }

    /// <summary>The key id (the token header's <c>kid</c>).</summary>
    public string Kid { get; }

    /// <summary><see cref="HS256"/>, <see cref="ES256"/> or <see cref="RS256"/>: the only algorithm this key checks.</summary>
    public string Algorithm { get; }

    /// <summary>Whether tokens can be signed with it (a secret, or a private key).</summary>
    public bool CanSign { get; }

    /// <summary>Whether the key is published in the JWKS document (asymmetric keys only; a secret never is).</summary>
    public bool IsPublic => _rsa is not null || _ecdsa is not null;

    internal SecurityKey SecurityKey { get; }

    internal static JwtKey Symmetric(string kid, byte[] secret)
        => new(kid, HS256, new SymmetricSecurityKey(secret) { KeyId = kid }, canSign: true, null, null);

    internal static JwtKey Rsa(string kid, RSA rsa, bool canSign)
        => new(kid, RS256, new RsaSecurityKey(rsa) { KeyId = kid }, canSign, rsa, null);

    internal static JwtKey EllipticCurve(string kid, ECDsa ecdsa, bool canSign)
        => new(kid, ES256, new ECDsaSecurityKey(ecdsa) { KeyId = kid }, canSign, null, ecdsa);

    /// <summary>Writes the public part as a JWK (RFC 7517): never a private parameter, never a secret.</summary>
    public void WriteJwk(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!IsPublic)
        {
            throw new InvalidOperationException("An " + Algorithm + " key is a shared secret and is never published.");
        }

        json.WriteStartObject();
        json.WriteString("kid", Kid);
        json.WriteString("use", "sig");
        json.WriteString("alg", Algorithm);
        if (_rsa is not null)
        {
            RSAParameters parameters = _rsa.ExportParameters(includePrivateParameters: false);
            json.WriteString("kty", "RSA");
            json.WriteString("n", Base64Url.EncodeToString(parameters.Modulus));
            json.WriteString("e", Base64Url.EncodeToString(parameters.Exponent));
        }
        else
        {
            ECParameters parameters = _ecdsa!.ExportParameters(includePrivateParameters: false);
            json.WriteString("kty", "EC");
            json.WriteString("crv", "P-256");
            json.WriteString("x", Base64Url.EncodeToString(parameters.Q.X));
            json.WriteString("y", Base64Url.EncodeToString(parameters.Q.Y));
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// Reads one JWK from a JWKS document; null (with the reason) for anything but a P-256 ES256 or a 2048+ bit RS256
    /// signing key with a kid. A key without <c>alg</c> is refused: Bastion never guesses a key's algorithm.
    /// </summary>
    internal static JwtKey? FromJwk(JsonElement jwk, out string? refused)
    {
        refused = null;
        string? kid = Text(jwk, "kid");
        string? kty = Text(jwk, "kty");
        string? alg = Text(jwk, "alg");
        string? use = Text(jwk, "use");
        if (string.IsNullOrEmpty(kid) || kid.Length > 128)
        {
            refused = "a key without a kid (or one longer than 128 characters)";
            return null;
        }

        if (use is not null && use != "sig")
        {
            refused = $"key '{kid}' is not a signing key (use '{use}')";
            return null;
        }

        try
        {
            if (kty == "EC" && alg == ES256 && Text(jwk, "crv") == "P-256")
            {
                byte[] x = Base64Url.DecodeFromChars(Text(jwk, "x"));
                byte[] y = Base64Url.DecodeFromChars(Text(jwk, "y"));
                if (x.Length != 32 || y.Length != 32)
                {
                    refused = $"key '{kid}' has coordinates of the wrong size for P-256";
                    return null;
                }

                var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } });
                return EllipticCurve(kid, ecdsa, canSign: false);
            }

            if (kty == "RSA" && alg == RS256)
            {
                var rsa = RSA.Create(new RSAParameters { Modulus = Base64Url.DecodeFromChars(Text(jwk, "n")), Exponent = Base64Url.DecodeFromChars(Text(jwk, "e")) });
                if (rsa.KeySize < MinRsaBits)
                {
                    rsa.Dispose();
                    refused = $"key '{kid}' is an RSA key shorter than {MinRsaBits} bits";
                    return null;
                }

                return Rsa(kid, rsa, canSign: false);
            }
        }
        catch (Exception error) when (error is CryptographicException or FormatException or ArgumentException)
        {
            refused = $"key '{kid}' could not be read ({error.GetType().Name})";
            return null;
        }

        refused = $"key '{kid}' is not an ES256 (EC P-256) or RS256 (RSA) key with a matching alg (kty '{kty}', alg '{alg}')";
        return null;
    }

    private static string? Text(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
