using Bastion.Testing;
using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Bastion.IntegrationTests;

/// <summary>
/// The sample commits its security manifest and generated sources (BastionReviewFolder, docs/review.md): its build
/// writes them, or on CI checks them and fails with BAS0001 when stale. This test checks the build's copy of the
/// manifest against the constant compiled into the sample, so the Markdown the build reads back from the generated
/// C# literals is exactly the text the generator made.
/// </summary>
public sealed class CommittedArtifactTests
{
    private static readonly string SampleFolder = Path.Combine(RepositoryRoot.Find(), "samples", "Bastion.Samples.Api");

    [Fact]
    public void Security_manifest_matches_the_committed_copy()
    {
        Type manifest = typeof(Bastion.Samples.Api.SampleApp).Assembly.GetType("Bastion.Generated.BastionSecurityManifest", throwOnError: true)!;
        string current = (string)manifest.GetField("Markdown")!.GetRawConstantValue()!;
        Compare(Path.Combine(SampleFolder, "SECURITY-MANIFEST.md"), current);
        Assert.Contains("| POST | /api/comments |", current, StringComparison.Ordinal);
    }

    private static void Compare(string committedPath, string current)
    {
        current = current.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        Assert.True(File.Exists(committedPath), $"{committedPath} is missing; build the sample (dotnet build samples/Bastion.Samples.Api) and commit it.");
        string committed = File.ReadAllText(committedPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(committed == current, $"{committedPath} differs from the manifest compiled into the sample: build the sample, review the diff and commit it.");
    }
}
