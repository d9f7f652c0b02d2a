using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Bastion.Analyzers.Tests.Scoring;

/// <summary>What one tool reported on one snippet, judged by the corpus rules.</summary>
public sealed record SnippetScore(CorpusSnippet Snippet, string Tool, bool Hit, ImmutableArray<string> Ids, ImmutableArray<string> Reports, IReadOnlyList<string> Exceptions)
{
    /// <summary>
    /// A vulnerable snippet is found when a diagnostic of its family starts on one of its sink statement lines; a safe
    /// snippet is flagged when any security diagnostic of the tool is reported anywhere in it.
    /// </summary>
    public static SnippetScore Of(CorpusSnippet snippet, SecurityTool tool, CancellationToken cancellationToken)
    {
        (ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<string> exceptions) = tool.Run(SnippetCompiler.Compile(snippet), cancellationToken);
        ImmutableArray<Diagnostic> security = [.. diagnostics.Where(d => tool.Families(d.Id).Length > 0 && d.Location.IsInSource)];
        bool hit;
        if (snippet.Verdict == Verdict.Vulnerable)
        {
            (int first, int last) = snippet.SinkStatementLines();
            hit = security.Any(d => tool.Families(d.Id).Contains(snippet.Family, StringComparer.Ordinal)
                                    && d.Location.GetLineSpan().StartLinePosition.Line + 1 is int line && line >= first && line <= last);
        }
        else
        {
            hit = security.Length > 0;
        }

        return new SnippetScore(snippet, tool.Name, hit,
            [.. security.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal)],
            [.. security.Select(d => $"{d.Id} line {d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")],
            exceptions);
    }
}
