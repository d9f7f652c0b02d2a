using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Bastion.Benchmarks;

/// <summary>
/// Analyzer cost: binding a compilation with and without Bastion's security analyzers, on the sample app (its sources
/// and the generated files the compiler sees) and on a 1,000-endpoint minimal-API project whose handlers read queries,
/// files, HTML, cookies and processes the safe way. Each run clones the compilation, so nothing is cached between runs.
/// Both methods go through the analyzer driver, one with an analyzer that only asks for every tree's semantic model
/// (so binding is paid in both), one with Bastion's analyzers as well: the difference is what Bastion adds to a build.
/// Setup also prints the analyzers' own execution time from the driver's telemetry.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    [Params("sample", "1000 endpoints")]
    public string Project { get; set; } = "sample";

    [GlobalSetup]
    public void Setup()
    {
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        IEnumerable<SyntaxTree> trees = Project == "sample"
            ? SampleFiles().Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f))
            : [CSharpSyntaxTree.ParseText(Endpoints(1000), options, "Endpoints.cs")];
        _compilation = CSharpCompilation.Create("AnalyzerCost", trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _analyzers = [.. typeof(Bastion.Analyzers.SqlInjectionAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)];
        PrintTelemetry();
    }

    [Benchmark(Baseline = true)]
    public int Bind_only() => Run([new BindEveryTree()]);

    [Benchmark]
    public int Bind_and_Bastion_analyzers() => Run([new BindEveryTree(), .. _analyzers]);

    private int Run(ImmutableArray<DiagnosticAnalyzer> analyzers)
        => _compilation.Clone().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    private void PrintTelemetry()
    {
        var withTelemetry = _compilation.Clone().WithAnalyzers(_analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        ImmutableArray<Diagnostic> diagnostics = withTelemetry.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        TimeSpan total = TimeSpan.Zero;
        foreach (DiagnosticAnalyzer analyzer in _analyzers)
        {
            total += withTelemetry.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult().ExecutionTime;
        }

        Console.WriteLine($"// Bastion analyzers on {Project}: {total.TotalMilliseconds:0} ms of analyzer execution time (driver telemetry, one cold run), {diagnostics.Length} diagnostics, {_compilation.SyntaxTrees.Length} trees");
    }

    /// <summary>Asks for every tree's semantic model, as any semantic analyzer makes the driver do.</summary>
#pragma warning disable RS1036, RS1041 // A benchmark's baseline, run in process by the benchmark only; no compiler loads it.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class BindEveryTree : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [new DiagnosticDescriptor("BENCH0001", "Binding", "Binding", "Benchmark", DiagnosticSeverity.Hidden, false)];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterSemanticModelAction(_ => { });
        }
    }
#pragma warning restore RS1036, RS1041

    /// <summary>The sample's own sources plus the committed copies of what the generator adds to its compilation.</summary>
    private static IEnumerable<string> SampleFiles()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Generators.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Generators.sln not found above " + AppContext.BaseDirectory);
        }

        string sample = Path.Combine(root, "samples", "Bastion.Samples.Api");
        return Directory.EnumerateFiles(sample, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Minimal-API endpoints in groups of ten: a parameterized query, a file by name, encoded HTML, a hardened cookie, a process after "--".</summary>
    public static string Endpoints(int count)
    {
        var text = new StringBuilder("""
            using System;
            using System.Data;
            using System.Diagnostics;
            using System.IO;
            using System.Net;
            using Bastion.Cookies;
            using Dapper;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            namespace Load;
            public sealed record Item(long Id, string Name);

            """);
        for (int group = 0; group < Math.Max(1, count / 10); group++)
        {
            text.Append("public static class Group").Append(group).Append("\n{\n    public static void Map(WebApplication app)\n    {\n");
            for (int e = 0; e < Math.Min(10, count); e++)
            {
                string route = "\"/g" + group + "/e" + e;
                text.Append((e % 5) switch
                {
                    0 => $"        app.MapGet({route}/{{id:int}}\", async (int id, string? q, IDbConnection db) => Results.Ok(await db.QueryAsync<Item>(\"SELECT id, name FROM items WHERE id = @id AND name LIKE @q\", new {{ id, q }})));\n",
                    1 => $"        app.MapGet({route}\", (string name) => Results.File(Path.Combine(\"/srv/files\", Path.GetFileName(name)), \"application/octet-stream\"));\n",
                    2 => $"        app.MapGet({route}\", (string title) => Results.Content($\"<h1>{{WebUtility.HtmlEncode(title)}}</h1>\", \"text/html\"));\n",
                    3 => $"        app.MapPost({route}\", (HttpContext context) => {{ context.Response.Cookies.Append(\"session\", Guid.NewGuid().ToString(\"N\"), HardenedCookies.Options()); return Results.Ok(); }});\n",
                    _ => $"        app.MapGet({route}\", (string path) => {{ var psi = new ProcessStartInfo(\"/usr/bin/git\"); psi.ArgumentList.Add(\"log\"); psi.ArgumentList.Add(\"--\"); psi.ArgumentList.Add(path); using var git = Process.Start(psi); return Results.Ok(); }});\n",
                });
            }

            text.Append("    }\n}\n");
        }

        return text.ToString();
    }

    private static IEnumerable<MetadataReference> References()
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return trusted.Split(Path.PathSeparator)
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith("Bastion.Generators", StringComparison.Ordinal)
                        && !Path.GetFileName(p).StartsWith("Bastion.Analyzers", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith("Bastion.Benchmarks", StringComparison.Ordinal))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase).Select(g => g.First())
            .Where(IsManaged)
            .Select(p => MetadataReference.CreateFromFile(p));
    }

    private static bool IsManaged(string path)
    {
        try
        {
            using FileStream stream = File.OpenRead(path);
            using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
            return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
