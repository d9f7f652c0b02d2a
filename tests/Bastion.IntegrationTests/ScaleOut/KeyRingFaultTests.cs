using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Bastion.DataProtection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Bastion.IntegrationTests.ScaleOut;

/// <summary>
/// The key ring unreadable, over real HTTP: an instance that starts with its shared key files corrupted answers a request
/// that needs Data Protection with 503 problem details and Retry-After (not a 500, no internals), and serves again once
/// the folder is repaired, without a restart.
/// </summary>
public sealed class KeyRingFaultTests
{
    private static Task<KestrelHost> StartAsync(string keys)
        => KestrelHost.StartTestApiAsync(Path.GetTempPath(), builder =>
        {
            builder.Configuration["Bastion:DataProtection:Store"] = "FileSystem";
            builder.Configuration["Bastion:DataProtection:FileSystem:Path"] = keys;
            builder.Configuration["Bastion:DataProtection:ApplicationName"] = "key-ring-fault-tests";
            builder.AddBastionDataProtection();
        }, app => app.MapGet("/seal", (IDataProtectionProvider provider) => provider.CreateProtector("fault-tests").Protect("sealed")));

    [Fact]
    public async Task A_corrupted_key_ring_is_a_503_and_a_repaired_one_serves_again()
    {
        string keys = Directory.CreateTempSubdirectory("bastion-keyring-").FullName;
        try
        {
            var ct = TestContext.Current.CancellationToken;
            await using (KestrelHost first = await StartAsync(keys))
            {
                using HttpResponseMessage ok = await first.Client.GetAsync("/seal", ct);
                Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            }

            string[] files = Directory.GetFiles(keys, "*.xml");
            Assert.NotEmpty(files);
            foreach (string file in files)
            {
                await File.WriteAllTextAsync(file, "<key id=", ct); // truncated by a bad copy
            }

            await using KestrelHost second = await StartAsync(keys);
            using (HttpResponseMessage refused = await second.Client.GetAsync("/seal", ct))
            {
                string body = await refused.Content.ReadAsStringAsync(ct);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.NotNull(refused.Headers.RetryAfter);
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
                Assert.Contains("A key store this request needs is unavailable", body, StringComparison.Ordinal);
                Assert.DoesNotContain("Xml", body, StringComparison.Ordinal);
                Assert.DoesNotContain(keys, body, StringComparison.Ordinal);
            }

            // Repaired (the broken files removed): the same instance serves again, bounded at 10 s.
            foreach (string file in files)
            {
                File.Delete(file);
            }

            var clock = Stopwatch.StartNew();
            HttpStatusCode status;
            do
            {
                using HttpResponseMessage again = await second.Client.GetAsync("/seal", ct);
                status = again.StatusCode;
                if (status != HttpStatusCode.OK)
                {
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
                    await Task.Delay(200, ct);
                }
            }
            while (status != HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(10));

            Assert.Equal(HttpStatusCode.OK, status);
        }
        finally
        {
            Directory.Delete(keys, recursive: true);
        }
    }
}
