using Bastion.Testing;
using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Bastion.IntegrationTests;

/// <summary>
/// The sample commits its security manifest and generated sources so pull requests show protection
/// changes as diffs. These tests fail when the committed copies are stale; run them with
/// BASTION_ACCEPT=1 to refresh the copies.
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

    [Fact]
    public void Generated_sources_match_the_committed_copies()
    {
        // The sample was built in the same configuration as this test assembly (it is a project reference).
        string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        string generatedRoot = Path.Combine(SampleFolder, "obj", configuration);
        string[] emitted = Directory.GetFiles(generatedRoot, "*.g.cs", SearchOption.AllDirectories)
            .Where(f => f.Contains(Path.Combine("generated", "Bastion.Generators"), StringComparison.Ordinal))
            .ToArray();
        Assert.NotEmpty(emitted);
        string committedFolder = Path.Combine(SampleFolder, "Generated");
        foreach (string file in emitted)
        {
            Compare(Path.Combine(committedFolder, Path.GetFileName(file)), File.ReadAllText(file));
        }

        string[] committed = Directory.Exists(committedFolder) ? Directory.GetFiles(committedFolder).Select(f => Path.GetFileName(f)).ToArray() : [];
        string[] stale = committed.Except(emitted.Select(f => Path.GetFileName(f))).ToArray();
        Assert.True(stale.Length == 0, "committed generated files no longer produced: " + string.Join(", ", stale));
    }

    private static void Compare(string committedPath, string current)
    {
        current = current.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        if (Environment.GetEnvironmentVariable("BASTION_ACCEPT") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(committedPath)!);
            File.WriteAllText(committedPath, current);
            return;
        }

        Assert.True(File.Exists(committedPath), $"{committedPath} is missing; run the tests with BASTION_ACCEPT=1 and commit it.");
        string committed = File.ReadAllText(committedPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(committed == current, $"{committedPath} is stale: the generator now produces different text. Run the tests with BASTION_ACCEPT=1, review the diff and commit it.");
    }
}
