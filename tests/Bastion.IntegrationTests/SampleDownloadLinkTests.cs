using Bastion.Testing;
using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Bastion.Samples.Api;
using Xunit;

namespace Bastion.IntegrationTests;

/// <summary>
/// The sample's download endpoint over HTTP with an uploads root in a temp folder that holds a symbolic link
/// and a hard link to a secret file outside it.
/// </summary>
public sealed class SampleDownloadLinkTests : IAsyncLifetime
{
    private const string Secret = "top-secret-outside-the-root";
    private readonly string _base = Directory.CreateTempSubdirectory("bastion-links-").FullName;
    private KestrelHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        string uploads = Directory.CreateDirectory(Path.Combine(_base, "uploads")).FullName;
        string secret = Path.Combine(_base, "secret.txt");
        File.WriteAllText(secret, Secret);
        File.WriteAllText(Path.Combine(uploads, "plain.txt"), "an ordinary upload");
        File.CreateSymbolicLink(Path.Combine(uploads, "symlink.txt"), secret);
        Directory.CreateSymbolicLink(Path.Combine(uploads, "escape"), _base);
        using (Process ln = Process.Start("ln", [secret, Path.Combine(uploads, "hardlink.txt")]))
        {
            Assert.True(ln.WaitForExit(10_000));
            Assert.Equal(0, ln.ExitCode);
        }

        _host = await KestrelHost.StartAsync(SampleApp.Build([
            "--ConnectionStrings:Comments=Data Source=:memory:", "--Uploads:Root=" + uploads,
            "--contentRoot=" + Path.Combine(RepositoryRoot.Find(), "samples", "Bastion.Samples.Api")]));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_base, recursive: true);
    }

    [Theory]
    [InlineData("/api/files/symlink.txt")]
    [InlineData("/api/files/hardlink.txt")]
    [InlineData("/api/files/escape/secret.txt")]
    public async Task Links_to_a_file_outside_the_root_are_refused(string path)
    {
        (int status, string body) = await RawHttp.GetAsync(_host.Client.BaseAddress!, path, TestContext.Current.CancellationToken);
        Assert.Equal(400, status);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(_base, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ordinary_file_in_the_same_root_is_served()
    {
        (int status, string body) = await RawHttp.GetAsync(_host.Client.BaseAddress!, "/api/files/plain.txt", TestContext.Current.CancellationToken);
        Assert.Equal(200, status);
        Assert.Contains("an ordinary upload", body, StringComparison.Ordinal);
    }
}
