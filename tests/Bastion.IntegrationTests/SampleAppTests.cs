using Bastion.Testing;
using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Bastion.IntegrationTests.Csrf;
using Bastion.Samples.Api;
using Xunit;

namespace Bastion.IntegrationTests;

/// <summary>The sample app itself on Kestrel with a throwaway SQLite file.</summary>
public sealed class SampleAppTests : IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), "bastion-sample-" + Guid.NewGuid().ToString("N") + ".db");
    private KestrelHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await KestrelHost.StartAsync(SampleApp.Build(["--ConnectionStrings:Comments=Data Source=" + _database + ";Pooling=False", "--environment=Development", "--contentRoot=" + Path.Combine(RepositoryRoot.Find(), "samples", "Bastion.Samples.Api")]));
        _host.Client.ActAsOwnPage();
    }

    [Fact]
    public async Task Cross_origin_posts_are_refused_and_the_default_mode_needs_no_token()
    {
        var ct = TestContext.Current.CancellationToken;
        using var stranger = new HttpClient { BaseAddress = _host.Client.BaseAddress };
        foreach ((string name, string value) in new[] { ("Origin", "http://evil.example"), ("Sec-Fetch-Site", "cross-site"), ("Origin", "null") })
        {
            var forged = new HttpRequestMessage(HttpMethod.Post, "/api/comments") { Content = new StringContent("{\"content\":\"forged\"}", Encoding.UTF8, "application/json") };
            forged.Headers.Add(name, value);
            using HttpResponseMessage refused = await stranger.SendAsync(forged, ct);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{name}: {value} gave {(int)refused.StatusCode}");
        }

        Assert.Equal("[]", await _host.Client.GetStringAsync("/api/comments", ct));

        // The tokenless default: the sample maps no token endpoint, and its own page (or a non-browser client, which
        // sends neither Sec-Fetch-Site nor Origin) posts without one.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/bastion/csrf-token", ct)).StatusCode);
        var ownPage = new HttpRequestMessage(HttpMethod.Post, "/api/comments") { Content = new StringContent("{\"content\":\"from the page\"}", Encoding.UTF8, "application/json") };
        ownPage.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.Created, (await stranger.SendAsync(ownPage, ct)).StatusCode);
        var curl = new HttpRequestMessage(HttpMethod.Post, "/api/comments") { Content = new StringContent("{\"content\":\"from curl\"}", Encoding.UTF8, "application/json") };
        Assert.Equal(HttpStatusCode.Created, (await stranger.SendAsync(curl, ct)).StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        File.Delete(_database);
    }

    [Fact]
    public async Task The_page_carries_the_compiled_policy_and_violation_reports_are_accepted()
    {
        var ct = TestContext.Current.CancellationToken;
        using HttpResponseMessage page = await _host.Client.GetAsync("/", ct);
        Assert.Equal("default-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; report-uri /bastion/csp-report",
            string.Join(",", page.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("DENY", string.Join(",", page.Headers.GetValues("X-Frame-Options")));
        using HttpResponseMessage report = await _host.Client.PostAsync("/bastion/csp-report", new StringContent(
            """{"csp-report":{"document-uri":"http://127.0.0.1/","effective-directive":"script-src-elem","blocked-uri":"inline"}}""", Encoding.UTF8, "application/csp-report"), ct);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, report.StatusCode);
    }

    [Fact]
    public async Task A_comment_with_a_payload_is_stored_sanitized_and_read_back()
    {
        var ct = TestContext.Current.CancellationToken;
        string json = """{"content":"<img src=x onerror=alert(1)>Nice <b>post</b>","signature":"<a href=\"javascript:alert(1)\">me</a>","author":{"name":"Ann"},"tags":[{"name":"news"}],"rating":4}""";
        HttpResponseMessage created = await _host.Client.PostAsync("/api/comments", new StringContent(json, Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        long id = JsonDocument.Parse(await created.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("id").GetInt64();

        JsonElement stored = JsonDocument.Parse(await _host.Client.GetStringAsync($"/api/comments/{id}", ct)).RootElement;
        // HtmlPolicy.Text: markup is encoded, so a page shows what was typed and nothing runs.
        Assert.Equal("&lt;img src=x onerror=alert(1)&gt;Nice &lt;b&gt;post&lt;/b&gt;", stored.GetProperty("content").GetString());
        Assert.Equal("<a>me</a>", stored.GetProperty("signature").GetString());

        string list = await _host.Client.GetStringAsync("/api/comments?order=oldest&take=10", ct);
        Assert.DoesNotContain("<img", list, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", list, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Concurrent_writes_all_succeed_instead_of_meeting_a_locked_database()
    {
        // The sample as it runs by default: pooled connections to a database file (the other tests turn pooling off).
        var ct = TestContext.Current.CancellationToken;
        string database = Path.Combine(Path.GetTempPath(), "bastion-concurrent-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            await using (KestrelHost host = await KestrelHost.StartAsync(SampleApp.Build(["--ConnectionStrings:Comments=Data Source=" + database,
                "--contentRoot=" + Path.Combine(RepositoryRoot.Find(), "samples", "Bastion.Samples.Api")])))
            {
                using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 200 };
                using var client = new HttpClient(handler) { BaseAddress = host.Client.BaseAddress };
                for (int round = 0; round < 5; round++)
                {
                    HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 400).Select(i =>
                        client.PostAsync("/api/comments", new StringContent($$"""{"content":"concurrent {{round}}.{{i}}"}""", Encoding.UTF8, "application/json"), ct)));
                    int[] statuses = responses.Select(r => (int)r.StatusCode).ToArray();
                    foreach (HttpResponseMessage response in responses)
                    {
                        response.Dispose();
                    }

                    Assert.True(statuses.All(s => s == 201), "statuses: " + string.Join(",", statuses.GroupBy(s => s).Select(g => $"{g.Key}x{g.Count()}")));
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (string file in Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileName(database) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task Invalid_comments_never_reach_the_database()
    {
        var ct = TestContext.Current.CancellationToken;
        HttpResponseMessage rejected = await _host.Client.PostAsync("/api/comments",
            new StringContent("""{"content":"","author":{"name":"<i>x</i>"},"rating":0}""", Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        string errors = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("errors").ToString();
        Assert.Contains("\"content\"", errors, StringComparison.Ordinal);
        Assert.Contains("\"author.name\"", errors, StringComparison.Ordinal);
        Assert.Contains("\"rating\"", errors, StringComparison.Ordinal);
        Assert.Equal("[]", await _host.Client.GetStringAsync("/api/comments", ct));
    }

    /// <summary>
    /// The author's name is a Reject field: character references in every spelling a later decoding or normalizing
    /// layer could turn into markup are refused over HTTP (400 naming the field, nothing stored), wherever they fall in
    /// the scan's blocks (32 characters, 16 on ARM64); ordinary names with a bare ampersand or other scripts are stored
    /// as typed.
    /// </summary>
    [Theory]
    [InlineData("&lt;script&gt;", false)]
    [InlineData("Ann &#60;b", false)]
    [InlineData("Ann &#x3C;", false)]
    [InlineData("Ann \uFF06lt\uFF1B", false)] // fullwidth ampersand and semicolon
    [InlineData("Ann &\uFF4C\uFF54;", false)] // fullwidth "lt"
    [InlineData("Ann &lt\uFE54", false)] // small semicolon
    [InlineData("Ann \u226Eb", false)] // NFD: '<' + U+0338
    [InlineData("Annabel Lee-Smi&lt;", false)]
    // The scan starts at the first character other than plain ASCII (here the bare ampersand or the 'ë', index 2), so
    // these references cross from its first 16-character block into the second, and from its first 32-character block.
    [InlineData("AT&T Annabel Lee&lt;", false)]
    [InlineData("AT&T Annabel Lee-Smith and partn&lt;", false)]
    [InlineData("Zo\u00EB Lee-Smith und Partner GmbH K\uFF06lt\uFF1B", false)] // in a block with non-ASCII characters
    [InlineData("Annabel Lee-Smith &amp; partners", false)]
    [InlineData("Tom & Jerry", true)]
    [InlineData("Zo\u00EB \u4E2D\u6587 & Co; Ltd", true)]
    [InlineData("AT&T", true)]
    public async Task Author_names_with_character_references_are_refused_and_plain_names_stored(string escapedName, bool stored)
    {
        var ct = TestContext.Current.CancellationToken;
        string name = System.Text.RegularExpressions.Regex.Unescape(escapedName);
        string json = $$"""{"content":"hello","author":{"name":{{JsonSerializer.Serialize(name)}}},"rating":3}""";
        HttpResponseMessage response = await _host.Client.PostAsync("/api/comments", new StringContent(json, Encoding.UTF8, "application/json"), ct);
        string body = await response.Content.ReadAsStringAsync(ct);
        if (stored)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(name, JsonDocument.Parse(body).RootElement.GetProperty("authorName").GetString());
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("\"author.name\"", JsonDocument.Parse(body).RootElement.GetProperty("errors").ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(name, await _host.Client.GetStringAsync("/api/comments", ct), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/api/files/welcome.txt", "Welcome to the Bastion sample")]
    [InlineData("/api/files/guides/downloads.txt", "Files under uploads/")]
    [InlineData("/api/files/guides%2Fdownloads.txt", null)]
    public async Task Files_inside_the_uploads_root_are_served(string path, string? expected)
    {
        (int status, string body) = await RawHttp.GetAsync(_host.Client.BaseAddress!, path, TestContext.Current.CancellationToken);
        if (expected is null)
        {
            Assert.Equal(400, status); // an encoded separator is refused, not decoded a second time
            return;
        }

        Assert.Equal(200, status);
        Assert.Contains(expected, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/files/../appsettings.json")]
    [InlineData("/api/files/..%2fappsettings.json")]
    [InlineData("/api/files/..%2Fappsettings.json")]
    [InlineData("/api/files/%2e%2e/appsettings.json")]
    [InlineData("/api/files/%2e%2e%2fappsettings.json")]
    [InlineData("/api/files/..%5cappsettings.json")]
    [InlineData("/api/files/..\\appsettings.json")]
    [InlineData("/api/files/%252e%252e%252fappsettings.json")]
    [InlineData("/api/files/guides/../../appsettings.json")]
    [InlineData("/api/files/guides/..%2f..%2fappsettings.json")]
    [InlineData("/api/files/%c0%ae%c0%ae/appsettings.json")]
    [InlineData("/api/files/%ef%bc%8e%ef%bc%8e%ef%bc%8fappsettings.json")]
    [InlineData("/api/files//etc/passwd")]
    [InlineData("/api/files/%2fetc%2fpasswd")]
    [InlineData("/api/files/C:%5cWindows%5cwin.ini")]
    [InlineData("/api/files/welcome.txt%00.pdf")]
    [InlineData("/api/files/welcome.txt::$DATA")]
    [InlineData("/api/files/CON")]
    [InlineData("/api/files/con.txt")]
    [InlineData("/api/files/welcome.txt.")]
    [InlineData("/api/files/appsettings.json")]
    [InlineData("/api/files/../../../../etc/passwd")]
    [InlineData("/api/files/missing.txt")]
    [InlineData("/api/files/guides")]
    [InlineData("/api/files/")]
    public async Task Hostile_download_paths_never_leave_the_uploads_root(string path)
    {
        (int status, string body) = await RawHttp.GetAsync(_host.Client.BaseAddress!, path, TestContext.Current.CancellationToken);
        Assert.NotEqual(200, status);
        Assert.True(status is 400 or 404, $"status {status}");
        Assert.DoesNotContain("ConnectionStrings", body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.Combine(RepositoryRoot.Find(), "samples"), body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1;id")]
    [InlineData("127.0.0.1%3Bid")]
    [InlineData("127.0.0.1|id")]
    [InlineData("127.0.0.1%26%26id")]
    [InlineData("%24(id)")]
    [InlineData("%60id%60")]
    [InlineData("127.0.0.1%0Aid")]
    [InlineData("127.0.0.1%00")]
    [InlineData("-oProxyCommand%3Did")]
    [InlineData("--help")]
    [InlineData("-f")]
    [InlineData("127.0.0.1%20-c%20100000")]
    [InlineData("localhost%2F..%2F")]
    [InlineData("")]
    public async Task The_ping_diagnostic_refuses_injection_before_any_process_starts(string host)
    {
        (int status, string body) = await RawHttp.GetAsync(_host.Client.BaseAddress!, "/api/diagnostics/ping?host=" + host, TestContext.Current.CancellationToken);
        Assert.Equal(400, status);
        Assert.Contains("\"host\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", body, StringComparison.Ordinal);
        Assert.DoesNotContain("uid=", body, StringComparison.Ordinal);
        Assert.DoesNotContain("PING", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ping_diagnostic_pings_the_loopback_address()
    {
        Assert.SkipWhen(!File.Exists("/usr/bin/ping"), "/usr/bin/ping is not installed (Debian package iputils-ping; .ci/run installs it)");
        JsonElement report = JsonDocument.Parse(await _host.Client.GetStringAsync("/api/diagnostics/ping?host=127.0.0.1", TestContext.Current.CancellationToken)).RootElement;
        Assert.True(report.GetProperty("reachable").GetBoolean(), report.ToString());
        Assert.Contains("1 packets transmitted", report.GetProperty("output").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string> HostileTable() => new(HostilePaths.All());

    /// <summary>The resolver's whole hostile table over HTTP: each segment percent-encoded once, so routing hands the resolver exactly the table's string.</summary>
    [Theory]
    [MemberData(nameof(HostileTable))]
    public async Task The_hostile_path_table_is_refused_over_http(string input)
    {
        string encoded = string.Join("/", input.Split('/').Select(Uri.EscapeDataString));
        (int status, string body) = await RawHttp.GetAsync(_host.Client.BaseAddress!, "/api/files/" + encoded, TestContext.Current.CancellationToken);
        Assert.True(status is 400 or 404, $"status {status} for {encoded}");
        Assert.DoesNotContain("ConnectionStrings", body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_and_the_openapi_description_are_served()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Contains("<title>Bastion sample", await _host.Client.GetStringAsync("/", ct), StringComparison.Ordinal);
        JsonElement openApi = JsonDocument.Parse(await _host.Client.GetStringAsync("/openapi/v1.json", ct)).RootElement;
        JsonElement post = openApi.GetProperty("paths").GetProperty("/api/comments").GetProperty("post");
        Assert.Contains("CreateComment", post.GetProperty("requestBody").ToString(), StringComparison.Ordinal);
        JsonElement responses = post.GetProperty("responses");
        foreach (string status in new[] { "201", "400", "413", "415" })
        {
            Assert.True(responses.TryGetProperty(status, out _), $"OpenAPI lacks {status}: {responses}");
        }

        Assert.True(openApi.GetProperty("paths").GetProperty("/api/comments/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));

        string[] listParameters = Parameters(openApi, "/api/comments", "get");
        Assert.Contains("order in query", listParameters);
        Assert.Contains("take in query", listParameters);
        Assert.DoesNotContain(listParameters, p => p.StartsWith("db ", StringComparison.Ordinal));
        Assert.Contains("id in path", Parameters(openApi, "/api/comments/{id}", "get"));
    }

    private static string[] Parameters(JsonElement openApi, string path, string verb)
        => openApi.GetProperty("paths").GetProperty(path).GetProperty(verb).GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString() + " in " + p.GetProperty("in").GetString())
            .ToArray();
}
