using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using static Bastion.Analyzers.Tests.Scoring.CorpusScores;

namespace Bastion.Analyzers.Tests.Scoring;

/// <summary>The Markdown written between the results markers of docs/analyzer-comparison.md.</summary>
public static class ComparisonTables
{
    public static string Render(IReadOnlyList<SecurityTool> tools, IReadOnlyDictionary<string, IReadOnlyList<SnippetScore>> scores)
    {
        var text = new StringBuilder();
        foreach ((Part part, string title) in new[] { (Part.Development, "Development part"), (Part.HeldOut, "Held-out part"), (Part.All, "Whole corpus") })
        {
            text.Append("### ").Append(title).Append("\n\n");
            text.Append("| Family | Vulnerable | ").AppendJoin(" | ", tools.Select(t => "Found: " + t.Name)).Append(" | Safe | ")
                .AppendJoin(" | ", tools.Select(t => "False alarms: " + t.Name)).Append(" |\n");
            text.Append("|---|---:|").Append(string.Concat(tools.Select(_ => "---:|"))).Append("---:|").Append(string.Concat(tools.Select(_ => "---:|"))).Append('\n');
            foreach (string family in CorpusSnippet.Families.Append("all"))
            {
                string? filter = family == "all" ? null : family;
                Tally[] tallies = tools.Select(t => Tally.Of(scores[t.Name].In(part, filter))).ToArray();
                string name = family == "all" ? "**all**" : family;
                text.Append("| ").Append(name).Append(" | ").Append(tallies[0].Vulnerable).Append(" | ")
                    .AppendJoin(" | ", tallies.Select(t => Rate(t.Found, t.Vulnerable))).Append(" | ").Append(tallies[0].Safe).Append(" | ")
                    .AppendJoin(" | ", tallies.Select(t => Rate(t.Flagged, t.Safe))).Append(" |\n");
            }

            text.Append('\n');
        }

        text.Append("### Bastion's misses and false alarms\n\n");
        List<SnippetScore> wrong = scores[tools[0].Name].Where(s => s.Snippet.Verdict == Verdict.Vulnerable ? !s.Hit : s.Hit).ToList();
        if (wrong.Count == 0)
        {
            text.Append("None.\n\n");
        }
        else
        {
            text.Append("| Snippet | Part | Verdict | Bastion reported |\n|---|---|---|---|\n");
            foreach (SnippetScore score in wrong)
            {
                text.Append("| ").Append(score.Snippet.RelativePath).Append(" | ").Append(HeldOut.Contains(score.Snippet) ? "held-out" : "development").Append(" | ")
                    .Append(score.Snippet.Verdict == Verdict.Vulnerable ? "vulnerable, missed" : "safe, flagged").Append(" | ")
                    .Append(score.Ids.Length == 0 ? "—" : string.Join(", ", score.Ids)).Append(" |\n");
            }

            text.Append('\n');
        }

        text.Append("### Per snippet\n\n| Snippet | Verdict | ").AppendJoin(" | ", tools.Select(t => t.Name)).Append(" |\n|---|---|")
            .Append(string.Concat(tools.Select(_ => "---|"))).Append('\n');
        foreach (SnippetScore first in scores[tools[0].Name])
        {
            text.Append("| ").Append(first.Snippet.RelativePath).Append(HeldOut.Contains(first.Snippet) ? " (held-out)" : string.Empty).Append(" | ")
                .Append(first.Snippet.Verdict == Verdict.Vulnerable ? "vulnerable" : "safe");
            foreach (SecurityTool tool in tools)
            {
                SnippetScore score = scores[tool.Name].First(s => s.Snippet.RelativePath == first.Snippet.RelativePath);
                string ids = score.Ids.Length == 0 ? "—" : string.Join(", ", score.Ids);
                string mark = first.Snippet.Verdict == Verdict.Vulnerable ? (score.Hit ? "found" : "missed") : (score.Hit ? "flagged" : "silent");
                text.Append(" | ").Append(mark).Append(score.Ids.Length == 0 ? string.Empty : " (" + ids + ")");
            }

            text.Append(" |\n");
        }

        return text.ToString();
    }

    private static string Rate(int count, int total) => total == 0 ? "—" : $"{count}/{total} ({(int)Math.Round(100.0 * count / total, MidpointRounding.AwayFromZero)}%)";
}
