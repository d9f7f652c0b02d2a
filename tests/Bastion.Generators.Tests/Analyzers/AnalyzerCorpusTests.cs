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
    private static readonly ImmutableArray<DiagnosticAnalyzer> Bastion = [new ProcessStartAnalyzer(), new FileSystemPathAnalyzer(), new SqlInjectionAnalyzer()];

    public static TheoryData<Snippet> Snippets() => new(AnalyzerCorpus.All);

    [Theory]
    [InlineData(AnalyzerCorpus.Command)]
    [InlineData(AnalyzerCorpus.Path)]
    [InlineData(AnalyzerCorpus.Sql)]
    public void Each_family_has_enough_vulnerable_and_safe_snippets(string family)
    {
        int least = family == AnalyzerCorpus.Sql ? 30 : 20;
        Assert.True(AnalyzerCorpus.All.Count(s => s.Family == family && s.Expected is not null) >= least);
        Assert.True(AnalyzerCorpus.All.Count(s => s.Family == family && s.Expected is null) >= least);
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
        ImmutableArray<DiagnosticAnalyzer> net = LoadNetAnalyzers();
        var table = new StringBuilder();
        var totals = new Dictionary<string, int[]>(StringComparer.Ordinal);
        table.Append("| Family | Snippet | Vulnerable? | Bastion | SecurityCodeScan 5.6.7 | .NET analyzers 9.0 (CA2100, CA3001) |\n|---|---|---|---|---|---|\n");
        foreach (Snippet snippet in AnalyzerCorpus.All)
        {
            CSharpCompilation compilation = CompileSnippet(snippet);
            string ours = Ids(Run(compilation, Bastion), "BAS");
            string theirs = Ids(Run(compilation, scs), "SCS");
            string dotnet = Ids(Run(WithSqlRules(compilation), net), "CA2100", "CA3001");
            table.Append("| ").Append(snippet.Family).Append(" | ").Append(snippet.Name.Replace("|", "\\|", StringComparison.Ordinal))
                .Append(" | ").Append(snippet.Expected is null ? "no" : "yes").Append(" | ").Append(ours).Append(" | ").Append(theirs).Append(" | ").Append(dotnet).Append(" |\n");

            // [vulnerable found by Bastion, by SCS, safe flagged by Bastion, by SCS, vulnerable, safe, vulnerable found by .NET, safe flagged by .NET]
            int[] t = totals.TryGetValue(snippet.Family, out int[]? existing) ? existing : totals[snippet.Family] = new int[8];
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

            if (dotnet != "—")
            {
                t[vulnerable ? 6 : 7]++;
            }
        }

        var summary = new StringBuilder("| Family | Vulnerable found: Bastion | SecurityCodeScan | .NET analyzers | Safe flagged: Bastion | SecurityCodeScan | .NET analyzers |\n|---|---|---|---|---|---|---|\n");
        foreach ((string family, int[] t) in totals.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            summary.Append($"| {family} | {t[0]}/{t[4]} | {t[1]}/{t[4]} | {t[6]}/{t[4]} | {t[2]}/{t[5]} | {t[3]}/{t[5]} | {t[7]}/{t[5]} |\n");
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

    private static string Ids(ImmutableArray<Diagnostic> diagnostics, params string[] prefixes)
    {
        string[] ids = diagnostics.Select(d => d.Id).Where(id => prefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal))).Distinct().Order(StringComparer.Ordinal).ToArray();
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

    /// <summary>CA2100 and CA3001 are off by default; the comparison turns them on as a team reviewing SQL would.</summary>
    private static CSharpCompilation WithSqlRules(CSharpCompilation compilation)
        => compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(compilation.Options.SpecificDiagnosticOptions
            .SetItem("CA2100", ReportDiagnostic.Warn).SetItem("CA3001", ReportDiagnostic.Warn)));

    private static ImmutableArray<DiagnosticAnalyzer> LoadNetAnalyzers()
    {
        string folder = typeof(AnalyzerCorpusTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NetAnalyzersFolder").Value!;
        string root = System.IO.Path.Combine(folder, "analyzers", "dotnet", "cs");
        var loader = new FolderLoader(root);
        ImmutableArray<DiagnosticAnalyzer> analyzers = [
            .. new AnalyzerFileReference(System.IO.Path.Combine(root, "Microsoft.CodeAnalysis.NetAnalyzers.dll"), loader).GetAnalyzers(LanguageNames.CSharp),
            .. new AnalyzerFileReference(System.IO.Path.Combine(root, "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll"), loader).GetAnalyzers(LanguageNames.CSharp),
        ];
        ImmutableArray<DiagnosticAnalyzer> sql = [.. analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id is "CA2100" or "CA3001"))];
        Assert.NotEmpty(sql);
        return sql;
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
