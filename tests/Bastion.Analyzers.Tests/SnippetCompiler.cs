using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bastion.Analyzers.Tests;

/// <summary>
/// Compiles corpus snippets as a class library with nullable reference types on, against what this test assembly runs
/// on: the .NET and ASP.NET Core shared frameworks and the packages referenced by the project (Dapper, Sqlite, Npgsql,
/// JwtBearer, IdentityModel) and Bastion — all of which are in the trusted platform assemblies or next to this assembly.
/// </summary>
public static class SnippetCompiler
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        // As the SDK does: unifying a package's older framework reference is not a problem of the snippet.
        specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]);

    public static CSharpCompilation Compile(CorpusSnippet snippet) => Compile(snippet.Name, [snippet.ParseTree()]);

    public static CSharpCompilation Compile(string assemblyName, IEnumerable<SyntaxTree> trees)
        => CSharpCompilation.Create("Corpus_" + assemblyName.Replace('-', '_'), trees, References, Options);

    /// <summary>The errors of a snippet (warnings are allowed in snippets).</summary>
    public static IReadOnlyList<Diagnostic> Errors(CorpusSnippet snippet)
        => Compile(snippet).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string path in trusted.Split(Path.PathSeparator).Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
        {
            byName.TryAdd(Path.GetFileName(path), path);
        }

        // Package DLLs copied next to the test assembly (normally already trusted; added when a host did not list them).
        foreach (string path in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
        {
            byName.TryAdd(Path.GetFileName(path), path);
        }

        string self = typeof(SnippetCompiler).Assembly.GetName().Name + ".dll";
        return byName
            .Where(p => !string.Equals(p.Key, self, StringComparison.OrdinalIgnoreCase) && IsManaged(p.Value))
            .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p.Value))
            .ToImmutableArray();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            using FileStream stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
