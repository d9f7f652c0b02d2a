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
using System.Threading.Tasks;
using Bastion.Jwt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Bastion.Secrets.Tests;

/// <summary>
/// The JWT matrix over HTTP: every forged, expired, misdirected or tampered token is a 401; a token signed with the
/// previous key works until that key file is removed.
/// </summary>
public sealed class JwtTests : IAsyncLifetime
{
    private const string Issuer = "https://auth.example.com";
    private const string Audience = "bastion-tests";
    private readonly string _secrets = Directory.CreateTempSubdirectory("bastion-jwt-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturedLogs _logs = new();
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    private JwtTokens Tokens => _app.Services.GetRequiredService<JwtTokens>();

    public async ValueTask InitializeAsync()
    {
        WriteSecret("Bastion__Jwt__Keys__k1", Canary.JwtKey1);
        WriteSecret("Bastion__Jwt__CurrentKid", "k1");
        Dictionary<string, string?> config = TestSupport.ValidConfiguration();
        config["Bastion:Jwt:Issuer"] = Issuer;
        config["Bastion:Jwt:Audience"] = Audience;
        config["Bastion:Jwt:ClockSkew"] = "00:00:30";
        config["Bastion:Secrets:Directory"] = _secrets;
        WebApplicationBuilder builder = TestSupport.Builder("Production", config, _logs).AddBastion();
        builder.AddBastionJwt(_time);
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapGet("/me", (ClaimsPrincipal user) => user.FindFirst("sub")?.Value ?? "?").RequireAuthorization();
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _client = new HttpClient { BaseAddress = TestSupport.AddressOf(_app) };
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_secrets, recursive: true);
    }

    private void WriteSecret(string name, string value) => File.WriteAllText(Path.Combine(_secrets, name), value);

    private async Task<(HttpStatusCode Status, string Body)> CallAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
#pragma warning disable BAS1601 // Tests send forged and literal tokens on purpose.
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
#pragma warning restore BAS1601
        using HttpResponseMessage response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Canary.Record(body);
        Canary.Record(response.Headers.ToString());
        return (response.StatusCode, body);
    }

    private string Forge(SecurityKey key, string algorithm, Action<SecurityTokenDescriptor>? change = null)
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("sub", "mallory")]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key, algorithm),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

#pragma warning disable BAS1601 // Attacker keys for forged tokens are literals on purpose.
    private static SymmetricSecurityKey Key(string secret, string? kid) => new(Encoding.UTF8.GetBytes(secret)) { KeyId = kid };
#pragma warning restore BAS1601

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(json);

    [Fact]
    public async Task An_issued_token_is_accepted_and_carries_kid_in_the_header_only()
    {
        string token = Tokens.Issue([new Claim("sub", "alice")]);
        Assert.Equal((HttpStatusCode.OK, "alice"), await CallAsync(token));
#pragma warning disable BAS1703 // The test inspects the issued token's header and payload; it trusts nothing in it.
        var parsed = new JsonWebToken(token);
#pragma warning restore BAS1703
        Assert.Equal("k1", parsed.Kid);
        Assert.Equal("HS256", parsed.Alg);
        Assert.False(parsed.TryGetPayloadValue("kid", out string _));
    }

    public static TheoryData<string> Forgeries => new()
    {
        "alg none", "RS256 under the same kid", "HS256 with another secret", "unknown kid", "no kid (kid in the payload)",
        "tampered payload", "wrong issuer", "wrong audience", "expired", "not yet valid", "no expiry", "jku pointing elsewhere",
        "HS512 with the right key", "not a token",
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_or_invalid_token_is_a_401(string forgery)
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        string valid = Tokens.Issue([new Claim("sub", "alice")]);
        string token = forgery switch
        {
            "alg none" => Base64Url("{\"alg\":\"none\",\"kid\":\"k1\",\"typ\":\"JWT\"}") + "." + new JsonWebToken(valid).EncodedPayload + ".",
            "RS256 under the same kid" => Forge(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256),
            "HS256 with another secret" => Forge(Key("a-different-secret-of-thirty-two-bytes!", "k1"), SecurityAlgorithms.HmacSha256),
            "unknown kid" => Forge(Key(Canary.JwtKey1, "k9"), SecurityAlgorithms.HmacSha256),
            "no kid (kid in the payload)" => Forge(Key(Canary.JwtKey1, null), SecurityAlgorithms.HmacSha256, d => d.Claims = new Dictionary<string, object> { ["kid"] = "k1" }),
            "tampered payload" => Tamper(valid),
            "wrong issuer" => Forge(Key(Canary.JwtKey1, "k1"), SecurityAlgorithms.HmacSha256, d => d.Issuer = "https://evil.example.com"),
            "wrong audience" => Forge(Key(Canary.JwtKey1, "k1"), SecurityAlgorithms.HmacSha256, d => d.Audience = "another-api"),
            "expired" => Forge(Key(Canary.JwtKey1, "k1"), SecurityAlgorithms.HmacSha256, d => { d.IssuedAt = now.AddHours(-2); d.NotBefore = now.AddHours(-2); d.Expires = now.AddSeconds(-31); }),
            "not yet valid" => Forge(Key(Canary.JwtKey1, "k1"), SecurityAlgorithms.HmacSha256, d => { d.NotBefore = now.AddSeconds(31); d.Expires = now.AddHours(1); }),
            "no expiry" => Forge(Key(Canary.JwtKey1, "k1"), SecurityAlgorithms.HmacSha256, d => d.Expires = null),
            "jku pointing elsewhere" => Forge(Key("attacker-controlled-key-of-32-bytes!!", "k1"), SecurityAlgorithms.HmacSha256,
                d => d.AdditionalHeaderClaims = new Dictionary<string, object> { ["jku"] = "http://127.0.0.1:9/keys.json" }),
            "HS512 with the right key" => Forge(Key(Canary.JwtKey1 + Canary.JwtKey1, "k1"), SecurityAlgorithms.HmacSha512),
            _ => "not.a.token",
        };
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(token)).Status);
        Assert.False((await Tokens.ValidateAsync(token)).IsValid);
    }

    private static string Tamper(string token)
    {
#pragma warning disable BAS1703 // The test inspects the issued token's header and payload; it trusts nothing in it.
        var parsed = new JsonWebToken(token);
#pragma warning restore BAS1703
        string payload = Base64UrlEncoder.Decode(parsed.EncodedPayload).Replace("\"alice\"", "\"admin\"", StringComparison.Ordinal);
        return parsed.EncodedHeader + "." + Base64Url(payload) + "." + parsed.EncodedSignature;
    }

    [Fact]
    public async Task Tokens_within_the_clock_skew_pass_and_expire_after_it()
    {
        string token = Tokens.Issue([new Claim("sub", "alice")], TimeSpan.FromMinutes(1));
        _time.Advance(TimeSpan.FromSeconds(85));
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(token)).Status);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(token)).Status);
    }

    [Fact]
    public async Task A_token_signed_with_the_previous_key_works_until_that_key_is_removed()
    {
        string old = Tokens.Issue([new Claim("sub", "alice")], TimeSpan.FromHours(1));

        WriteSecret("Bastion__Jwt__Keys__k2", Canary.JwtKey2);
        WriteSecret("Bastion__Jwt__CurrentKid", "k2");
        await TestSupport.WaitForAsync(() => Tokens.Ring.CurrentKid == "k2", "the key ring did not follow the secrets directory");
        string fresh = Tokens.Issue([new Claim("sub", "bob")]);
        Assert.Equal("k2", new JsonWebToken(fresh).Kid);
        Assert.Equal((HttpStatusCode.OK, "alice"), await CallAsync(old));
        Assert.Equal((HttpStatusCode.OK, "bob"), await CallAsync(fresh));

        File.Delete(Path.Combine(_secrets, "Bastion__Jwt__Keys__k1"));
        await TestSupport.WaitForAsync(() => !Tokens.Ring.KeyIds.Contains("k1"), "the key ring did not follow the secrets directory");
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(old)).Status);
        Assert.Equal((HttpStatusCode.OK, "bob"), await CallAsync(fresh));
    }

    [Fact]
    public async Task An_invalid_change_keeps_the_previous_ring_and_says_why()
    {
        string token = Tokens.Issue([new Claim("sub", "alice")]);
        WriteSecret("Bastion__Jwt__CurrentKid", "k9");
        await TestSupport.WaitForAsync(() => _logs.Contains("Bastion:Jwt changed but is invalid"), "the key ring did not follow the secrets directory");
        Assert.Equal("k1", Tokens.Ring.CurrentKid);
        Assert.Contains(_logs.Lines, l => l.Contains("Bastion:Jwt:CurrentKid names 'k9'", StringComparison.Ordinal));
        Assert.Equal((HttpStatusCode.OK, "alice"), await CallAsync(token));

        WriteSecret("Bastion__Jwt__Keys__k1", "short");
        WriteSecret("Bastion__Jwt__CurrentKid", "k1");
        await TestSupport.WaitForAsync(() => _logs.Contains("Bastion:Jwt:Keys:k1 is a secret shorter"), "the key ring did not follow the secrets directory");
        Assert.Equal((HttpStatusCode.OK, "alice"), await CallAsync(token));
    }

    [Fact]
    public async Task Deleting_or_corrupting_the_current_key_mid_rotation_keeps_the_last_valid_ring()
    {
        // Rotation half done: k2 added and made current, then its file disappears (a bad deploy, a secret store hiccup).
        WriteSecret("Bastion__Jwt__Keys__k2", Canary.JwtKey2);
        WriteSecret("Bastion__Jwt__CurrentKid", "k2");
        await TestSupport.WaitForAsync(() => Tokens.Ring.CurrentKid == "k2", "the key ring did not follow the secrets directory");
        string fresh = Tokens.Issue([new Claim("sub", "bob")]);

        File.Delete(Path.Combine(_secrets, "Bastion__Jwt__Keys__k2"));
        await TestSupport.WaitForAsync(() => _logs.Contains("Bastion:Jwt:CurrentKid names 'k2'"), "the key ring did not follow the secrets directory");
        Assert.Equal("k2", Tokens.Ring.CurrentKid);
        Assert.Equal((HttpStatusCode.OK, "bob"), await CallAsync(fresh));
        Assert.Equal("k2", new JsonWebToken(Tokens.Issue([new Claim("sub", "carol")])).Kid);

        // The file comes back corrupted (truncated): still the last valid ring, and the log names the key, not its value.
        WriteSecret("Bastion__Jwt__Keys__k2", Canary.JwtKey2[..8]);
        await TestSupport.WaitForAsync(() => _logs.Contains("Bastion:Jwt:Keys:k2 is a secret shorter"), "the key ring did not follow the secrets directory");
        Assert.Equal((HttpStatusCode.OK, "bob"), await CallAsync(fresh));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(Canary.JwtKey2[..8], StringComparison.Ordinal));

        // Repaired: the ring follows again.
        WriteSecret("Bastion__Jwt__Keys__k2", Canary.JwtKey2);
        WriteSecret("Bastion__Jwt__CurrentKid", "k1");
        await TestSupport.WaitForAsync(() => Tokens.Ring.CurrentKid == "k1", "the key ring did not follow the secrets directory");
        Assert.Equal((HttpStatusCode.OK, "bob"), await CallAsync(fresh));
    }
}
