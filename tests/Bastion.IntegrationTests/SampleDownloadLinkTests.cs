using Bastion.Testing;
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;
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
        Tool.Run("ln", secret, Path.Combine(uploads, "hardlink.txt"));

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

    /// <summary>
    /// For a bounded 3 seconds the upload is swapped (rename over it, so the name never goes missing) between an
    /// ordinary file and a symbolic link to the secret, while two clients download it: the secret is never sent, and
    /// every answer is a download, a 400 or a 404, never a 500.
    /// </summary>
    [Fact]
    public async Task A_link_swapped_in_during_downloads_is_never_served()
    {
        string uploads = Path.Combine(_base, "uploads");
        string swapped = Path.Combine(uploads, "swapped.txt");
        string staging = Path.Combine(uploads, "staging.tmp");
        File.WriteAllText(swapped, "an ordinary upload");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var statuses = new ConcurrentBag<int>();
        int leaks = 0;

        Task swapper = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                File.CreateSymbolicLink(staging, Path.Combine(_base, "secret.txt"));
                File.Move(staging, swapped, overwrite: true);
                File.WriteAllText(staging, "an ordinary upload");
                File.Move(staging, swapped, overwrite: true);
            }
        });

        async Task Download()
        {
            while (!stop.IsCancellationRequested)
            {
                (int status, string body) = await RawHttp.GetAsync(_host.Client.BaseAddress!, "/api/files/swapped.txt", CancellationToken.None);
                statuses.Add(status);
                if (body.Contains(Secret, StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref leaks);
                }
            }
        }

        await Task.WhenAll(Download(), Download(), swapper);
        Assert.Equal(0, leaks);
        Assert.All(statuses, status => Assert.True(status is 200 or 400 or 404, $"status {status}"));
        Assert.Contains(200, statuses);
    }
}
