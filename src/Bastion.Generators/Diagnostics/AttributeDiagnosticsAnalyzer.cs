using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Bastion.Generators.Browser;
using Bastion.Generators.Commands;
using Bastion.Generators.Endpoints;
using Bastion.Generators.Options;
using Bastion.Generators.Shared;
using Bastion.Generators.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Bastion.Generators.Diagnostics;

/// <summary>
/// Reports what the generator's parsers find wrong with Bastion attributes ([BastionEndpoints], [Sql], [SafeCommand],
/// [BastionOptions], [assembly: CorsPolicy], [assembly: SecurityHeaders]). The parsers are the generator's own, run here
/// on the same symbols, so the generator itself reports nothing: the compiler stops before analyzers when a generator
/// reports an error, and a newcomer would then see Bastion's analyzer findings only after a second build.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AttributeDiagnosticsAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.AttributeRules;

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is analyzed too: once a partial method's generated implementation exists, the compiler counts
        // the whole method as generated and would skip the user's declaration, where the attribute is. Only declarations
        // carrying Bastion attributes are looked at, and the generator writes none.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var endpointClasses = new ConcurrentBag<EndpointClassModel>();
            var corsFiles = new ConcurrentBag<AssemblyBrowserModel>();
            start.RegisterSymbolAction(symbol => AnalyzeType(symbol, endpointClasses), SymbolKind.NamedType);
            // Methods by their declaration: a partial method's definition (where the attribute is) may not be the symbol a
            // symbol action receives once the generated implementation exists.
            start.RegisterSyntaxNodeAction(AnalyzeMethod, Microsoft.CodeAnalysis.CSharp.SyntaxKind.MethodDeclaration);
            start.RegisterSemanticModelAction(model => AnalyzeAssemblyAttributes(model, corsFiles));
            start.RegisterCompilationEndAction(end =>
            {
                Report(end.ReportDiagnostic, end.Compilation, EndpointRegistryEmitter.FindDuplicates(endpointClasses.ToImmutableArray()));
                Report(end.ReportDiagnostic, end.Compilation, BrowserParser.FindDuplicatePolicies(corsFiles.ToImmutableArray()));
            });
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, ConcurrentBag<EndpointClassModel> endpointClasses)
    {
        ImmutableArray<AttributeData> endpoints = Attributes(context.Symbol, TypeNames.BastionEndpointsAttribute);
        if (!endpoints.IsEmpty)
        {
            EndpointParseResult result = EndpointParser.Parse(context.Symbol, endpoints, context.CancellationToken);
            Report(context.ReportDiagnostic, context.Compilation, result.Diagnostics);
            if (result.Model is not null)
            {
                endpointClasses.Add(result.Model);
            }
        }

        ImmutableArray<AttributeData> options = Attributes(context.Symbol, TypeNames.BastionOptionsAttribute);
        if (!options.IsEmpty)
        {
            Report(context.ReportDiagnostic, context.Compilation, OptionsParser.Parse(context.Symbol, options, context.CancellationToken).Diagnostics);
        }
    }

    private static void AnalyzeMethod(SyntaxNodeAnalysisContext context)
    {
        var node = (Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax)context.Node;
        // An implementation part (Bastion's generated body) shares the definition's attributes; only the definition counts.
        if (node.AttributeLists.Count == 0 || context.SemanticModel.GetDeclaredSymbol(node, context.CancellationToken) is not IMethodSymbol method
            || method.PartialDefinitionPart is not null)
        {
            return;
        }

        ImmutableArray<AttributeData> sql = Attributes(method, TypeNames.SqlAttribute);
        if (!sql.IsEmpty)
        {
            Report(context.ReportDiagnostic, context.Compilation, SqlParser.Parse(method, sql, node, context.CancellationToken).Diagnostics);
        }

        ImmutableArray<AttributeData> command = Attributes(method, TypeNames.SafeCommandAttribute);
        if (!command.IsEmpty)
        {
            Report(context.ReportDiagnostic, context.Compilation, CommandParser.Parse(method, command, node, context.CancellationToken).Diagnostics);
        }
    }

    /// <summary>Assembly attributes, file by file as the generator reads them (so each finding is reported once).</summary>
    private static void AnalyzeAssemblyAttributes(SemanticModelAnalysisContext context, ConcurrentBag<AssemblyBrowserModel> corsFiles)
    {
        SyntaxTree tree = context.SemanticModel.SyntaxTree;
        List<AttributeData> inThisFile = context.SemanticModel.Compilation.Assembly.GetAttributes()
            .Where(a => a.ApplicationSyntaxReference?.SyntaxTree == tree)
            .ToList();
        if (inThisFile.Count == 0)
        {
            return;
        }

        AssemblyBrowserModel cors = BrowserParser.ParseCorsPolicies(inThisFile.Where(a => a.AttributeClass?.ToDisplayString() == TypeNames.CorsPolicyAttribute));
        corsFiles.Add(cors);
        Report(context.ReportDiagnostic, context.SemanticModel.Compilation, cors.Diagnostics);
        Report(context.ReportDiagnostic, context.SemanticModel.Compilation,
            BrowserParser.ParseAssemblyHeaders(inThisFile.Where(a => a.AttributeClass?.ToDisplayString() == TypeNames.SecurityHeadersAttribute)).Diagnostics);
    }

    private static ImmutableArray<AttributeData> Attributes(ISymbol symbol, string metadataName)
        => symbol.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == metadataName).ToImmutableArray();

    private static void Report(System.Action<Diagnostic> report, Compilation compilation, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            report(diagnostic.ToDiagnostic(compilation));
        }
    }
}
