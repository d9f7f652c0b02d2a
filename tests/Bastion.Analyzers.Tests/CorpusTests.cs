using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Bastion.Analyzers.Tests;

/// <summary>The corpus itself is checked: headers, counts, compilation, no padding by copies.</summary>
public sealed class CorpusTests
{
    public const int MinimumLines = 10;
    public const int MaximumLines = 60;

    public static TheoryData<string> SnippetFiles()
    {
        var data = new TheoryData<string>();
        foreach (string file in CorpusSnippet.Files())
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SnippetFiles))]
    public void Header_is_valid(string file)
    {
        CorpusSnippet snippet = CorpusSnippet.Load(file);
        Assert.Equal(snippet.Verdict == Verdict.Vulnerable, snippet.SinkLine is not null);
    }

    [Theory]
    [MemberData(nameof(SnippetFiles))]
    public void Snippet_compiles_without_errors(string file)
    {
        CorpusSnippet snippet = CorpusSnippet.Load(file);
        IReadOnlyList<Diagnostic> errors = SnippetCompiler.Errors(snippet);
        Assert.True(errors.Count == 0, file + ":\n" + string.Join("\n", errors.Select(e => e.ToString())));
    }

    [Theory]
    [MemberData(nameof(SnippetFiles))]
    public void Snippet_is_small_and_in_its_own_namespace(string file)
    {
        CorpusSnippet snippet = CorpusSnippet.Load(file);
        int lines = snippet.Lines.Count(l => true) - (snippet.Source.EndsWith('\n') ? 1 : 0);
        Assert.InRange(lines, MinimumLines, MaximumLines);

        CompilationUnitSyntax root = (CompilationUnitSyntax)snippet.ParseTree().GetRoot();
        BaseNamespaceDeclarationSyntax ns = Assert.Single(root.Members.OfType<BaseNamespaceDeclarationSyntax>());
        string prefix = "Corpus." + NamespaceOf(snippet.Family) + ".";
        Assert.StartsWith(prefix, ns.Name.ToString(), StringComparison.Ordinal);
        Assert.Empty(root.Members.OfType<GlobalStatementSyntax>());
    }

    /// <summary>The namespace segment of a family; "Path" and "Process" would hide System.IO.Path and System.Diagnostics.Process in other snippets.</summary>
    public static string NamespaceOf(string family) => family switch
    {
        "path" => "Paths",
        "process" => "Processes",
        _ => char.ToUpperInvariant(family[0]) + family[1..],
    };

    [Theory]
    [MemberData(nameof(SnippetFiles))]
    public void Sink_line_is_inside_a_member(string file)
    {
        CorpusSnippet snippet = CorpusSnippet.Load(file);
        if (snippet.SinkLine is not int line)
        {
            return;
        }

        SyntaxTree tree = snippet.ParseTree();
        var span = tree.GetText().Lines[line - 1].Span;
        SyntaxToken first = tree.GetRoot().DescendantTokens(span).FirstOrDefault(t => span.Contains(t.SpanStart));
        Assert.False(first.IsKind(SyntaxKind.None), $"{file}: no token on the sink line {line}");
        Assert.True(
            first.Parent!.AncestorsAndSelf().Any(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LambdaExpressionSyntax
                or FieldDeclarationSyntax or PropertyDeclarationSyntax or LocalFunctionStatementSyntax),
            $"{file}: the sink line {line} is not inside a member: '{snippet.SinkText}'");
    }

    [Fact]
    public void Every_family_meets_its_minimum_counts()
    {
        IReadOnlyList<CorpusSnippet> all = CorpusSnippet.LoadAll();
        var problems = new List<string>();
        foreach (string family in CorpusSnippet.Families)
        {
            int vulnerable = all.Count(s => s.Family == family && s.Verdict == Verdict.Vulnerable);
            int safe = all.Count(s => s.Family == family && s.Verdict == Verdict.Safe);
            if (vulnerable < CorpusSnippet.MinimumVulnerablePerFamily || safe < CorpusSnippet.MinimumSafePerFamily)
            {
                problems.Add($"{family}: {vulnerable} vulnerable (min {CorpusSnippet.MinimumVulnerablePerFamily}), {safe} safe (min {CorpusSnippet.MinimumSafePerFamily})");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_readme_states_the_real_counts()
    {
        IReadOnlyList<CorpusSnippet> all = CorpusSnippet.LoadAll();
        string readme = System.IO.File.ReadAllText(System.IO.Path.Combine(CorpusSnippet.CorpusDirectory, "README.md"));
        foreach (string family in CorpusSnippet.Families)
        {
            int vulnerable = all.Count(s => s.Family == family && s.Verdict == Verdict.Vulnerable);
            int safe = all.Count(s => s.Family == family && s.Verdict == Verdict.Safe);
            Assert.Contains($"| {family} | {vulnerable} | {safe} |", readme, StringComparison.Ordinal);
        }

        Assert.Contains($"| **total** | **{all.Count(s => s.Verdict == Verdict.Vulnerable)}** | **{all.Count(s => s.Verdict == Verdict.Safe)}** |", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void No_two_snippets_are_identical()
    {
        IReadOnlyList<CorpusSnippet> all = CorpusSnippet.LoadAll();
        List<string> copies = all.GroupBy(s => Normalized(s, abstractNames: false))
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" = ", g.Select(s => s.RelativePath)))
            .ToList();
        Assert.True(copies.Count == 0, "Identical snippets (ignoring header, comments, layout and namespace):\n" + string.Join("\n", copies));
    }

    /// <summary>Padding by renaming: two snippets of one family and verdict that differ only in the names they declare and in string literals.</summary>
    [Fact]
    public void No_two_snippets_of_a_family_and_verdict_differ_only_by_names_or_literals()
    {
        IReadOnlyList<CorpusSnippet> all = CorpusSnippet.LoadAll();
        List<string> copies = all.GroupBy(s => (s.Family, s.Verdict, Shape: Normalized(s, abstractNames: true)))
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" ~ ", g.Select(s => s.RelativePath)))
            .ToList();
        Assert.True(copies.Count == 0, "Snippets differing only by declared names or string literals:\n" + string.Join("\n", copies));
    }

    [Fact]
    public void The_whole_corpus_compiles_together()
    {
        IReadOnlyList<CorpusSnippet> all = CorpusSnippet.LoadAll();
        CSharpCompilation compilation = SnippetCompiler.Compile("All", all.Select(s => s.ParseTree()));
        List<string> errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(50)));
    }

    [Fact]
    public void Namespaces_are_unique()
    {
        IReadOnlyList<CorpusSnippet> all = CorpusSnippet.LoadAll();
        var namespaces = all.Select(s => (s.RelativePath, Namespace: ((CompilationUnitSyntax)s.ParseTree().GetRoot()).Members
            .OfType<BaseNamespaceDeclarationSyntax>().Single().Name.ToString()));
        List<string> clashes = namespaces.GroupBy(n => n.Namespace, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => g.Key + ": " + string.Join(", ", g.Select(n => n.RelativePath))).ToList();
        Assert.True(clashes.Count == 0, string.Join("\n", clashes));
    }

    [Theory]
    [InlineData("Dapper.dll")]
    [InlineData("Microsoft.Data.Sqlite.dll")]
    [InlineData("Npgsql.dll")]
    [InlineData("Microsoft.AspNetCore.Authentication.JwtBearer.dll")]
    [InlineData("Microsoft.IdentityModel.JsonWebTokens.dll")]
    [InlineData("System.IdentityModel.Tokens.Jwt.dll")]
    [InlineData("Microsoft.AspNetCore.Mvc.Core.dll")]
    [InlineData("Microsoft.AspNetCore.Http.Results.dll")]
    [InlineData("Bastion.dll")]
    public void The_compiler_references_the_libraries_snippets_use(string file)
        => Assert.Contains(SnippetCompiler.References, r => string.Equals(System.IO.Path.GetFileName(r.Display), file, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void The_compile_check_reports_errors()
    {
        CorpusSnippet broken = CorpusSnippet.Parse("sql/broken.cs", "// family: sql\n// verdict: safe\n// why: A snippet that does not compile.\nnamespace Corpus.Sql.Broken;\npublic static class X { public static int Y() => Dapper.SqlMapper.NoSuchMethod(); }\n");
        Assert.NotEmpty(SnippetCompiler.Errors(broken));
    }

    [Fact]
    public void Every_vulnerable_snippet_has_a_sink_statement()
    {
        foreach (CorpusSnippet snippet in CorpusSnippet.LoadAll().Where(s => s.Verdict == Verdict.Vulnerable))
        {
            (int first, int last) = snippet.SinkStatementLines();
            Assert.True(first <= snippet.SinkLine && snippet.SinkLine <= last, $"{snippet.RelativePath}: sink statement lines {first}-{last}");
        }
    }

    /// <summary>
    /// The token text of a snippet without its header, comments, layout and namespace name; with
    /// <paramref name="abstractNames"/>, every name the snippet declares becomes its order of first use and every
    /// string literal one placeholder.
    /// </summary>
    internal static string Normalized(CorpusSnippet snippet, bool abstractNames)
    {
        SyntaxNode root = snippet.ParseTree().GetRoot();
        var declared = new HashSet<string>(StringComparer.Ordinal);
        if (abstractNames)
        {
            foreach (SyntaxNode node in root.DescendantNodes())
            {
                SyntaxToken id = node switch
                {
                    VariableDeclaratorSyntax v => v.Identifier,
                    ParameterSyntax p => p.Identifier,
                    MethodDeclarationSyntax m => m.Identifier,
                    BaseTypeDeclarationSyntax t => t.Identifier,
                    PropertyDeclarationSyntax p => p.Identifier,
                    SingleVariableDesignationSyntax d => d.Identifier,
                    ForEachStatementSyntax f => f.Identifier,
                    LocalFunctionStatementSyntax l => l.Identifier,
                    EnumMemberDeclarationSyntax e => e.Identifier,
                    TypeParameterSyntax t => t.Identifier,
                    DelegateDeclarationSyntax d => d.Identifier,
                    _ => default,
                };
                if (!id.IsKind(SyntaxKind.None))
                {
                    declared.Add(id.ValueText);
                }
            }
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (SyntaxToken token in root.DescendantTokens())
        {
            if (token.Parent?.FirstAncestorOrSelf<BaseNamespaceDeclarationSyntax>() is { } ns && ns.Name.Span.Contains(token.Span))
            {
                continue;
            }

            string part = token.Kind() switch
            {
                SyntaxKind.IdentifierToken when abstractNames && declared.Contains(token.ValueText)
                    => "$" + (names.TryGetValue(token.ValueText, out int n) ? n : names[token.ValueText] = names.Count),
                SyntaxKind.StringLiteralToken or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.CharacterLiteralToken
                    or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken when abstractNames => "$s",
                _ => token.Text,
            };
            text.Append(part).Append(' ');
        }

        return text.ToString();
    }
}
