using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Bastion.Analyzers.Tests.Scoring;

/// <summary>
/// The three tools compared on the corpus: Bastion's analyzers, SecurityCodeScan 5.6.7 and the .NET analyzers'
/// security rules (Microsoft.CodeAnalysis.NetAnalyzers 9.0.0, which ship them off; the test turns them on). Each maps its
/// rule ids to corpus families.
/// </summary>
public sealed class SecurityTool
{
    private SecurityTool(string name, ImmutableArray<DiagnosticAnalyzer> analyzers, Func<string, string[]> families, IReadOnlyDictionary<string, ReportDiagnostic>? enable)
    {
        Name = name;
        Analyzers = analyzers;
        Families = families;
        Enable = enable;
    }

    public string Name { get; }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    /// <summary>The corpus families a diagnostic id counts for (empty: not a security rule of this comparison).</summary>
    public Func<string, string[]> Families { get; }

    private IReadOnlyDictionary<string, ReportDiagnostic>? Enable { get; }

    public static SecurityTool Bastion { get; } = new("Bastion", LoadBastion(), Rules.Family, null);

    private static readonly Lazy<SecurityTool> LazyScs = new(() => new SecurityTool("SecurityCodeScan", LoadSecurityCodeScan(), ScsFamily, null));

    public static SecurityTool SecurityCodeScan => LazyScs.Value;

    private static readonly Lazy<SecurityTool> LazyNet = new(LoadNetAnalyzers);

    public static SecurityTool NetAnalyzers => LazyNet.Value;

    /// <summary>Every Bastion DiagnosticAnalyzer in Bastion.Analyzers.dll.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> LoadBastion()
        => [.. typeof(Rules).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)];

    public static string[] ScsFamily(string id) => id switch
    {
        "SCS0001" => ["process"],
        "SCS0002" or "SCS0036" or "SCS0037" => ["sql"],
        "SCS0018" => ["path"],
        "SCS0029" => ["xss"],
        "SCS0008" or "SCS0009" => ["cookies"],
        "SCS0015" or "SCS0034" => ["secrets"],
        _ => [],
    };

    public static string[] NetFamily(string id) => id switch
    {
        "CA2100" or "CA3001" => ["sql"],
        "CA3006" => ["process"],
        "CA3003" => ["path"],
        "CA3002" => ["xss"],
        "CA5382" or "CA5383" => ["cookies"],
        "CA5390" => ["secrets"],
        "CA5404" or "CA5405" => ["jwt"],
        _ => [],
    };

    /// <summary>The diagnostics this tool reports on a compilation, and any analyzer exception (AD0001) it threw.</summary>
    public (ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> Exceptions) Run(CSharpCompilation compilation, CancellationToken cancellationToken)
    {
        if (Enable is not null)
        {
            compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(compilation.Options.SpecificDiagnosticOptions.SetItems(Enable)));
        }

        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            (exception, analyzer, diagnostic) => { lock (exceptions) { exceptions.Add(analyzer.GetType().Name + ": " + exception); } },
            concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> diagnostics = compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
        exceptions.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()));
        return (diagnostics, exceptions);
    }

    private static string Folder(string key)
        => typeof(SecurityTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static ImmutableArray<DiagnosticAnalyzer> LoadSecurityCodeScan()
    {
        string analyzers = Path.Combine(Folder("SecurityCodeScanFolder"), "analyzers", "dotnet");
        string dll = Path.Combine(analyzers, "SecurityCodeScan.VS2019.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("SecurityCodeScan was not restored", dll);
        }

        return new AnalyzerFileReference(dll, new FolderLoader(analyzers)).GetAnalyzers(LanguageNames.CSharp);
    }

    private static SecurityTool LoadNetAnalyzers()
    {
        string root = Path.Combine(Folder("NetAnalyzersFolder"), "analyzers", "dotnet", "cs");
        var loader = new FolderLoader(root);
        ImmutableArray<DiagnosticAnalyzer> all = [
            .. new AnalyzerFileReference(Path.Combine(root, "Microsoft.CodeAnalysis.NetAnalyzers.dll"), loader).GetAnalyzers(LanguageNames.CSharp),
            .. new AnalyzerFileReference(Path.Combine(root, "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll"), loader).GetAnalyzers(LanguageNames.CSharp),
        ];
        ImmutableArray<DiagnosticAnalyzer> security = [.. all.Where(a => a.SupportedDiagnostics.Any(d => NetFamily(d.Id).Length > 0))];
        Dictionary<string, ReportDiagnostic> enable = security.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Where(id => NetFamily(id).Length > 0)
            .Distinct().ToDictionary(id => id, _ => ReportDiagnostic.Warn);
        return new SecurityTool(".NET analyzers", security, NetFamily, enable);
    }

    private sealed class FolderLoader : IAnalyzerAssemblyLoader
    {
        private readonly string _folder;

        public FolderLoader(string folder)
        {
            _folder = folder;
            AssemblyLoadContext.Default.Resolving += (context, name) =>
            {
                string candidate = Path.Combine(_folder, name.Name + ".dll");
                return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
            };
        }

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }
}
