using Bastion.Testing;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Bastion.IntegrationTests.Toolchain;

/// <summary>
/// Docs that run: docs/getting-started.md and the README's tour are followed as written (<see cref="DocumentedApp"/>)
/// in a new `dotnet new web` app against the packed package, over plain HTTP in Development; the getting-started app is
/// then published with NativeAOT, warnings as errors, and its native binary answers the same requests.
/// </summary>
[Collection(nameof(SerialToolchainRuns))]
public sealed class GettingStartedTests
{
    private static readonly string Root = RepositoryRoot.Find();

    [Fact]
    public Task Getting_started_runs_as_written_and_publishes_with_NativeAOT()
        => DocumentedApp.InTemporaryFolderAsync("bastion-getting-started-", async (app, _) =>
        {
            await app.FollowAsync(File.ReadAllText(Path.Combine(Root, "docs", "getting-started.md")));
            Assert.True(app.CheckedRequests >= 12, $"{app.CheckedRequests} requests checked\n{app.Log}");
            Assert.True(app.Published, app.Log.ToString());
        });

    [Fact]
    public Task Readme_tour_runs_as_written()
        => DocumentedApp.InTemporaryFolderAsync("bastion-readme-tour-", async (app, _) =>
        {
            // The tour is one complete Program.cs for an app created as getting-started creates it.
            await app.FollowAsync(DocumentedApp.Section(File.ReadAllText(Path.Combine(Root, "docs", "getting-started.md")), "## 2. Create the app"));
            await app.FollowAsync(DocumentedApp.Section(File.ReadAllText(Path.Combine(Root, "README.md")), "## The 30-second tour"));
            Assert.True(app.CheckedRequests >= 2, $"{app.CheckedRequests} requests checked\n{app.Log}");
        });
}
