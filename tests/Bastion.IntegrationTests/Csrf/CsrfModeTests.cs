using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace Bastion.IntegrationTests.Csrf;

/// <summary>The test hosts of <see cref="CsrfModeTests"/>, started once for the class: one per CSRF configuration.</summary>
public sealed class CsrfModeHosts : IAsyncLifetime
{
    /// <summary>The origin listed in <c>Bastion:Csrf:TrustedOrigins</c> (every host but <see cref="CsrfModeHost.Plain"/>).</summary>
    public const string TrustedOrigin = "https://partner.example";

    private readonly Dictionary<CsrfModeHost, KestrelHost> _hosts = [];

    public KestrelHost this[CsrfModeHost kind] => _hosts[kind];

    public async ValueTask InitializeAsync()
    {
        foreach (CsrfModeHost kind in Enum.GetValues<CsrfModeHost>())
        {
            _hosts[kind] = await KestrelHost.StartTestApiAsync(Path.GetTempPath(), builder => Configure(builder, kind));
        }
    }

    private static void Configure(WebApplicationBuilder builder, CsrfModeHost kind)
    {
        // Plain HTTP on 127.0.0.1: the token cookie must not be Secure, or no client would send it back.
        builder.Configuration["Bastion:Csrf:AllowInsecureCookie"] = "true";
        if (kind != CsrfModeHost.Plain)
        {
            builder.Configuration["Bastion:Csrf:TrustedOrigins:0"] = TrustedOrigin;
        }

        switch (kind)
        {
            case CsrfModeHost.SameSite:
                builder.Configuration["Bastion:Csrf:AllowSameSite"] = "true";
                break;
            case CsrfModeHost.Strict:
                builder.Configuration["Bastion:Csrf:AllowMissingOriginHeaders"] = "false";
                break;
            case CsrfModeHost.ConfiguredToken:
                builder.Configuration["Bastion:Csrf:Mode"] = "Token";
                break;
            case CsrfModeHost.ConfiguredHybrid:
                builder.Configuration["Bastion:Csrf:Mode"] = "Hybrid";
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (KestrelHost host in _hosts.Values)
        {
            await host.DisposeAsync();
        }
    }
}

/// <summary>How each test host is configured (all with <c>AllowInsecureCookie</c>).</summary>
public enum CsrfModeHost
{
    /// <summary>TrustedOrigins = [https://partner.example]; everything else default (Mode Origin, AllowMissingOriginHeaders true).</summary>
    Trusted,

    /// <summary>Nothing configured: no trusted origins.</summary>
    Plain,

    /// <summary>Trusted, plus AllowSameSite = true.</summary>
    SameSite,

    /// <summary>Trusted, plus AllowMissingOriginHeaders = false.</summary>
    Strict,

    /// <summary>Trusted, plus Mode = Token: unpinned endpoints need a token, pinned ones keep their mode.</summary>
    ConfiguredToken,

    /// <summary>Trusted, plus Mode = Hybrid.</summary>
    ConfiguredHybrid,
}

/// <summary>
/// The three CSRF modes over real HTTP (Kestrel on 127.0.0.1, requests written on a raw socket so duplicated
/// headers really are two lines): a table of Fetch Metadata / Origin / Referer combinations, each sent to the
/// Origin, Hybrid and Token endpoints with and without a token, on hosts configured with trusted origins,
/// AllowSameSite, AllowMissingOriginHeaders = false and a configured mode. Every refusal must be a 403
/// problem+json that does not echo the token, with no handler run; every pass a 200 with exactly one handler run.
/// Each row's name says the mode, the request and the expected outcome.
/// </summary>
public sealed class CsrfModeTests(CsrfModeHosts hosts) : IClassFixture<CsrfModeHosts>
{
    private const string Garbage = "CfDJ8-this-is-not-an-antiforgery-token";

    // ---- The theories: one per table (see the row builders below) ----

    [Theory, MemberData(nameof(Rows), "origin-mode")]
    public Task Origin_mode_header_matrix(string row) => RunAsync(row);

    [Theory, MemberData(nameof(Rows), "hybrid-mode")]
    public Task Hybrid_mode_header_matrix(string row) => RunAsync(row);

    [Theory, MemberData(nameof(Rows), "token-mode")]
    public Task Token_mode_header_matrix(string row) => RunAsync(row);

    [Theory, MemberData(nameof(Rows), "token-validation")]
    public Task Token_validation_where_the_mode_asks_for_one(string row) => RunAsync(row);

    [Theory, MemberData(nameof(Rows), "same-site")]
    public Task AllowSameSite_accepts_same_site_and_nothing_else(string row) => RunAsync(row);

    [Theory, MemberData(nameof(Rows), "strict")]
    public Task AllowMissingOriginHeaders_false_refuses_requests_without_any_origin_header(string row) => RunAsync(row);

    [Theory, MemberData(nameof(Rows), "plain")]
    public Task Without_trusted_origins_only_the_requests_own_origin_counts(string row) => RunAsync(row);

    [Theory, MemberData(nameof(Rows), "verbs")]
    public Task Every_unsafe_verb_and_the_json_body_are_checked(string row) => RunAsync(row);

    [Theory, MemberData(nameof(Rows), "safe-and-exempt")]
    public Task Safe_verbs_and_exempt_endpoints_take_anything(string row) => RunAsync(row);

    [Theory, MemberData(nameof(Rows), "bodies")]
    public Task A_text_plain_or_form_body_never_reaches_a_json_handler(string row) => RunAsync(row);

    [Theory, MemberData(nameof(Rows), "pins")]
    public Task Method_level_attributes_pin_or_inherit_the_mode(string row) => RunAsync(row);

    [Theory, MemberData(nameof(Rows), "configured-token")]
    public Task Configured_mode_Token_applies_to_unpinned_endpoints_only(string row) => RunAsync(row);

    [Theory, MemberData(nameof(Rows), "configured-hybrid")]
    public Task Configured_mode_Hybrid_applies_to_unpinned_endpoints_only(string row) => RunAsync(row);

    [Fact]
    public async Task Every_host_of_the_test_assembly_serves_the_token_endpoint()
    {
        foreach (CsrfModeHost kind in Enum.GetValues<CsrfModeHost>())
        {
            (string token, string cookie) = await SessionAsync(hosts[kind]);
            Assert.False(string.IsNullOrEmpty(token), kind + ": empty token");
            Assert.False(string.IsNullOrEmpty(cookie), kind + ": GET /bastion/csrf-token set no cookie an HTTP client can send back over plain HTTP (AllowInsecureCookie is on)");
        }
    }

    // ---- Running one row ----

    private async Task RunAsync(string id)
    {
        ModeRow row = Table[id];
        KestrelHost host = hosts[row.Host];
        Uri server = host.Client.BaseAddress!;
        int port = server.Port;
        string self = $"http://127.0.0.1:{port}";

        var headers = row.Case.Headers
            .Select(h => new KeyValuePair<string, string>(h.Key, h.Value.Replace("{self}", self, StringComparison.Ordinal).Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)))
            .ToList();
        var secrets = new List<string>();
        if (row.Token != TokenUse.None)
        {
            (string token, string cookie) = await SessionAsync(host);
            (string otherToken, _) = await SessionAsync(host);
            switch (row.Token)
            {
                case TokenUse.Valid:
                    headers.Add(new("Cookie", cookie));
                    headers.Add(new("X-CSRF-TOKEN", token));
                    secrets.Add(token);
                    break;
                case TokenUse.GarbageWithCookie:
                    headers.Add(new("Cookie", cookie));
                    headers.Add(new("X-CSRF-TOKEN", Garbage));
                    secrets.Add(Garbage);
                    break;
                case TokenUse.GarbageWithoutCookie:
                    headers.Add(new("X-CSRF-TOKEN", Garbage));
                    secrets.Add(Garbage);
                    break;
                case TokenUse.OtherSession:
                    headers.Add(new("Cookie", cookie));
                    headers.Add(new("X-CSRF-TOKEN", otherToken));
                    secrets.Add(otherToken);
                    break;
                case TokenUse.CookieOnly:
                    headers.Add(new("Cookie", cookie));
                    break;
                case TokenUse.TokenWithoutCookie:
                    headers.Add(new("X-CSRF-TOKEN", token));
                    secrets.Add(token);
                    break;
            }

            secrets.AddRange(cookie.Split(';').Select(c => c.Trim()).Where(c => c.Contains('=', StringComparison.Ordinal)).Select(c => c[(c.IndexOf('=', StringComparison.Ordinal) + 1)..]).Where(v => v.Length > 8));
        }

        (string? contentType, string? body) = row.Body switch
        {
            RowBody.Endpoint when row.Endpoint.Json => ("application/json", """{"item":"book","quantity":2}"""),
            RowBody.Endpoint => ((string?)null, (string?)null),
            RowBody.TextPlain => ("text/plain", """{"item":"forged","quantity":1000}"""),
            RowBody.Form => ("application/x-www-form-urlencoded", "item=forged&quantity=1000"),
            _ => throw new InvalidOperationException(row.Body.ToString()),
        };

        int before = CsrfModeCalls.OnPort(port);
        int beforeTarget = CsrfModeCalls.Of(port, row.Endpoint.Key);
        CsrfWire.Response response = await CsrfWire.SendAsync(server, row.Endpoint.Method, row.Endpoint.Path, headers, contentType, body, TestContext.Current.CancellationToken);
        int ran = CsrfModeCalls.OnPort(port) - before;
        string because = $"{id}\n--- sent ---\n{response.Sent}{body}\n--- received ---\n{response}\n--- handler calls: {ran}";

        switch (row.Expect)
        {
            case Outcome.Pass:
                Assert.True(response.Status == 200, "expected 200: " + because);
                Assert.True(CsrfModeCalls.Of(port, row.Endpoint.Key) == beforeTarget + 1 && ran == 1, "expected exactly one run of " + row.Endpoint.Key + ": " + because);
                break;
            case Outcome.Refused:
                Assert.True(response.Status == 403, "expected 403: " + because);
                Assert.True((response.Header("Content-Type") ?? string.Empty).Contains("application/problem+json", StringComparison.Ordinal), "expected application/problem+json: " + because);
                Assert.True(ran == 0, "the handler ran although the request was refused: " + because);
                break;
            case Outcome.NotReached:
                Assert.True(response.Status is 403 or 415, "expected 403 or 415: " + because);
                Assert.True(ran == 0, "the handler ran: " + because);
                break;
        }

        foreach (string secret in secrets)
        {
            Assert.False(response.Body.Contains(secret, StringComparison.Ordinal), "the response echoes the token or its cookie: " + because);
        }
    }

    /// <summary>A fresh browser-like session on <paramref name="host"/>: the token and the Cookie header carrying its cookie.</summary>
    private static async Task<(string Token, string Cookie)> SessionAsync(KestrelHost host)
    {
        var jar = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = jar, UseCookies = true }) { BaseAddress = host.Client.BaseAddress };
        using HttpResponseMessage response = await client.GetAsync("/bastion/csrf-token", TestContext.Current.CancellationToken);
        string text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, "GET /bastion/csrf-token: " + (int)response.StatusCode + " " + text);
        JsonElement json = JsonDocument.Parse(text).RootElement;
        Assert.Equal("X-CSRF-TOKEN", json.GetProperty("headerName").GetString());
        return (json.GetProperty("token").GetString()!, jar.GetCookieHeader(host.Client.BaseAddress!));
    }

    // ---- The tables ----

    public enum Outcome
    {
        Pass,
        Refused,
        NotReached,
    }

    public enum TokenUse
    {
        None,
        Valid,
        GarbageWithCookie,
        GarbageWithoutCookie,
        OtherSession,
        CookieOnly,
        TokenWithoutCookie,
    }

    public enum RowBody
    {
        Endpoint,
        TextPlain,
        Form,
    }

    public enum EndpointKind
    {
        Protected,
        Safe,
        Exempt,
    }

    /// <summary>What a host's configuration allows (used to decide whether a header case passes the header checks).</summary>
    public sealed record Profile(bool Trusted, bool AllowSameSite, bool AllowMissing, CsrfMode ConfiguredMode);

    /// <summary>One request to a mode endpoint; <paramref name="Pinned"/> is null when it follows the configured mode.</summary>
    public sealed record Endpoint(string Key, string Method, string Path, CsrfMode? Pinned, bool Json = false, EndpointKind Kind = EndpointKind.Protected);

    /// <summary>
    /// Request headers (with {self} = http://127.0.0.1:port and {port}); whether they pass the header checks on a host
    /// with that profile; whether the request carries Sec-Fetch-Site (Hybrid asks for a token when it does not).
    /// </summary>
    public sealed record HeaderCase(string Key, string Name, KeyValuePair<string, string>[] Headers, Func<Profile, bool> Passes, bool FetchMetadata);

    public sealed record ModeRow(string Group, CsrfModeHost Host, Endpoint Endpoint, HeaderCase Case, TokenUse Token, RowBody Body, Outcome Expect);

    private static readonly Dictionary<CsrfModeHost, Profile> Profiles = new()
    {
        [CsrfModeHost.Trusted] = new(true, false, true, CsrfMode.Origin),
        [CsrfModeHost.Plain] = new(false, false, true, CsrfMode.Origin),
        [CsrfModeHost.SameSite] = new(true, true, true, CsrfMode.Origin),
        [CsrfModeHost.Strict] = new(true, false, false, CsrfMode.Origin),
        [CsrfModeHost.ConfiguredToken] = new(true, false, true, CsrfMode.Token),
        [CsrfModeHost.ConfiguredHybrid] = new(true, false, true, CsrfMode.Hybrid),
    };

    private static Endpoint Ping(string mode) => new(mode + ".ping", "POST", $"/modes/{mode}/ping", PinOf(mode));

    private static CsrfMode? PinOf(string mode) => mode switch
    {
        "hybrid" => CsrfMode.Hybrid,
        "token" => CsrfMode.Token,
        _ => null,
    };

    private static readonly string[] Modes = ["origin", "hybrid", "token"];

    private static KeyValuePair<string, string> H(string name, string value) => new(name, value);

    private static readonly Func<Profile, bool> Never = _ => false;
    private static readonly Func<Profile, bool> Always = _ => true;
    private static readonly Func<Profile, bool> IfTrusted = p => p.Trusted;
    private static readonly Func<Profile, bool> IfSameSite = p => p.AllowSameSite;
    private const string T = CsrfModeHosts.TrustedOrigin;

    private static readonly HeaderCase[] Cases =
    [
        // Fetch Metadata present.
        new("sfs-same-origin", "Sec-Fetch-Site: same-origin, own Origin", [H("Sec-Fetch-Site", "same-origin"), H("Origin", "{self}")], Always, true),
        new("sfs-same-origin-no-origin", "Sec-Fetch-Site: same-origin, no Origin", [H("Sec-Fetch-Site", "same-origin")], Always, true),
        new("sfs-none", "Sec-Fetch-Site: none (user-initiated), no Origin", [H("Sec-Fetch-Site", "none")], Always, true),
        new("sfs-cross-foreign", "Sec-Fetch-Site: cross-site, Origin http://evil.example", [H("Sec-Fetch-Site", "cross-site"), H("Origin", "http://evil.example")], Never, true),
        new("sfs-cross-own", "Sec-Fetch-Site: cross-site, own Origin (the own origin does not count once Fetch Metadata says cross-site)", [H("Sec-Fetch-Site", "cross-site"), H("Origin", "{self}")], Never, true),
        new("sfs-cross-no-origin", "Sec-Fetch-Site: cross-site, no Origin", [H("Sec-Fetch-Site", "cross-site")], Never, true),
        new("sfs-cross-null", "Sec-Fetch-Site: cross-site, Origin null", [H("Sec-Fetch-Site", "cross-site"), H("Origin", "null")], Never, true),
        new("sfs-same-site-sibling", "Sec-Fetch-Site: same-site, Origin http://127.0.0.1:1 (same site, other port)", [H("Sec-Fetch-Site", "same-site"), H("Origin", "http://127.0.0.1:1")], IfSameSite, true),
        new("sfs-same-site-own", "Sec-Fetch-Site: same-site, own Origin", [H("Sec-Fetch-Site", "same-site"), H("Origin", "{self}")], IfSameSite, true),
        new("sfs-same-site-no-origin", "Sec-Fetch-Site: same-site, no Origin", [H("Sec-Fetch-Site", "same-site")], IfSameSite, true),
        new("sfs-unknown-own", "Sec-Fetch-Site: whatever (unknown value), own Origin", [H("Sec-Fetch-Site", "whatever"), H("Origin", "{self}")], Never, true),
        new("sfs-wrong-case-own", "Sec-Fetch-Site: Same-Origin (not the lower-case token), own Origin", [H("Sec-Fetch-Site", "Same-Origin"), H("Origin", "{self}")], Never, true),
        new("sfs-list-own", "Sec-Fetch-Site: 'same-origin, same-origin' on one line, own Origin", [H("Sec-Fetch-Site", "same-origin, same-origin"), H("Origin", "{self}")], Never, true),
        new("sfs-cross-trusted", "Sec-Fetch-Site: cross-site, trusted Origin " + T, [H("Sec-Fetch-Site", "cross-site"), H("Origin", T)], IfTrusted, true),
        new("sfs-same-site-trusted", "Sec-Fetch-Site: same-site, trusted Origin " + T, [H("Sec-Fetch-Site", "same-site"), H("Origin", T)], p => p.Trusted || p.AllowSameSite, true),
        new("sfs-unknown-trusted", "Sec-Fetch-Site: whatever (unknown value), trusted Origin " + T, [H("Sec-Fetch-Site", "whatever"), H("Origin", T)], IfTrusted, true),
        new("sfs-cross-trusted-lookalike", "Sec-Fetch-Site: cross-site, Origin " + T + ".evil.net (look-alike of the trusted origin)", [H("Sec-Fetch-Site", "cross-site"), H("Origin", T + ".evil.net")], Never, true),
        new("sfs-cross-trusted-port", "Sec-Fetch-Site: cross-site, Origin " + T + ":8443 (trusted host, other port)", [H("Sec-Fetch-Site", "cross-site"), H("Origin", T + ":8443")], Never, true),
        new("sfs-cross-trusted-scheme", "Sec-Fetch-Site: cross-site, Origin http://partner.example (trusted host, other scheme)", [H("Sec-Fetch-Site", "cross-site"), H("Origin", "http://partner.example")], Never, true),
        new("sfs-cross-trusted-slash", "Sec-Fetch-Site: cross-site, Origin " + T + "/ (trailing slash)", [H("Sec-Fetch-Site", "cross-site"), H("Origin", T + "/")], Never, true),
        new("sfs-cross-trusted-userinfo", "Sec-Fetch-Site: cross-site, Origin https://user@partner.example (userinfo)", [H("Sec-Fetch-Site", "cross-site"), H("Origin", "https://user@partner.example")], Never, true),

        // No Fetch Metadata: Origin decides.
        new("origin-own", "no Sec-Fetch-Site, own Origin", [H("Origin", "{self}")], Always, false),
        new("origin-own-https", "no Sec-Fetch-Site, own host:port with https (Origin https://127.0.0.1:port)", [H("Origin", "https://127.0.0.1:{port}")], Always, false),
        new("origin-trusted", "no Sec-Fetch-Site, trusted Origin " + T, [H("Origin", T)], IfTrusted, false),
        new("origin-null", "no Sec-Fetch-Site, Origin null", [H("Origin", "null")], Never, false),
        new("origin-lookalike", "no Sec-Fetch-Site, Origin http://127.0.0.1:port.evil.net (look-alike)", [H("Origin", "{self}.evil.net")], Never, false),
        new("origin-other-port", "no Sec-Fetch-Site, Origin http://127.0.0.1:1 (other port)", [H("Origin", "http://127.0.0.1:1")], Never, false),
        new("origin-localhost", "no Sec-Fetch-Site, Origin http://localhost:port (same port, other host name)", [H("Origin", "http://localhost:{port}")], Never, false),
        new("origin-foreign", "no Sec-Fetch-Site, Origin http://evil.example", [H("Origin", "http://evil.example")], Never, false),
        new("origin-own-slash", "no Sec-Fetch-Site, Origin http://127.0.0.1:port/ (with a path)", [H("Origin", "{self}/")], Never, false),
        new("origin-own-path", "no Sec-Fetch-Site, Origin http://127.0.0.1:port/page (with a path)", [H("Origin", "{self}/page")], Never, false),
        new("origin-userinfo", "no Sec-Fetch-Site, Origin http://user@127.0.0.1:port (userinfo)", [H("Origin", "http://user@127.0.0.1:{port}")], Never, false),
        new("origin-userinfo-trick", "no Sec-Fetch-Site, Origin http://127.0.0.1:port@evil.example (host is evil.example)", [H("Origin", "{self}@evil.example")], Never, false),
        new("origin-ftp", "no Sec-Fetch-Site, Origin ftp://127.0.0.1:port (not http or https)", [H("Origin", "ftp://127.0.0.1:{port}")], Never, false),
        new("origin-empty", "no Sec-Fetch-Site, empty Origin header", [H("Origin", string.Empty)], Never, false),
        new("origin-foreign-referer-own", "no Sec-Fetch-Site, Origin http://evil.example with an own-origin Referer (Origin decides)", [H("Origin", "http://evil.example"), H("Referer", "{self}/page")], Never, false),
        new("origin-foreign-method-override", "no Sec-Fetch-Site, Origin http://evil.example, X-HTTP-Method-Override: GET", [H("Origin", "http://evil.example"), H("X-HTTP-Method-Override", "GET")], Never, false),
        new("origin-trusted-lookalike", "no Sec-Fetch-Site, Origin " + T + ".evil.net", [H("Origin", T + ".evil.net")], Never, false),

        // Neither Fetch Metadata nor Origin: Referer decides.
        new("referer-own", "only Referer http://127.0.0.1:port/page?x=1", [H("Referer", "{self}/page?x=1")], Always, false),
        new("referer-trusted", "only Referer " + T + "/app", [H("Referer", T + "/app")], IfTrusted, false),
        new("referer-foreign", "only Referer http://evil.example/page", [H("Referer", "http://evil.example/page")], Never, false),
        new("referer-lookalike", "only Referer http://127.0.0.1:port.evil.net/page (look-alike)", [H("Referer", "{self}.evil.net/page")], Never, false),
        new("referer-other-port", "only Referer http://127.0.0.1:1/page (other port)", [H("Referer", "http://127.0.0.1:1/page")], Never, false),
        new("referer-userinfo-trick", "only Referer http://127.0.0.1:port@evil.example/page (host is evil.example)", [H("Referer", "{self}@evil.example/page")], Never, false),
        new("referer-garbage", "only Referer 'not a url' (present but no origin)", [H("Referer", "not a url")], Never, false),

        // Nothing at all (non-browser clients).
        new("nothing", "no Sec-Fetch-Site, no Origin, no Referer", [], p => p.AllowMissing, false),

        // Duplicated headers: two header lines on the wire.
        new("dup-sfs-same-origin", "Sec-Fetch-Site: same-origin on two lines", [H("Sec-Fetch-Site", "same-origin"), H("Sec-Fetch-Site", "same-origin"), H("Origin", "{self}")], Never, true),
        new("dup-sfs-same-then-cross", "Sec-Fetch-Site: same-origin, then Sec-Fetch-Site: cross-site", [H("Sec-Fetch-Site", "same-origin"), H("Sec-Fetch-Site", "cross-site"), H("Origin", "{self}")], Never, true),
        new("dup-sfs-cross-then-same", "Sec-Fetch-Site: cross-site, then Sec-Fetch-Site: same-origin", [H("Sec-Fetch-Site", "cross-site"), H("Sec-Fetch-Site", "same-origin")], Never, true),
        new("dup-sfs-cross-trusted", "Sec-Fetch-Site: cross-site on two lines, trusted Origin", [H("Sec-Fetch-Site", "cross-site"), H("Sec-Fetch-Site", "cross-site"), H("Origin", T)], Never, true),
        new("dup-origin-own", "no Sec-Fetch-Site, own Origin on two lines", [H("Origin", "{self}"), H("Origin", "{self}")], Never, false),
        new("dup-origin-own-then-foreign", "no Sec-Fetch-Site, Origin: own, then Origin: http://evil.example", [H("Origin", "{self}"), H("Origin", "http://evil.example")], Never, false),
        new("dup-origin-foreign-then-own", "no Sec-Fetch-Site, Origin: http://evil.example, then Origin: own", [H("Origin", "http://evil.example"), H("Origin", "{self}")], Never, false),
        new("dup-origin-trusted", "no Sec-Fetch-Site, trusted Origin on two lines", [H("Origin", T), H("Origin", T)], Never, false),
        new("dup-origin-with-same-origin", "Sec-Fetch-Site: same-origin, own Origin on two lines (duplicates are refused before Fetch Metadata is read)", [H("Sec-Fetch-Site", "same-origin"), H("Origin", "{self}"), H("Origin", "{self}")], Never, true),
        new("dup-origin-with-cross-trusted", "Sec-Fetch-Site: cross-site, trusted Origin on two lines", [H("Sec-Fetch-Site", "cross-site"), H("Origin", T), H("Origin", T)], Never, true),
    ];

    private static HeaderCase Case(string key) => Cases.Single(c => c.Key == key);

    private static readonly Dictionary<string, ModeRow> Table = Build();

    /// <summary>The rows of one table, each shown under its full name (xunit would cut a long string argument short).</summary>
    public static IEnumerable<TheoryDataRow<string>> Rows(string group)
        => Table.Where(r => r.Value.Group == group).Select(r => new TheoryDataRow<string>(r.Key) { TestDisplayName = "CSRF modes (" + group + ") " + r.Key });

    private static Dictionary<string, ModeRow> Build()
    {
        var rows = new List<ModeRow>();

        // The full header matrix, per pinned/configured mode, on the host with a trusted origin.
        foreach (string mode in Modes)
        {
            foreach (HeaderCase c in Cases)
            {
                rows.AddRange(Variants(mode + "-mode", CsrfModeHost.Trusted, Ping(mode), c));
            }
        }

        // Token validation details where a token is required (and ignored where it is not).
        foreach ((Endpoint endpoint, string key) in new[]
        {
            (Ping("token"), "sfs-same-origin"), (Ping("token"), "origin-own"), (Ping("token"), "sfs-cross-trusted"),
            (Ping("hybrid"), "origin-own"), (Ping("hybrid"), "origin-trusted"), (Ping("hybrid"), "referer-own"),
            (Ping("origin"), "origin-own"), (Ping("origin"), "sfs-same-origin"),
        })
        {
            foreach (TokenUse use in new[] { TokenUse.GarbageWithCookie, TokenUse.GarbageWithoutCookie, TokenUse.OtherSession, TokenUse.CookieOnly, TokenUse.TokenWithoutCookie })
            {
                rows.Add(Row("token-validation", CsrfModeHost.Trusted, endpoint, Case(key), use));
            }
        }

        // AllowSameSite, AllowMissingOriginHeaders = false, no trusted origins: every mode.
        foreach (string mode in Modes)
        {
            foreach (string key in new[] { "sfs-same-site-sibling", "sfs-same-site-own", "sfs-same-site-no-origin", "sfs-same-site-trusted", "sfs-cross-own", "sfs-cross-foreign", "sfs-unknown-own", "sfs-same-origin", "dup-sfs-same-origin" })
            {
                rows.AddRange(Variants("same-site", CsrfModeHost.SameSite, Ping(mode), Case(key)));
            }

            foreach (string key in new[] { "nothing", "origin-own", "sfs-same-origin", "sfs-none", "referer-own", "referer-garbage", "origin-null" })
            {
                rows.AddRange(Variants("strict", CsrfModeHost.Strict, Ping(mode), Case(key)));
            }

            foreach (string key in new[] { "origin-own", "origin-own-https", "origin-trusted", "sfs-cross-trusted", "sfs-unknown-trusted", "referer-own", "referer-trusted", "nothing", "sfs-same-origin" })
            {
                rows.AddRange(Variants("plain", CsrfModeHost.Plain, Ping(mode), Case(key)));
            }
        }

        // The other unsafe verbs and the JSON POST.
        foreach (string mode in Modes)
        {
            foreach (Endpoint endpoint in new Endpoint[]
            {
                new(mode + ".orders", "POST", $"/modes/{mode}/orders", PinOf(mode), Json: true),
                new(mode + ".put", "PUT", $"/modes/{mode}/items/3", PinOf(mode)),
                new(mode + ".patch", "PATCH", $"/modes/{mode}/items/3", PinOf(mode)),
                new(mode + ".delete", "DELETE", $"/modes/{mode}/items/3", PinOf(mode)),
                // Methods are case-sensitive tokens but routing matches them case-insensitively: "post" reaches the
                // POST handler, so it must be checked like POST (a check for "is it POST" instead of "is it safe" fails).
                new(mode + ".ping", "post", $"/modes/{mode}/ping", PinOf(mode)),
            })
            {
                foreach (string key in new[] { "sfs-same-origin", "origin-own", "nothing", "sfs-cross-foreign", "sfs-cross-trusted", "origin-null", "dup-origin-own", "dup-sfs-same-origin" })
                {
                    rows.AddRange(Variants("verbs", CsrfModeHost.Trusted, endpoint, Case(key)));
                }
            }
        }

        // Safe verbs pass without any check; the exempt endpoint takes anything.
        foreach (string mode in Modes)
        {
            var get = new Endpoint(mode + ".get", "GET", $"/modes/{mode}/items/3", PinOf(mode), Kind: EndpointKind.Safe);
            foreach (string key in new[] { "sfs-cross-foreign", "origin-null", "dup-sfs-cross-then-same", "dup-origin-own-then-foreign", "referer-foreign" })
            {
                rows.Add(Row("safe-and-exempt", CsrfModeHost.Strict, get, Case(key), TokenUse.None));
            }
        }

        var exempt = new Endpoint("token.exempt", "POST", "/modes/token/exempt", CsrfMode.Token, Kind: EndpointKind.Exempt);
        foreach (string key in new[] { "sfs-cross-foreign", "origin-null", "nothing", "dup-sfs-same-then-cross", "dup-origin-own-then-foreign", "referer-foreign" })
        {
            rows.Add(Row("safe-and-exempt", CsrfModeHost.Strict, exempt, Case(key), TokenUse.None));
            rows.Add(Row("safe-and-exempt", CsrfModeHost.Strict, exempt, Case(key), TokenUse.GarbageWithoutCookie));
        }

        // A text/plain or form body to a JSON endpoint, even same-origin with a valid token, never reaches the handler.
        foreach (string mode in Modes)
        {
            var orders = new Endpoint(mode + ".orders", "POST", $"/modes/{mode}/orders", PinOf(mode), Json: true);
            foreach (RowBody body in new[] { RowBody.TextPlain, RowBody.Form })
            {
                foreach (string key in new[] { "sfs-same-origin", "origin-own", "sfs-cross-foreign", "nothing" })
                {
                    rows.Add(Row("bodies", CsrfModeHost.Trusted, orders, Case(key), TokenUse.Valid, body, Outcome.NotReached));
                    rows.Add(Row("bodies", CsrfModeHost.Trusted, orders, Case(key), TokenUse.None, body, Outcome.NotReached));
                }
            }
        }

        // Method-level attributes, and the configured mode against pinned classes.
        string[] pinKeys = ["sfs-same-origin", "sfs-none", "origin-own", "nothing", "sfs-cross-trusted", "sfs-cross-foreign"];
        Endpoint[] pinned =
        [
            new("hybrid.inner", "POST", "/modes/hybrid/inner", CsrfMode.Hybrid),
            new("origin.pinned-token", "POST", "/modes/origin/pinned-token", CsrfMode.Token),
            new("token.pinned-origin", "POST", "/modes/token/pinned-origin", CsrfMode.Origin),
        ];
        foreach (Endpoint endpoint in pinned)
        {
            foreach (string key in pinKeys)
            {
                rows.AddRange(Variants("pins", CsrfModeHost.Trusted, endpoint, Case(key)));
            }
        }

        foreach ((string group, CsrfModeHost host) in new[] { ("configured-token", CsrfModeHost.ConfiguredToken), ("configured-hybrid", CsrfModeHost.ConfiguredHybrid) })
        {
            Endpoint[] endpoints =
            [
                Ping("origin"),
                new("origin.orders", "POST", "/modes/origin/orders", null, Json: true),
                new("origin.delete", "DELETE", "/modes/origin/items/3", null),
                Ping("hybrid"),
                Ping("token"),
                .. pinned,
            ];
            foreach (Endpoint endpoint in endpoints)
            {
                foreach (string key in pinKeys)
                {
                    rows.AddRange(Variants(group, host, endpoint, Case(key)));
                }
            }
        }

        var table = new Dictionary<string, ModeRow>(StringComparer.Ordinal);
        foreach (ModeRow row in rows)
        {
            // A row another table already holds (the same request and expectation) is run once.
            table.TryAdd(Name(row), row);
        }

        return table;
    }

    /// <summary>
    /// A header case as the mode sees it: refused by the header checks → sent WITH a valid token (a token never
    /// rescues a cross-site request) and refused. Passing the header checks where the mode needs a token → without
    /// one refused, with one passes. Where it needs none → passes without a token, with a valid one, and (Origin
    /// mode) with a garbage X-CSRF-TOKEN, which is ignored.
    /// </summary>
    private static IEnumerable<ModeRow> Variants(string group, CsrfModeHost host, Endpoint endpoint, HeaderCase c)
    {
        Profile profile = Profiles[host];
        CsrfMode mode = endpoint.Pinned ?? profile.ConfiguredMode;
        if (!c.Passes(profile))
        {
            yield return Row(group, host, endpoint, c, TokenUse.Valid);
            yield break;
        }

        yield return Row(group, host, endpoint, c, TokenUse.None);
        yield return Row(group, host, endpoint, c, TokenUse.Valid);
        if (mode == CsrfMode.Origin)
        {
            yield return Row(group, host, endpoint, c, TokenUse.GarbageWithCookie);
        }
    }

    private static ModeRow Row(string group, CsrfModeHost host, Endpoint endpoint, HeaderCase c, TokenUse token, RowBody body = RowBody.Endpoint, Outcome? expect = null)
        => new(group, host, endpoint, c, token, body, expect ?? Expected(host, endpoint, c, token));

    /// <summary>The specification, as a function: header checks first, then the token where the mode asks for one.</summary>
    private static Outcome Expected(CsrfModeHost host, Endpoint endpoint, HeaderCase c, TokenUse token)
    {
        if (endpoint.Kind is EndpointKind.Safe or EndpointKind.Exempt)
        {
            return Outcome.Pass;
        }

        Profile profile = Profiles[host];
        if (!c.Passes(profile))
        {
            return Outcome.Refused;
        }

        CsrfMode mode = endpoint.Pinned ?? profile.ConfiguredMode;
        bool needsToken = mode == CsrfMode.Token || (mode == CsrfMode.Hybrid && !c.FetchMetadata);
        return !needsToken || token == TokenUse.Valid ? Outcome.Pass : Outcome.Refused;
    }

    private static string Name(ModeRow row)
    {
        Profile profile = Profiles[row.Host];
        string mode = row.Endpoint.Kind switch
        {
            EndpointKind.Safe => "safe verb",
            EndpointKind.Exempt => "[CsrfExempt]",
            _ => row.Endpoint.Pinned is { } pinned ? pinned + " (pinned)" : profile.ConfiguredMode + " (configured)",
        };
        string token = row.Token switch
        {
            TokenUse.None => "no token",
            TokenUse.Valid => "valid token + cookie",
            TokenUse.GarbageWithCookie => "garbage X-CSRF-TOKEN + cookie",
            TokenUse.GarbageWithoutCookie => "garbage X-CSRF-TOKEN, no cookie",
            TokenUse.OtherSession => "token of another session + this session's cookie",
            TokenUse.CookieOnly => "cookie but no X-CSRF-TOKEN",
            TokenUse.TokenWithoutCookie => "valid token but no cookie",
            _ => row.Token.ToString(),
        };
        string body = row.Body switch
        {
            RowBody.TextPlain => ", text/plain body",
            RowBody.Form => ", form body",
            _ => string.Empty,
        };
        string expect = row.Expect switch
        {
            Outcome.Pass => "200, handler runs once",
            Outcome.Refused => "403 problem+json, handler not run",
            _ => "403 or 415, handler not run",
        };
        return $"[{row.Host} host] {mode}: {row.Endpoint.Method} {row.Endpoint.Path} | {row.Case.Name} | {token}{body} => {expect}";
    }
}
