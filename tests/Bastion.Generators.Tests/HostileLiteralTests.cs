using System.Linq;
using Bastion.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Bastion.Generators.Tests;

/// <summary>
/// Attribute text is hostile input to the emitter: quotes, newlines, comment terminators, raw-string
/// delimiters and bidi controls must come out as literals with exactly the same value, and nothing
/// may leak into code or comments.
/// </summary>
public sealed class HostileLiteralTests
{
    [Fact]
    public void Hostile_attribute_text_becomes_literals_with_the_same_value()
    {
        GeneratorRunOutcome run = GeneratorHarness.Run(Scenarios.HostileLiterals);
        Assert.True(run.CompileProblems().Count == 0, string.Join("\n", run.CompileProblems()));

        SyntaxTree generated = run.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith("HostileEndpoints.Endpoints.g.cs", System.StringComparison.Ordinal));
        string[] literals = generated.GetRoot().DescendantTokens()
            .Where(t => t.IsKind(SyntaxKind.StringLiteralToken))
            .Select(t => t.ValueText)
            .ToArray();

        Assert.Contains("\"; System.Environment.Exit(1); //\n*/ \"\"\" \u202Eevil", literals);
        Assert.Contains("bad \"text\" */ \n \u2066x", literals);
        Assert.Contains("a\"b\\c\u202E", literals);
        Assert.Contains("/x\"y/\u202Eq*/\"", literals);
        Assert.Contains("n\"*/\n\u202E", literals); // a [FromForm] field name
    }

    [Fact]
    public void Generated_text_holds_no_raw_bidi_or_line_break_characters()
    {
        GeneratorRunOutcome run = GeneratorHarness.Run(Scenarios.HostileLiterals);
        foreach (GeneratedSourceResult source in run.Result.Results.SelectMany(r => r.GeneratedSources))
        {
            string text = source.SourceText.ToString();
            Assert.DoesNotContain('\u202E', text);
            Assert.DoesNotContain('\u2066', text);
            Assert.DoesNotContain('\r', text);
            Assert.DoesNotContain("System.Environment.Exit(1); //\n", text, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_statement_comes_from_attribute_text()
    {
        GeneratorRunOutcome run = GeneratorHarness.Run(Scenarios.HostileLiterals);
        SyntaxTree generated = run.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith("HostileEndpoints.Endpoints.g.cs", System.StringComparison.Ordinal));
        bool exitCalled = generated.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>()
            .Any(i => i.Expression.ToString().Contains("Exit", System.StringComparison.Ordinal));
        Assert.False(exitCalled);
    }
}
