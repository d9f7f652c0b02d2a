using Bastion.Testing;
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Bastion.IntegrationTests.Toolchain;

/// <summary>
/// The `dotnet new bastion-api` template, as templates/README.md tells a user to use it (<see cref="DocumentedApp"/>):
/// installed from this checkout into a hive of its own, created against the packed package with --feed, built with
/// warnings as errors, run over plain HTTP in Development, sent the page's requests, published with NativeAOT and run
/// again; then the review folder it wrote passes a CI build's check.
/// </summary>
[Collection(nameof(SerialToolchainRuns))]
public sealed class TemplateTests
{
    private static readonly string Root = RepositoryRoot.Find();

    [Fact]
    public Task The_template_creates_an_api_that_runs_as_documented_and_publishes_with_NativeAOT()
        => DocumentedApp.InTemporaryFolderAsync("bastion-template-", async (app, work) =>
        {
            await app.FollowAsync(File.ReadAllText(Path.Combine(Root, "templates", "README.md")));
            Assert.True(app.CheckedRequests >= 10, $"{app.CheckedRequests} requests checked\n{app.Log}");
            Assert.True(app.Published, app.Log.ToString());

            string project = Path.Combine(work, "TodoApi");
            Assert.True(File.Exists(Path.Combine(project, "TodoApi.csproj")), "sourceName renames the project file");
            PackedPackages.Packed packed = await PackedPackages.GetAsync();
            Assert.Contains(packed.Feed, File.ReadAllText(Path.Combine(project, "nuget.config")), StringComparison.Ordinal);
            Assert.Contains("| TodoEndpoints.Create |", File.ReadAllText(Path.Combine(project, "security-review", "SECURITY-MANIFEST.md")), StringComparison.Ordinal);

            // The review folder the developer's builds wrote is what a CI build expects.
            (int exit, string output) = await ProcessRunner.RunAsync("dotnet", ["build", "-p:TreatWarningsAsErrors=true"], project,
                PackedPackages.BuildTimeout, new Dictionary<string, string?> { ["CI"] = "true" });
            Assert.True(exit == 0, output);
            Assert.Contains("is up to date", output, StringComparison.Ordinal);
        });

    [Fact]
    public async Task Without_a_feed_the_template_writes_no_nuget_config()
    {
        string work = Directory.CreateTempSubdirectory("bastion-template-nofeed-").FullName;
        try
        {
            string hive = Path.Combine(work, ".hive");
            (int exit, string output) = await ProcessRunner.RunAsync("dotnet",
                ["new", "install", Path.Combine(Root, "templates", "bastion-api"), "--debug:custom-hive", hive], work, PackedPackages.BuildTimeout);
            Assert.True(exit == 0, output);
            (exit, output) = await ProcessRunner.RunAsync("dotnet",
                ["new", "bastion-api", "-o", "Plain", "--debug:custom-hive", hive], work, PackedPackages.BuildTimeout);
            Assert.True(exit == 0, output);

            string project = Path.Combine(work, "Plain");
            Assert.False(File.Exists(Path.Combine(project, "nuget.config")));
            string csproj = File.ReadAllText(Path.Combine(project, "Plain.csproj"));
            Assert.Contains("<PackageReference Include=\"Bastion\" Version=\"0.1.0\" />", csproj, StringComparison.Ordinal);
            Assert.Contains("namespace Plain;", File.ReadAllText(Path.Combine(project, "Todos.cs")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
