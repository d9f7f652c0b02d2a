using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Bastion.Analyzers.Tests.Scoring;
using Bastion.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bastion.Analyzers.Tests;

/// <summary>Every rule has a docs page, a release-tracking line, a help link to that page, a family, and an analyzer that reports it.</summary>
public sealed class RulesTests
{
    private static DiagnosticDescriptor[] All() => typeof(Rules).GetFields(BindingFlags.Static | BindingFlags.Public)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor)).Select(f => (DiagnosticDescriptor)f.GetValue(null)!).ToArray();

    [Fact]
    public void Every_rule_has_a_docs_page_a_release_line_a_help_link_and_a_family()
    {
        string root = RepositoryRoot.Find();
        string releases = File.ReadAllText(Path.Combine(root, "src/Bastion.Analyzers/AnalyzerReleases.Unshipped.md"));
        string props = File.ReadAllText(Path.Combine(root, "Directory.Build.props"));
        Assert.Contains("<RepositoryUrl>" + RepositoryInfo.Url + "</RepositoryUrl>", props, StringComparison.Ordinal);
        foreach (DiagnosticDescriptor rule in All())
        {
            Assert.True(File.Exists(Path.Combine(root, "docs/rules", rule.Id + ".md")), $"docs/rules/{rule.Id}.md is missing");
            Assert.Contains(rule.Id + " ", releases, StringComparison.Ordinal);
            Assert.Equal(RepositoryInfo.Url + "/blob/" + RepositoryInfo.Branch + "/docs/rules/" + rule.Id + ".md", rule.HelpLinkUri);
            Assert.NotEmpty(Rules.Family(rule.Id));
            Assert.Contains(SecurityTool.Bastion.Analyzers, a => a.SupportedDiagnostics.Contains(rule));
        }
    }

    [Fact]
    public void The_generator_no_longer_reports_the_moved_rules()
    {
        string releases = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "src/Bastion.Generators/AnalyzerReleases.Unshipped.md"));
        foreach (DiagnosticDescriptor rule in All())
        {
            Assert.DoesNotContain(rule.Id + " ", releases, StringComparison.Ordinal);
        }
    }
}
