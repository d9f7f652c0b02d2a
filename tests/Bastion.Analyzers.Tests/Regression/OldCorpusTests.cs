using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Bastion.Analyzers.Tests.Scoring;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Bastion.Analyzers.Tests.Regression;

/// <summary>
/// The first, smaller corpus (written together with the first analyzers, so biased toward them) kept as a regression
/// suite for the flow-based rules: every vulnerable snippet is found by a rule of its family, every safe one is silent.
/// <see cref="ChangedByDesign"/> lists the snippets whose verdict changed when the rules moved from "non-constant" to
/// "from the request": a value the client does not send is not an injection.
/// </summary>
public sealed class OldCorpusTests
{
    /// <summary>
    /// Vulnerable under the old rules, not reported now: nothing in the first two comes from the request; the
    /// independent corpus treats Path.GetFileName as removing every folder (s01, s25) and reports at the file API, not
    /// at Path.GetFullPath, which only computes a string.
    /// </summary>
    public static readonly ImmutableHashSet<string> ChangedByDesign = ImmutableHashSet.Create(
        "Command injection: shell fed from the environment",
        "SQL injection: value from the environment",
        "Path traversal: Path.GetFileName keeps '..'",
        "Path traversal: Path.GetFullPath");

    public static TheoryData<string> Snippets()
    {
        var data = new TheoryData<string>();
        foreach (Snippet snippet in OldCorpus.All)
        {
            data.Add(snippet.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Each_snippet_gets_a_rule_of_its_family_or_nothing(string name)
    {
        Snippet snippet = OldCorpus.All.Single(s => s.ToString() == name);
        CSharpCompilation compilation = SnippetCompiler.Compile("Old", [CSharpSyntaxTree.ParseText(OldCorpus.Wrap(snippet), SnippetCompiler.ParseOptions)]);
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => e.ToString())));
        (ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<string> exceptions) = SecurityTool.Bastion.Run(compilation, TestContext.Current.CancellationToken);
        Assert.Empty(exceptions);
        string family = snippet.Family switch
        {
            OldCorpus.Command => "process",
            OldCorpus.Path => "path",
            _ => "sql",
        };
        string[] reported = diagnostics.Where(d => Rules.Family(d.Id).Length > 0).Select(d => d.Id).Distinct().ToArray();
        bool vulnerable = snippet.Expected is not null && !ChangedByDesign.Contains(name);
        if (vulnerable)
        {
            Assert.True(reported.Any(id => Rules.Family(id).Contains(family)), name + ": expected a " + family + " rule, got " + string.Join(", ", reported));
        }
        else
        {
            Assert.True(reported.Length == 0, name + ": expected nothing, got " + string.Join(", ", reported));
        }
    }
}
