using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Bastion.IntegrationTests;

/// <summary>
/// [SafePath] members of a JSON request record (top level, optional, inside a list) over real HTTP: hostile
/// paths are refused with 400 keyed by JSON path before the handler runs; legitimate ones arrive resolved
/// inside the root, and writing the value back to JSON shows only the relative path.
/// </summary>
public sealed class BodyPathTests : IAsyncLifetime
{
    private readonly string _files = Directory.CreateTempSubdirectory("bastion-body-paths-").FullName;
    private KestrelHost _host = null!;

    private string Root => Path.Combine(_files, "root");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Root, "docs"));
        File.WriteAllText(Path.Combine(Root, "docs", "a.txt"), "inside");
        File.WriteAllText(Path.Combine(Root, "b.txt"), "also inside");
        File.WriteAllText(Path.Combine(_files, "secret.txt"), "outside");
        File.CreateSymbolicLink(Path.Combine(Root, "link.txt"), Path.Combine(_files, "secret.txt"));
        Environment.SetEnvironmentVariable("BASTION_TEST_FILES_ROOT", Root);
        _host = await KestrelHost.StartTestApiAsync(Root);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_files, recursive: true);
    }

    [Fact]
    public async Task Legitimate_paths_arrive_resolved_inside_the_root_and_echo_as_relative_paths()
    {
        int before = TestEndpoints.ShareCalls;
        HttpResponseMessage response = await Post("""{"title":"t","file":"docs/a.txt","preview":"docs//a.txt","attachments":[{"path":"b.txt"}]}""");
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        JsonElement result = JsonDocument.Parse(body).RootElement;
        Assert.Equal("docs/a.txt", result.GetProperty("file").GetString());
        Assert.Equal("inside", result.GetProperty("content").GetString());
        Assert.True(result.GetProperty("insideRoot").GetBoolean());
        Assert.Equal(1, result.GetProperty("attachments").GetInt32());
        Assert.DoesNotContain(_files, body, StringComparison.Ordinal);
        Assert.Equal(before + 1, TestEndpoints.ShareCalls);
    }

    [Theory]
    [InlineData("""{"title":"t","file":"../secret.txt"}""", "file")]
    [InlineData("""{"title":"t","file":"/etc/passwd"}""", "file")]
    [InlineData("""{"title":"t","file":"..\\secret.txt"}""", "file")]
    [InlineData("""{"title":"t","file":"%2e%2e%2fsecret.txt"}""", "file")]
    [InlineData("""{"title":"t","file":"docs/a.txt\u0000.pdf"}""", "file")]
    [InlineData("""{"title":"t","file":"link.txt"}""", "file")]
    [InlineData("""{"title":"t","file":"docs/missing.txt"}""", "file")]
    [InlineData("""{"title":"t","file":"docs/a.exe"}""", "file")]
    [InlineData("""{"title":"t"}""", "file")]
    [InlineData("""{"title":"t","file":"docs/a.txt","preview":"../../etc/passwd"}""", "preview")]
    [InlineData("""{"title":"t","file":"docs/a.txt","attachments":[{"path":"b.txt"},{"path":"docs/a.txt"}]}""", "attachments[1].path")]
    [InlineData("""{"title":"t","file":"docs/a.txt","attachments":[{"path":"\uFF0E\uFF0E/secret.txt"}]}""", "attachments[0].path")]
    public async Task Hostile_paths_are_refused_by_json_path_before_the_handler_runs(string json, string key)
    {
        int before = TestEndpoints.ShareCalls;
        HttpResponseMessage response = await Post(json);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(key, out _), body);
        Assert.Equal(before, TestEndpoints.ShareCalls);
        Assert.DoesNotContain(_files, body, StringComparison.Ordinal);
        Assert.DoesNotContain("passwd", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_that_is_not_a_json_string_is_a_plain_400()
    {
        HttpResponseMessage response = await Post("""{"title":"t","file":{"fullPath":"/etc/passwd"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void A_value_read_from_json_cannot_be_used_before_it_is_resolved()
    {
        ShareRequest raw = JsonSerializer.Deserialize("""{"title":"t","file":"../secret.txt"}""", TestJsonContext.Default.ShareRequest)!;
        Assert.False(raw.File.IsResolved);
        Assert.Throws<InvalidOperationException>(() => raw.File.FullPath);
        Assert.DoesNotContain("secret", raw.File.ToString(), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> Post(string json)
        => _host.Client.PostAsync("/t/share", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
}
