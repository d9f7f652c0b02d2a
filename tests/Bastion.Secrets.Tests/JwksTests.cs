#pragma warning disable BAS1601, BAS1703 // Tests send forged tokens and read issued headers on purpose; they trust nothing in them.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Bastion.Jwt;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Bastion.Secrets.Tests;

/// <summary>
/// Asymmetric keys end to end: an issuer signing with ES256 (RS256 beside it) publishes its public keys at
/// /.well-known/jwks.json; a verifier reads them by URL, caches them, refetches on an unknown kid at most once per
/// interval, and refuses every token (503) once the document has been unreachable for longer than MaxStale. The
/// two-step rotation keeps every token valid on a verifier that caches; crit headers and alg/key mismatches are refused.
/// </summary>
public sealed class JwksTests : IAsyncLifetime
{
    private const string Issuer = "https://issuer.example.com";
    private const string Audience = "bastion-jwks-tests";
    private readonly string _secrets = Directory.CreateTempSubdirectory("bastion-jwks-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturedLogs _logs = new();
    private readonly ECDsa _k1 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly RSA _r1 = RSA.Create(2048);
    private WebApplication _issuer = null!;
    private WebApplication? _verifier;
    private string _issuerAddress = null!;

    private JwtTokens IssuerTokens => _issuer.Services.GetRequiredService<JwtTokens>();

    private JwtTokens VerifierTokens => _verifier!.Services.GetRequiredService<JwtTokens>();

    public async ValueTask InitializeAsync()
    {
        WriteSecret("Bastion__Jwt__Keys__k1__Algorithm", "ES256");
        WriteSecret("Bastion__Jwt__Keys__k1__PrivateKey", _k1.ExportPkcs8PrivateKeyPem());
        WriteSecret("Bastion__Jwt__Keys__r1__Algorithm", "RS256");
        WriteSecret("Bastion__Jwt__Keys__r1__PrivateKey", _r1.ExportPkcs8PrivateKeyPem());
        WriteSecret("Bastion__Jwt__Keys__h1", Canary.JwtKey1);
        WriteSecret("Bastion__Jwt__CurrentKid", "k1");
        Dictionary<string, string?> config = TestSupport.ValidConfiguration();
        config["Bastion:Jwt:Issuer"] = Issuer;
        config["Bastion:Jwt:Audience"] = Audience;
        config["Bastion:Jwt:Jwks:MaxAge"] = "00:05:00";
        config["Bastion:Secrets:Directory"] = _secrets;
        WebApplicationBuilder builder = TestSupport.Builder("Production", config, _logs).AddBastion();
        builder.AddBastionJwt(_time);
        _issuer = builder.Build();
        _issuer.MapBastionJwks();
        await _issuer.StartAsync(TestContext.Current.CancellationToken);
        _issuerAddress = TestSupport.AddressOf(_issuer).GetLeftPart(UriPartial.Authority);
    }

    private async Task<HttpClient> StartVerifierAsync()
    {
        Dictionary<string, string?> config = TestSupport.ValidConfiguration();
        config["Bastion:Jwt:Issuer"] = Issuer;
        config["Bastion:Jwt:Audience"] = Audience;
        config["Bastion:Jwt:JwksUrl"] = _issuerAddress + JwksEndpoint.Path;
        config["Bastion:Jwt:Jwks:MaxAge"] = "00:05:00";
        config["Bastion:Jwt:Jwks:MinRefreshInterval"] = "00:00:30";
        config["Bastion:Jwt:Jwks:MaxStale"] = "01:00:00";
        WebApplicationBuilder builder = TestSupport.Builder("Production", config, _logs).AddBastion();
        builder.AddBastionJwt(_time);
        _verifier = builder.Build();
        _verifier.UseAuthentication();
        _verifier.UseAuthorization();
        _verifier.MapGet("/me", (ClaimsPrincipal user) => user.FindFirst("sub")?.Value ?? "?").RequireAuthorization();
        await _verifier.StartAsync(TestContext.Current.CancellationToken);
        return new HttpClient { BaseAddress = TestSupport.AddressOf(_verifier) };
    }

    public async ValueTask DisposeAsync()
    {
        if (_verifier is not null)
        {
            await _verifier.StopAsync();
            await _verifier.DisposeAsync();
        }

        await _issuer.StopAsync();
        await _issuer.DisposeAsync();
        _k1.Dispose();
        _r1.Dispose();
        Directory.Delete(_secrets, recursive: true);
    }

    private void WriteSecret(string name, string value) => File.WriteAllText(Path.Combine(_secrets, name), value);

    private static async Task<HttpStatusCode> CallAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using HttpResponseMessage response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Canary.Record(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return response.StatusCode;
    }

    private string Sign(SecurityKey key, string algorithm, string kid, IDictionary<string, object>? header = null)
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("sub", "mallory")]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, algorithm) { Key = { KeyId = kid } },
            AdditionalHeaderClaims = header,
        });
    }

    [Fact]
    public async Task ES256_and_RS256_tokens_validate_and_each_key_accepts_only_its_own_algorithm()
    {
        string es = IssuerTokens.Issue([new Claim("sub", "alice")]);
        Assert.Equal(("ES256", "k1"), (new JsonWebToken(es).Alg, new JsonWebToken(es).Kid));
        Assert.True((await IssuerTokens.ValidateAsync(es, TestContext.Current.CancellationToken)).IsValid);
        Assert.True((await IssuerTokens.ValidateAsync(Sign(new RsaSecurityKey(_r1), SecurityAlgorithms.RsaSha256, "r1"), TestContext.Current.CancellationToken)).IsValid);

        // The RSA key signing as another algorithm, and the classic confusion: the public key's PEM used as an HMAC secret.
        TokenValidationResult ps256 = await IssuerTokens.ValidateAsync(Sign(new RsaSecurityKey(_r1), SecurityAlgorithms.RsaSsaPssSha256, "r1"), TestContext.Current.CancellationToken);
        Assert.IsType<SecurityTokenInvalidAlgorithmException>(ps256.Exception);
        byte[] publicPem = Encoding.UTF8.GetBytes(_k1.ExportSubjectPublicKeyInfoPem());
        TokenValidationResult confused = await IssuerTokens.ValidateAsync(Sign(new SymmetricSecurityKey(publicPem), SecurityAlgorithms.HmacSha256, "k1"), TestContext.Current.CancellationToken);
        Assert.IsType<SecurityTokenInvalidAlgorithmException>(confused.Exception);
        Assert.False(confused.IsValid);
    }

    [Fact]
    public async Task A_token_whose_header_lists_a_crit_extension_is_refused_though_its_signature_is_good()
    {
        string token = Sign(new ECDsaSecurityKey(_k1), SecurityAlgorithms.EcdsaSha256, "k1", new Dictionary<string, object> { ["crit"] = new[] { "exp-ext" }, ["exp-ext"] = 1 });
        TokenValidationResult result = await IssuerTokens.ValidateAsync(token, TestContext.Current.CancellationToken);
        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenCriticalHeaderException>(result.Exception);
        Assert.True((await IssuerTokens.ValidateAsync(Sign(new ECDsaSecurityKey(_k1), SecurityAlgorithms.EcdsaSha256, "k1"), TestContext.Current.CancellationToken)).IsValid);
    }

    [Fact]
    public async Task The_issuer_publishes_public_keys_only_with_cache_headers()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_issuerAddress) };
        using HttpResponseMessage response = await client.GetAsync(JwksEndpoint.Path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/jwk-set+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Canary.Record(body);
        JsonElement[] keys = JsonDocument.Parse(body).RootElement.GetProperty("keys").EnumerateArray().ToArray();
        Assert.Equal(new[] { "k1", "r1" }, keys.Select(k => k.GetProperty("kid").GetString()!).Order().ToArray());
        Assert.All(keys, k => Assert.False(k.TryGetProperty("d", out _) || k.TryGetProperty("p", out _) || k.TryGetProperty("k", out _), "no private or secret part"));
        Assert.Equal("ES256", keys.Single(k => k.GetProperty("kid").GetString() == "k1").GetProperty("alg").GetString());
    }

    [Fact]
    public async Task A_verifier_refetches_on_an_unknown_kid_at_most_once_per_interval_and_fails_closed_after_MaxStale()
    {
        using HttpClient verifier = await StartVerifierAsync();
        string alice = IssuerTokens.Issue([new Claim("sub", "alice")], TimeSpan.FromHours(3));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(verifier, alice));
        JwksKeySource jwks = VerifierTokens.Jwks!;
        Assert.Equal(1, jwks.FetchCount);

        // A key the verifier has not seen: published now (step 1 of a rotation) and used at once, too early.
        using var k2 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        WriteSecret("Bastion__Jwt__Keys__k2__PrivateKey", k2.ExportPkcs8PrivateKeyPem());
        WriteSecret("Bastion__Jwt__Keys__k2__Algorithm", "ES256");
        await TestSupport.WaitForAsync(() => IssuerTokens.Ring.KeyIds.Contains("k2"), "the issuer did not pick up k2");
        string early = Sign(new ECDsaSecurityKey(k2), SecurityAlgorithms.EcdsaSha256, "k2");
        _time.Advance(TimeSpan.FromSeconds(5));
        for (int i = 0; i < 50; i++)
        {
            // A flood of unknown kids: at most one fetch per MinRefreshInterval, whatever arrives.
            Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(verifier, Sign(new ECDsaSecurityKey(k2), SecurityAlgorithms.EcdsaSha256, "made-up-" + i)));
        }

        Assert.Equal(1, jwks.FetchCount);
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(verifier, early));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(verifier, early));
        Assert.Equal(2, jwks.FetchCount);

        // The issuer goes away: cached keys serve until MaxStale after the last good fetch, then every token is refused
        // with 503 (the keys are unavailable; the token is not known to be bad).
        await _issuer.StopAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMinutes(30));
        await jwks.RefreshAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, await CallAsync(verifier, alice));
        _time.Advance(TimeSpan.FromMinutes(31));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", alice);
        using HttpResponseMessage refused = await verifier.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(_logs.Contains("could not be read"), "the failed fetch is logged");
    }

    [Fact]
    public async Task Two_step_rotation_keeps_every_token_valid_on_a_caching_verifier()
    {
        using HttpClient verifier = await StartVerifierAsync();
        string before = IssuerTokens.Issue([new Claim("sub", "alice")], TimeSpan.FromHours(3));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(verifier, before));
        JwksKeySource jwks = VerifierTokens.Jwks!;

        // Step 1: publish k2; k1 still signs. After MaxAge every verifier has refetched the document and knows k2.
        using var k2 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        WriteSecret("Bastion__Jwt__Keys__k2__PrivateKey", k2.ExportPkcs8PrivateKeyPem());
        WriteSecret("Bastion__Jwt__Keys__k2__Algorithm", "ES256");
        await TestSupport.WaitForAsync(() => IssuerTokens.Ring.KeyIds.Contains("k2"), "the issuer did not pick up k2");
        _time.Advance(TimeSpan.FromMinutes(5));
        await jwks.RefreshAsync(TestContext.Current.CancellationToken);
        Assert.Contains("k2", jwks.KeyIds);
        int fetches = jwks.FetchCount;

        // Step 2: sign with k2. The verifier already holds it: no refused token, no extra fetch; k1 tokens still pass.
        WriteSecret("Bastion__Jwt__CurrentKid", "k2");
        await TestSupport.WaitForAsync(() => IssuerTokens.Ring.CurrentKid == "k2", "the issuer did not switch to k2");
        string after = IssuerTokens.Issue([new Claim("sub", "bob")]);
        Assert.Equal("k2", new JsonWebToken(after).Kid);
        Assert.Equal(HttpStatusCode.OK, await CallAsync(verifier, after));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(verifier, before));
        Assert.Equal(fetches, jwks.FetchCount);
        Assert.False(_logs.Contains("JwtCurrentKidSwitchedBeforePublishing") || _logs.Contains("a key added in the same change"));

        // Step 3, once k1's tokens have expired: remove k1; after the verifier's next fetch k1 tokens are refused.
        File.Delete(Path.Combine(_secrets, "Bastion__Jwt__Keys__k1__Algorithm"));
        File.Delete(Path.Combine(_secrets, "Bastion__Jwt__Keys__k1__PrivateKey"));
        await TestSupport.WaitForAsync(() => !IssuerTokens.Ring.KeyIds.Contains("k1"), "the issuer did not drop k1");
        _time.Advance(TimeSpan.FromMinutes(5));
        await jwks.RefreshAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("k1", jwks.KeyIds);
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(verifier, before));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(verifier, after));
    }

    [Fact]
    public void Switching_to_a_key_added_in_the_same_change_is_warned_about()
    {
        using var k3 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        IConfigurationRoot root = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bastion:Jwt:Issuer"] = Issuer,
            ["Bastion:Jwt:Audience"] = Audience,
            ["Bastion:Jwt:CurrentKid"] = "k1",
            ["Bastion:Jwt:Keys:k1:Algorithm"] = "ES256",
            ["Bastion:Jwt:Keys:k1:PrivateKey"] = _k1.ExportPkcs8PrivateKeyPem(),
        }).Build();
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        using var tokens = new JwtTokens(root.GetSection("Bastion:Jwt"), development: false, AppContext.BaseDirectory, factory.CreateLogger<JwtTokens>(), _time);

        root["Bastion:Jwt:Keys:k3:Algorithm"] = "ES256";
        root["Bastion:Jwt:Keys:k3:PrivateKey"] = k3.ExportPkcs8PrivateKeyPem();
        root["Bastion:Jwt:CurrentKid"] = "k3";
        root.Reload();
        Assert.Equal("k3", tokens.Ring.CurrentKid);
        Assert.True(logs.Contains("a key added in the same change"), string.Join("\n", logs.Lines));

        // The same switch made in two steps (key first, then CurrentKid) is not warned about.
        var quiet = new CapturedLogs();
        using var quietFactory = LoggerFactory.Create(b => b.AddProvider(quiet));
        root["Bastion:Jwt:CurrentKid"] = "k1";
        using var stepwise = new JwtTokens(root.GetSection("Bastion:Jwt"), development: false, AppContext.BaseDirectory, quietFactory.CreateLogger<JwtTokens>(), _time);
        root["Bastion:Jwt:CurrentKid"] = "k3";
        root.Reload();
        Assert.Equal("k3", stepwise.Ring.CurrentKid);
        Assert.False(quiet.Contains("a key added in the same change"));
    }
}
