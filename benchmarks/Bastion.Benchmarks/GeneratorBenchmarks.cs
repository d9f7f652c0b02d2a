using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Bastion.Generators;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bastion.Benchmarks;

/// <summary>
/// Build cost: the generator's first run over 10, 100 and 1000 endpoints (compilation built in setup),
/// and the run after an unrelated edit, which should find every step cached.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;

    [Params(10, 100, 1000)]
    public int Endpoints { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        SyntaxTree endpoints = CSharpSyntaxTree.ParseText(Source(Endpoints), options, "Endpoints.cs");
        SyntaxTree unrelated = CSharpSyntaxTree.ParseText("namespace Other { public static class Helper { public static int Value() => 1; } }", options, "Other.cs");
        _compilation = CSharpCompilation.Create("BuildCost", [endpoints, unrelated], References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _edited = _compilation.ReplaceSyntaxTree(unrelated,
            CSharpSyntaxTree.ParseText("namespace Other { public static class Helper { public static int Value() => 2; } }", options, "Other.cs"));
        _warm = CreateDriver(options).RunGenerators(_compilation);
    }

    [Benchmark]
    public GeneratorDriver First_run() => CreateDriver((CSharpParseOptions)_compilation.SyntaxTrees[0].Options).RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver Cached_run_after_unrelated_edit() => _warm.RunGenerators(_edited);

    private static CSharpGeneratorDriver CreateDriver(CSharpParseOptions options)
        => CSharpGeneratorDriver.Create([new BastionGenerator().AsSourceGenerator()], parseOptions: options);

    private static string Source(int count)
    {
        var text = new StringBuilder("""
            using System.ComponentModel.DataAnnotations;
            using Bastion;
            using Microsoft.AspNetCore.Http;
            namespace Load;
            public sealed record Item([Required, StringLength(100), Sanitize] string Name, [Range(1, 10)] int Count);

            """);
        for (int c = 0; c < Math.Max(1, count / 10); c++)
        {
            text.Append("[BastionEndpoints(\"/g").Append(c).Append("\")] public static partial class Group").Append(c).Append(" {\n");
            for (int e = 0; e < Math.Min(10, count); e++)
            {
                text.Append("  [Post(\"/items").Append(e).Append("/{id:int}\")] public static IResult Create").Append(e)
                    .Append("(int id, Item item, string? q) => TypedResults.Ok();\n");
            }

            text.Append("}\n");
        }

        return text.ToString();
    }

    private static IEnumerable<MetadataReference> References()
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return trusted.Split(Path.PathSeparator)
            .Append(typeof(SanitizeAttribute).Assembly.Location)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith("Bastion.Generators", StringComparison.Ordinal))
            .Distinct()
            .Select(p => MetadataReference.CreateFromFile(p));
    }
}
