using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Bastion.Analyzers.Tests.Scoring;
using Bastion.Testing;
using Xunit;
using static Bastion.Analyzers.Tests.Scoring.CorpusScores;

namespace Bastion.Analyzers.Tests;

/// <summary>
/// Bastion's analyzers, SecurityCodeScan and the .NET analyzers' security rules scored on the whole corpus: the tables
/// in docs/analyzer-comparison.md must match (BASTION_ACCEPT=1 rewrites them), and Bastion must find at least 95% of
/// the vulnerable snippets and flag at most 2% of the safe ones in every family (held-out part included).
/// </summary>
public sealed class ScoringTests
{
    public const double MinimumFound = 0.95;
    public const double MaximumFalseAlarms = 0.02;

    [Fact]
    public void The_held_out_part_is_real_and_about_15_percent_of_each_family()
    {
        IReadOnlyList<CorpusSnippet> all = CorpusSnippet.LoadAll();
        Assert.All(HeldOut.Snippets, name => Assert.Contains(all, s => s.RelativePath == name));
        foreach (string family in CorpusSnippet.Families)
        {
            foreach (Verdict verdict in new[] { Verdict.Vulnerable, Verdict.Safe })
            {
                List<CorpusSnippet> group = all.Where(s => s.Family == family && s.Verdict == verdict).ToList();
                int held = group.Count(HeldOut.Contains);
                Assert.Equal((int)Math.Ceiling(group.Count * 0.15), held);
            }
        }
    }

    [Fact]
    public void No_Bastion_analyzer_throws_on_any_snippet()
    {
        IReadOnlyList<SnippetScore> scores = For(SecurityTool.Bastion);
        string[] thrown = scores.Where(s => s.Exceptions.Count > 0).Select(s => s.Snippet.RelativePath + ": " + string.Join("\n", s.Exceptions)).ToArray();
        Assert.True(thrown.Length == 0, string.Join("\n\n", thrown));
    }

    [Fact]
    public void No_Bastion_analyzer_throws_on_the_whole_corpus_compiled_together()
    {
        var compilation = SnippetCompiler.Compile("All", CorpusSnippet.LoadAll().Select(s => s.ParseTree()));
        (_, IReadOnlyList<string> exceptions) = SecurityTool.Bastion.Run(compilation, TestContext.Current.CancellationToken);
        Assert.True(exceptions.Count == 0, string.Join("\n\n", exceptions));
    }

    [Fact]
    public void Bastion_finds_95_percent_and_flags_at_most_2_percent_in_every_family()
    {
        IReadOnlyList<SnippetScore> scores = For(SecurityTool.Bastion);
        WriteDevelopmentReport(scores);
        var problems = new List<string>();
        foreach (string family in CorpusSnippet.Families)
        {
            Tally tally = Tally.Of(scores.In(Part.All, family));
            if (tally.FoundRate < MinimumFound || tally.FalseAlarmRate > MaximumFalseAlarms)
            {
                problems.Add($"{family}: found {tally.Found}/{tally.Vulnerable}, flagged {tally.Flagged}/{tally.Safe}");
            }
        }

        Assert.True(problems.Count == 0, "Below the gate:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_comparison_in_the_docs_is_current()
    {
        SecurityTool[] tools = [SecurityTool.Bastion, SecurityTool.SecurityCodeScan, SecurityTool.NetAnalyzers];
        Dictionary<string, IReadOnlyList<SnippetScore>> scores = tools.ToDictionary(t => t.Name, For);
        string generated = ComparisonTables.Render(tools, scores);
        string path = Path.Combine(RepositoryRoot.Find(), "docs", "analyzer-comparison.md");
        string committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;
        const string Begin = "<!-- results:begin -->\n";
        const string End = "<!-- results:end -->";
        int start = committed.IndexOf(Begin, StringComparison.Ordinal);
        int stop = committed.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && stop > start, "docs/analyzer-comparison.md lacks the results markers");
        string current = committed[..(start + Begin.Length)] + generated + committed[stop..];
        if (Environment.GetEnvironmentVariable("BASTION_ACCEPT") == "1")
        {
            File.WriteAllText(path, current);
            return;
        }

        Assert.True(committed == current, "docs/analyzer-comparison.md is stale; run the tests with BASTION_ACCEPT=1 and review the diff.");
    }

    /// <summary>While developing rules: BASTION_DEV_REPORT=file lists the development part's misses and false alarms (never the held-out part).</summary>
    private static void WriteDevelopmentReport(IReadOnlyList<SnippetScore> scores)
    {
        string? file = Environment.GetEnvironmentVariable("BASTION_DEV_REPORT");
        if (string.IsNullOrEmpty(file))
        {
            return;
        }

        var text = new StringBuilder();
        foreach (string family in CorpusSnippet.Families)
        {
            Tally tally = Tally.Of(scores.In(Part.Development, family));
            text.Append($"{family}: found {tally.Found}/{tally.Vulnerable}, flagged {tally.Flagged}/{tally.Safe}\n");
        }

        foreach (SnippetScore score in scores.In(Part.Development).Where(s => s.Snippet.Verdict == Verdict.Vulnerable ? !s.Hit : s.Hit))
        {
            text.Append('\n').Append(score.Snippet.Verdict == Verdict.Vulnerable ? "MISSED " : "FLAGGED ").Append(score.Snippet.RelativePath)
                .Append(score.Snippet.SinkLine is int line ? $" (sink {score.Snippet.SinkStatementLines()})" : string.Empty).Append('\n');
            foreach (string report in score.Reports)
            {
                text.Append("    ").Append(report).Append('\n');
            }
        }

        File.WriteAllText(file, text.ToString());
    }
}
