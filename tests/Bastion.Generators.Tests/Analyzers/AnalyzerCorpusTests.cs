using Bastion.Testing;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Bastion.Generators.Analyzers;
using Bastion.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Bastion.Generators.Tests.Analyzers;

/// <summary>
/// The command and path analyzers against the corpus: every vulnerable snippet gets exactly its rule, every
/// safe one nothing. The same snippets go through SecurityCodeScan, and the side-by-side table in
/// docs/analyzer-comparison.md must match what both tools report today (BASTION_ACCEPT=1 rewrites it).
/// </summary>
public sealed class AnalyzerCorpusTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Bastion = [new ProcessStartAnalyzer(), new FileSystemPathAnalyzer()];

    public static TheoryData<Snippet> Snippets() => new(AnalyzerCorpus.All);

    [Theory]
    [InlineData(AnalyzerCorpus.Command)]
    [InlineData(AnalyzerCorpus.Path)]
    public void Each_family_has_at_least_twenty_vulnerable_and_twenty_safe_snippets(string family)
    {
        Assert.True(AnalyzerCorpus.All.Count(s => s.Family == family && s.Expected is not null) >= 20);
        Assert.True(AnalyzerCorpus.All.Count(s => s.Family == family && s.Expected is null) >= 20);
        Assert.Equal(AnalyzerCorpus.All.Count, AnalyzerCorpus.All.Select(s => s.Family + s.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Bastion_reports_exactly_the_expected_rule(Snippet snippet)
    {
        Compilation compilation = CompileSnippet(snippet);
        string[] reported = Run(compilation, Bastion).Select(d => d.Id).ToArray();
        string[] expected = snippet.Expected is null ? [] : [snippet.Expected];
        Assert.Equal(expected, reported);
    }

    [Fact]
    public void The_comparison_with_SecurityCodeScan_in_the_docs_is_current()
    {
        ImmutableArray<DiagnosticAnalyzer> scs = LoadSecurityCodeScan();
        var table = new StringBuilder();
        var totals = new Dictionary<string, int[]>(StringComparer.Ordinal);
        table.Append("| Family | Snippet | Vulnerable? | Bastion | SecurityCodeScan 5.6.7 |\n|---|---|---|---|---|\n");
        foreach (Snippet snippet in AnalyzerCorpus.All)
        {
            Compilation compilation = CompileSnippet(snippet);
            string ours = Ids(Run(compilation, Bastion), "BAS");
            string theirs = Ids(Run(compilation, scs), "SCS");
            table.Append("| ").Append(snippet.Family).Append(" | ").Append(snippet.Name.Replace("|", "\\|", StringComparison.Ordinal))
                .Append(" | ").Append(snippet.Expected is null ? "no" : "yes").Append(" | ").Append(ours).Append(" | ").Append(theirs).Append(" |\n");

            // [vulnerable found by Bastion, by SCS, safe flagged by Bastion, by SCS, vulnerable, safe]
            int[] t = totals.TryGetValue(snippet.Family, out int[]? existing) ? existing : totals[snippet.Family] = new int[6];
            bool vulnerable = snippet.Expected is not null;
            t[vulnerable ? 4 : 5]++;
            if (ours != "—")
            {
                t[vulnerable ? 0 : 2]++;
            }

            if (theirs != "—")
            {
                t[vulnerable ? 1 : 3]++;
            }
        }

        var summary = new StringBuilder("| Family | Vulnerable found: Bastion | Vulnerable found: SecurityCodeScan | Safe flagged: Bastion | Safe flagged: SecurityCodeScan |\n|---|---|---|---|---|\n");
        foreach ((string family, int[] t) in totals.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            summary.Append($"| {family} | {t[0]}/{t[4]} | {t[1]}/{t[4]} | {t[2]}/{t[5]} | {t[3]}/{t[5]} |\n");
        }

        string path = System.IO.Path.Combine(RepositoryRoot.Find(), "docs", "analyzer-comparison.md");
        string committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;
        const string Begin = "<!-- results:begin -->\n";
        const string End = "<!-- results:end -->";
        int start = committed.IndexOf(Begin, StringComparison.Ordinal);
        int stop = committed.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && stop > start, "docs/analyzer-comparison.md lacks the results markers");
        string current = committed[..(start + Begin.Length)] + summary + "\n" + table + committed[stop..];
        if (Environment.GetEnvironmentVariable("BASTION_ACCEPT") == "1")
        {
            File.WriteAllText(path, current);
            return;
        }

        Assert.True(committed == current, "docs/analyzer-comparison.md is stale; run the tests with BASTION_ACCEPT=1 and review the diff.\n" + summary);
    }

    private static CSharpCompilation CompileSnippet(Snippet snippet)
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(AnalyzerCorpus.Wrap(snippet));
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, snippet + " does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
        return compilation;
    }

    private static ImmutableArray<Diagnostic> Run(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
        => compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken).GetAwaiter().GetResult();

    private static string Ids(ImmutableArray<Diagnostic> diagnostics, string prefix)
    {
        string[] ids = diagnostics.Select(d => d.Id).Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToArray();
        return ids.Length == 0 ? "—" : string.Join(", ", ids);
    }

    private static ImmutableArray<DiagnosticAnalyzer> LoadSecurityCodeScan()
    {
        string folder = typeof(AnalyzerCorpusTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SecurityCodeScanFolder").Value!;
        string analyzers = System.IO.Path.Combine(folder, "analyzers", "dotnet");
        string dll = System.IO.Path.Combine(analyzers, "SecurityCodeScan.VS2019.dll");
        Assert.True(File.Exists(dll), "SecurityCodeScan was not restored at " + dll);
        var reference = new AnalyzerFileReference(dll, new FolderLoader(analyzers));
        ImmutableArray<DiagnosticAnalyzer> loaded = reference.GetAnalyzers(LanguageNames.CSharp);
        Assert.NotEmpty(loaded);
        return loaded;
    }

    private sealed class FolderLoader : IAnalyzerAssemblyLoader
    {
        private readonly string _folder;

        public FolderLoader(string folder)
        {
            _folder = folder;
            AssemblyLoadContext.Default.Resolving += (context, name) =>
            {
                string candidate = System.IO.Path.Combine(_folder, name.Name + ".dll");
                return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
            };
        }

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }
}
