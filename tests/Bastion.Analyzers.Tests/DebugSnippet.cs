using System;
using System.IO;
using System.Linq;
using Bastion.Analyzers.Tests.Scoring;
using Xunit;

namespace Bastion.Analyzers.Tests;

/// <summary>
/// While developing rules: BASTION_DEBUG_SNIPPET=sql/v01-….cs writes what Bastion reports on that development snippet, and
/// the engine's trace, to bastion-debug.txt and bastion-trace.txt in the temp folder. Does nothing otherwise.
/// </summary>
public sealed class DebugSnippet
{
    [Fact]
    public void Report_one_snippet()
    {
        string? name = Environment.GetEnvironmentVariable("BASTION_DEBUG_SNIPPET");
        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        Assert.DoesNotContain(name, HeldOut.Snippets);
        CorpusSnippet snippet = CorpusSnippet.Load(name);
        var trace = new System.Text.StringBuilder();
        Bastion.Analyzers.Flow.FlowAnalysis.Trace = line => trace.Append(line.Length > 200 ? line[..200] : line).Append('\n');
        try
        {
            _ = SecurityTool.Bastion.Run(SnippetCompiler.Compile(snippet), TestContext.Current.CancellationToken);
        }
        finally
        {
            Bastion.Analyzers.Flow.FlowAnalysis.Trace = null;
            File.WriteAllText(Path.Combine(Path.GetTempPath(), "bastion-trace.txt"), trace.ToString());
        }

        var (diagnostics, exceptions) = SecurityTool.Bastion.Run(SnippetCompiler.Compile(snippet), TestContext.Current.CancellationToken);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "bastion-debug.txt"), string.Join("\n", diagnostics.Select(d => d.ToString()).Concat(exceptions)));
    }
}
