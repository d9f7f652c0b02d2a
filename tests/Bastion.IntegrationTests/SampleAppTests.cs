using Bastion.Testing;
using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Bastion.Samples.Api;
using Xunit;

namespace Bastion.IntegrationTests;

/// <summary>The sample app itself on Kestrel with a throwaway SQLite file.</summary>
public sealed class SampleAppTests : IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), "bastion-sample-" + Guid.NewGuid().ToString("N") + ".db");
    private KestrelHost _host = null!;

    public async ValueTask InitializeAsync()
        => _host = await KestrelHost.StartAsync(SampleApp.Build(["--ConnectionStrings:Comments=Data Source=" + _database + ";Pooling=False", "--environment=Development", "--contentRoot=" + Path.Combine(RepositoryRoot.Find(), "samples", "Bastion.Samples.Api")]));

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        File.Delete(_database);
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
        Assert.Equal("Nice post", stored.GetProperty("content").GetString());
        Assert.Equal("<a>me</a>", stored.GetProperty("signature").GetString());

        string list = await _host.Client.GetStringAsync("/api/comments?order=oldest&take=10", ct);
        Assert.DoesNotContain("onerror", list, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", list, StringComparison.OrdinalIgnoreCase);
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
