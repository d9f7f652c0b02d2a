using Bastion.Testing;
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Bastion.IntegrationTests.Toolchain;

/// <summary>
/// The packages as a user gets them: Bastion and Bastion.Jwt packed once per test run into a temporary local feed,
/// with a version of their own (so NuGet's global cache never serves a copy packed from older sources). The feed and
/// the cached copies are deleted when the test process ends.
/// </summary>
public static class PackedPackages
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Packed? s_packed;

    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(8);

    /// <summary>A local feed holding the packed packages, and their version.</summary>
    public sealed record Packed(string Feed, string Version);

    public static async Task<Packed> GetAsync()
    {
        await Gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (s_packed is not null)
            {
                return s_packed;
            }

            string root = RepositoryRoot.Find();
            string feed = Directory.CreateTempSubdirectory("bastion-feed-").FullName;
            string version = "0.1.0-test." + Guid.NewGuid().ToString("N")[..12];
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Clean(feed, version);
            foreach (string project in new[] { "src/Bastion/Bastion.csproj", "src/Bastion.Jwt/Bastion.Jwt.csproj" })
            {
                (int exit, string output) = await ProcessRunner.RunAsync("dotnet",
                    ["pack", project, "-c", "Release", "-o", feed, $"-p:Version={version}"], root, BuildTimeout);
                Assert.True(exit == 0, output);
            }

            return s_packed = new Packed(feed, version);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A nuget.config for a consumer folder: the local feed first, nuget.org for everything else.</summary>
    public static void WriteNuGetConfig(string folder, string feed)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="bastion-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
    }

    private static void Clean(string feed, string version)
    {
        try
        {
            Directory.Delete(feed, recursive: true);
            string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            foreach (string id in new List<string> { "bastion", "bastion.jwt" })
            {
                string cached = Path.Combine(cache, id, version);
                if (Directory.Exists(cached))
                {
                    Directory.Delete(cached, recursive: true);
                }
            }
        }
        catch (IOException)
        {
            // Best effort at process exit: a temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
