using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Bastion.Analyzers.Tests.Scoring;

/// <summary>Every snippet scored for each tool, computed once per test run.</summary>
public static class CorpusScores
{
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<SnippetScore>>> Cache = new();

    public static IReadOnlyList<SnippetScore> For(SecurityTool tool)
        => Cache.GetOrAdd(tool.Name, _ => new Lazy<IReadOnlyList<SnippetScore>>(() =>
            CorpusSnippet.LoadAll().AsParallel().AsOrdered().WithDegreeOfParallelism(2)
                .Select(s => SnippetScore.Of(s, tool, CancellationToken.None)).ToList())).Value;

    /// <summary>Counts for one family and part of the corpus.</summary>
    public sealed record Tally(int Vulnerable, int Found, int Safe, int Flagged)
    {
        public double FoundRate => Vulnerable == 0 ? 1 : (double)Found / Vulnerable;

        public double FalseAlarmRate => Safe == 0 ? 0 : (double)Flagged / Safe;

        public static Tally Of(IEnumerable<SnippetScore> scores)
        {
            List<SnippetScore> list = scores.ToList();
            return new Tally(
                list.Count(s => s.Snippet.Verdict == Verdict.Vulnerable), list.Count(s => s.Snippet.Verdict == Verdict.Vulnerable && s.Hit),
                list.Count(s => s.Snippet.Verdict == Verdict.Safe), list.Count(s => s.Snippet.Verdict == Verdict.Safe && s.Hit));
        }
    }

    public enum Part
    {
        Development,
        HeldOut,
        All,
    }

    public static IEnumerable<SnippetScore> In(this IEnumerable<SnippetScore> scores, Part part, string? family = null)
        => scores.Where(s => (family is null || s.Snippet.Family == family)
                             && part switch
                             {
                                 Part.Development => !HeldOut.Contains(s.Snippet),
                                 Part.HeldOut => HeldOut.Contains(s.Snippet),
                                 _ => true,
                             });
}
