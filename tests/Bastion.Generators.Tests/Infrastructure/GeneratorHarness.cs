using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Bastion.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Bastion.Generators.Tests.Infrastructure;

/// <summary>Compiles test sources against the real framework and Bastion assemblies and runs the generator.</summary>
public static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    public static CSharpCompilation Compile(params string[] sources) => Compile(sources, Array.Empty<MetadataReference>());

    public static CSharpCompilation Compile(string[] sources, IEnumerable<MetadataReference> extraReferences, string assemblyName = "Scenario") => CSharpCompilation.Create(
        assemblyName,
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"{assemblyName}{i}.cs")),
        References.Value.AddRange(extraReferences),
        new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            generalDiagnosticOption: ReportDiagnostic.Error,
            // As the SDK does: unifying a package's older framework reference is not a problem in the code under test.
            specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));

    public static GeneratorDriver CreateDriver(bool track = true) => CSharpGeneratorDriver.Create(
        new[] { new BastionGenerator().AsSourceGenerator() },
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    /// <summary>
    /// Runs the generator, then <see cref="Bastion.Generators.Diagnostics.AttributeDiagnosticsAnalyzer"/> on the result as
    /// the compiler does: <see cref="GeneratorRunOutcome.GeneratorDiagnostics"/> holds both (the generator itself reports
    /// nothing; its parsers' findings come from the analyzer).
    /// </summary>
    public static GeneratorRunOutcome Run(params string[] sources)
    {
        CSharpCompilation compilation = Compile(sources);
        GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        ImmutableArray<Diagnostic> findings = Analyze(output, new Bastion.Generators.Diagnostics.AttributeDiagnosticsAnalyzer());
        return new GeneratorRunOutcome(driver, output, diagnostics.AddRange(findings));
    }

    /// <summary>Runs the analyzers shipped beside the generator on a compilation.</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, DiagnosticAnalyzer analyzer)
        => compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var paths = new HashSet<string>(trusted.Split(Path.PathSeparator), StringComparer.Ordinal)
        {
            typeof(Bastion.SanitizeAttribute).Assembly.Location,
        };
        return paths.Where(p => p.EndsWith(".dll", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith("Bastion.Generators", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}

public sealed record GeneratorRunOutcome(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    public string Source(string hintNameEnd) => Result.Results.SelectMany(r => r.GeneratedSources)
        .Single(s => s.HintName.EndsWith(hintNameEnd, StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>Errors and warnings of the compilation including generated code (warnings are errors here).</summary>
    public IReadOnlyList<Diagnostic> CompileProblems() => Output.GetDiagnostics()
        .Where(d => d.Severity >= DiagnosticSeverity.Warning)
        .ToList();
}
