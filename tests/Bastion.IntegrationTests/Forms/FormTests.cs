using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Bastion.IntegrationTests.Forms;

/// <summary>One test host for <see cref="FormTests"/>: Files:Root is a fresh directory, so uploads land only there.</summary>
public sealed class FormHost : IAsyncLifetime
{
    public string Root { get; } = UploadRoots.Create();

    public KestrelHost Host { get; private set; } = null!;

    public int Port => Host.Client.BaseAddress!.Port;

    public async ValueTask InitializeAsync()
        => Host = await KestrelHost.StartTestApiAsync(Root, builder => builder.Configuration["Bastion:Csrf:AllowInsecureCookie"] = "true");

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}

/// <summary>
/// Generated [FromForm] endpoints over real HTTP (Kestrel on 127.0.0.1): binding, sanitizing and validation like JSON
/// bodies, every cap of the form reader, CSRF in each mode with the token in the form, and upload names through [SafePath].
/// Every refusal is checked to leave the handler uncalled.
/// </summary>
public sealed class FormTests(FormHost fixture) : IClassFixture<FormHost>
{
    private const string Sign = "/forms/origin/sign";

    private static readonly KeyValuePair<string, string>[] ValidEntry =
    [
        new("message", "<script>alert(1)</script>Hello"),
        new("signature", "<b>Ann</b><img src=x onerror=alert(1)>"),
        new("rating", "4"),
        new("subscribe", "on"),
    ];

    private HttpClient Client => fixture.Host.Client;

    [Fact]
    public async Task An_urlencoded_form_is_bound_sanitized_and_handed_to_the_handler()
    {
        (HttpStatusCode status, string body) = await PostAsync(Sign, new FormUrlEncodedContent(ValidEntry));
        Assert.Equal(HttpStatusCode.OK, status);
        string[] parts = body.Split('|');
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt;Hello", parts[0]);
        Assert.Contains("<b>Ann</b>", parts[1], StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", parts[1], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["4", "subscribed"], parts[2..]);
    }

    [Fact]
    public async Task A_multipart_form_binds_the_same_way_and_a_missing_checkbox_is_false()
    {
        using var content = new MultipartFormDataContent();
        foreach (KeyValuePair<string, string> field in ValidEntry.Where(f => f.Key != "subscribe"))
        {
            content.Add(new StringContent(field.Value), field.Key);
        }

        (HttpStatusCode status, string body) = await PostAsync(Sign, content);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("&lt;script&gt;", body, StringComparison.Ordinal);
        Assert.EndsWith("|4|not subscribed", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cross_site_form_post_is_refused_before_the_form_is_read()
    {
        int before = FormCalls.Of(fixture.Port, "origin");
        using var request = new HttpRequestMessage(HttpMethod.Post, Sign) { Content = new FormUrlEncodedContent(ValidEntry) };
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        using HttpResponseMessage response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, FormCalls.Of(fixture.Port, "origin"));
    }

    [Fact]
    public async Task Token_mode_refuses_a_form_without_a_token_and_accepts_one_in_the_form_field_or_header()
    {
        (string token, string cookie) = await SessionAsync();
        string path = "/forms/token/sign";
        int before = FormCalls.Of(fixture.Port, "token");

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(path, new FormUrlEncodedContent(ValidEntry), cookie)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(path, Form(ValidEntry, ("__bastion_csrf", "CfDJ8-not-a-token")), cookie)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(path, Form(ValidEntry, ("__bastion_csrf", token)))).Status); // no cookie
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(path, Form(ValidEntry, ("__bastion_csrf", token), ("__bastion_csrf", token)), cookie)).Status);
        Assert.Equal(before, FormCalls.Of(fixture.Port, "token"));

        (HttpStatusCode status, string body) = await PostAsync(path, Form(ValidEntry, ("__bastion_csrf", token)), cookie);
        Assert.True(status == HttpStatusCode.OK, body);

        using var multipart = new MultipartFormDataContent { { new StringContent(token), "__bastion_csrf" } };
        foreach (KeyValuePair<string, string> field in ValidEntry)
        {
            multipart.Add(new StringContent(field.Value), field.Key);
        }

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(path, multipart, cookie)).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(path, new FormUrlEncodedContent(ValidEntry), cookie, token)).Status);
        Assert.Equal(before + 3, FormCalls.Of(fixture.Port, "token"));
    }

    [Fact]
    public async Task Hybrid_mode_needs_the_form_token_only_without_fetch_metadata()
    {
        (string token, string cookie) = await SessionAsync();
        string path = "/forms/hybrid/sign";
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(path, new FormUrlEncodedContent(ValidEntry), cookie)).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(path, Form(ValidEntry, ("__bastion_csrf", token)), cookie)).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(path, new FormUrlEncodedContent(ValidEntry), fetchSite: "same-origin")).Status);
    }

    [Theory]
    [InlineData("body", 413)]
    [InlineData("fields", 413)]
    [InlineData("value", 413)]
    [InlineData("name", 413)]
    [InlineData("duplicate", 400)]
    [InlineData("json", 415)]
    [InlineData("text", 415)]
    [InlineData("latin1", 415)]
    [InlineData("unclosed-multipart", 400)]
    [InlineData("no-boundary", 400)]
    public async Task Hostile_forms_are_refused_with_a_problem_and_never_reach_the_handler(string attack, int expected)
    {
        int before = FormCalls.Of(fixture.Port, "origin");
        HttpContent content = attack switch
        {
            "body" => Form(ValidEntry, ("padding", new string('a', 5000))),
            "fields" => Form(ValidEntry, Enumerable.Range(0, 5).Select(i => ("extra" + i, "x")).ToArray()),
            "value" => Form([new("message", new string('m', 301)), new("rating", "3")]),
            "name" => Form(ValidEntry, (new string('n', 300), "x")),
            "duplicate" => Form(ValidEntry, ("rating", "1")),
            "json" => new StringContent("{\"message\":\"hi\",\"rating\":3}", Encoding.UTF8, "application/json"),
            "text" => new StringContent("message=hi&rating=3", Encoding.UTF8, "text/plain"),
            "latin1" => Raw("message=hi&rating=3", "application/x-www-form-urlencoded; charset=iso-8859-1"),
            "unclosed-multipart" => Raw("--XyZ\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\nhi\r\n--XyZ\r\nContent-Disposition: form-data; name=\"rating\"\r\n\r\n3", "multipart/form-data; boundary=XyZ"),
            _ => Raw("message=hi", "multipart/form-data"),
        };
        (HttpStatusCode status, string body) = await PostAsync(Sign, content);
        Assert.True((int)status == expected, attack + ": " + (int)status + " " + body);
        Assert.Contains("\"status\":" + expected, body, StringComparison.Ordinal);
        if (attack == "duplicate")
        {
            Assert.Contains("rating", Errors(body).Keys);
        }

        if (attack == "value")
        {
            Assert.Contains("'message'", body, StringComparison.Ordinal);
        }

        Assert.Equal(before, FormCalls.Of(fixture.Port, "origin"));
    }

    [Fact]
    public async Task Every_field_problem_and_every_validation_error_is_a_400_naming_the_field()
    {
        int before = FormCalls.Of(fixture.Port, "origin");
        (HttpStatusCode status, string body) = await PostAsync(Sign, Form([new("rating", "four")]));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["message", "rating"], Errors(body).Keys.Order());

        (status, body) = await PostAsync(Sign, Form([new("message", "  "), new("rating", "9")]));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["message", "rating"], Errors(body).Keys.Order());
        Assert.Equal(before, FormCalls.Of(fixture.Port, "origin"));
    }

    [Fact]
    public async Task Form_values_parse_invariantly_take_defaults_and_run_their_checks()
    {
        (HttpStatusCode status, string body) = await PostAsync("/forms/values", Form([new("name", "Ann"), new("count", "12"), new("when", "2026-12-07"), new("agree", "on")]));
        Assert.Equal((HttpStatusCode.OK, "Ann|12|2026-12-07|yes|3"), (status, body));
        (status, body) = await PostAsync("/forms/values", Form([new("name", "Ann"), new("count", "1"), new("pages", "7")]));
        Assert.Equal((HttpStatusCode.OK, "Ann|1|none|no|7"), (status, body));

        int before = FormCalls.Of(fixture.Port, "values");
        (status, body) = await PostAsync("/forms/values", Form([new("name", "a much longer name"), new("count", "1,5"), new("count", "2")]));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("count", Errors(body).Keys);
        (status, body) = await PostAsync("/forms/values", Form([new("name", "a much longer name"), new("count", "1")]));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["name"], Errors(body).Keys);
        Assert.Equal(before, FormCalls.Of(fixture.Port, "values"));
    }

    [Fact]
    public async Task An_upload_is_saved_under_the_root_by_its_checked_name()
    {
        (HttpStatusCode status, string body) = await PostAsync("/forms/upload", Upload("notes-" + Guid.NewGuid().ToString("N") + ".txt", "hello"));
        Assert.True(status == HttpStatusCode.OK, body);
        string[] parts = body.Split('|');
        Assert.StartsWith(Path.GetFullPath(fixture.Root) + Path.DirectorySeparatorChar, parts[1], StringComparison.Ordinal);
        Assert.Equal("hello", await File.ReadAllTextAsync(parts[1], TestContext.Current.CancellationToken));
        Assert.Equal("a caption", parts[2]);
    }

    [Theory]
    [InlineData("../../etc/passwd.txt")]
    [InlineData("..\\..\\outside.txt")]
    [InlineData("/etc/passwd.txt")]
    [InlineData("sub/../../outside.txt")]
    [InlineData("evil.txt\u0000.png")]
    [InlineData("notes.exe")]
    public async Task Upload_names_that_leave_the_root_or_break_the_rules_are_refused(string name)
    {
        int before = FormCalls.Of(fixture.Port, "upload");
        (HttpStatusCode status, string body) = await PostAsync("/forms/upload", Upload(name, "pwned"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        // A NUL in a part header makes the multipart body malformed: refused before any field is bound.
        string[] expected = name.Contains('\0', StringComparison.Ordinal) ? [] : ["file"];
        Assert.Equal(expected, body.Contains("\"errors\"", StringComparison.Ordinal) ? Errors(body).Keys.ToArray() : []);
        Assert.DoesNotContain("passwd", body, StringComparison.Ordinal);
        Assert.Equal(before, FormCalls.Of(fixture.Port, "upload"));
    }

    [Theory]
    [InlineData("..%2F..%2Fetc%2Fpasswd.txt")]
    [InlineData("%2E%2E%2Foutside.txt")]
    [InlineData("..%5Coutside.txt")]
    [InlineData("%EF%BC%8E%EF%BC%8E%EF%BC%8Foutside.txt")]
    public async Task Percent_encoded_names_in_filename_star_are_decoded_then_refused(string encoded)
    {
        using var content = new MultipartFormDataContent("b0undary");
        content.Add(new StringContent("a caption"), "caption");
        var file = new ByteArrayContent("pwned"u8.ToArray());
        file.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"file\"; filename*=UTF-8''" + encoded);
        content.Add(file);
        int before = FormCalls.Of(fixture.Port, "upload");
        (HttpStatusCode status, string body) = await PostAsync("/forms/upload", content);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["file"], Errors(body).Keys);
        Assert.Equal(before, FormCalls.Of(fixture.Port, "upload"));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(fixture.Root)!, "outside.txt")));
    }

    [Fact]
    public async Task A_declared_body_cap_above_the_server_wide_limit_lets_a_larger_form_in()
    {
        // Without the endpoint raising the server's limit for its request, Kestrel would refuse this past 1 MiB. (Past the
        // declared cap the refusal is the same code path as the small "body" case above; sending megabytes the server
        // refuses unread only races the client's writes against the connection close.)
        using var client = new HttpClient { BaseAddress = Client.BaseAddress };
        (HttpStatusCode status, string body) = await PostAsync("/forms/large", Form([new("text", new string('a', 1_200_000))]), via: client);
        Assert.Equal((HttpStatusCode.OK, "1200000"), (status, body));
    }

    [Fact]
    public async Task A_file_over_the_file_cap_is_a_413_naming_the_field()
    {
        (HttpStatusCode status, string body) = await PostAsync("/forms/upload", Upload("big.txt", new string('x', 2000)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("'file'", body, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(fixture.Root, "big.txt")));
    }

    private static MultipartFormDataContent Upload(string name, string text)
    {
        var content = new MultipartFormDataContent { { new StringContent("a caption"), "caption" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        // Written by hand: HttpClient would quote or encode the name, and the attack is the raw name.
        file.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"file\"; filename=\"" + name.Replace("\\", "\\\\") + "\"");
        content.Add(file);
        return content;
    }

    private static FormUrlEncodedContent Form(KeyValuePair<string, string>[] fields, params (string Name, string Value)[] extra)
        => new(fields.Concat(extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value))));

    private static ByteArrayContent Raw(string text, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static Dictionary<string, JsonElement> Errors(string problem)
        => JsonDocument.Parse(problem).RootElement.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);

    /// <summary>A POST as the app's own page sends it (its origin), optionally with a cookie, a header token, Sec-Fetch-Site.</summary>
    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, HttpContent content, string? cookie = null, string? headerToken = null,
        string? fetchSite = null, HttpClient? via = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Origin", Client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (headerToken is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", headerToken);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        using HttpResponseMessage response = await (via ?? Client).SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private async Task<(string Token, string Cookie)> SessionAsync()
    {
        var jar = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = jar }) { BaseAddress = Client.BaseAddress };
        string text = await client.GetStringAsync("/bastion/csrf-token", TestContext.Current.CancellationToken);
        JsonElement json = JsonDocument.Parse(text).RootElement;
        Assert.Equal("__bastion_csrf", json.GetProperty("fieldName").GetString());
        return (json.GetProperty("token").GetString()!, jar.GetCookieHeader(Client.BaseAddress!));
    }
}
