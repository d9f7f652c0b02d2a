using System.Collections.Immutable;
using System.Linq;
using Bastion.Generators.Diagnostics;
using Bastion.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Bastion.Generators.Analyzers;

/// <summary>
/// Reports a verb attribute ([Get], [Post], ...) on a method whose class is not [BastionEndpoints]:
/// the generator only looks at marked classes, so without this the endpoint would silently not exist.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EndpointAttributeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.EndpointOutsideEndpointsClass);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeMethod, SymbolKind.Method);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context)
    {
        var method = (IMethodSymbol)context.Symbol;
        AttributeData? verb = method.GetAttributes().FirstOrDefault(a =>
            a.AttributeClass?.BaseType?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == TypeNames.HttpEndpointAttribute);
        if (verb is null)
        {
            return;
        }

        bool marked = method.ContainingType?.GetAttributes().Any(a =>
            a.AttributeClass?.ToDisplayString() == TypeNames.BastionEndpointsAttribute) == true;
        if (!marked)
        {
            string name = verb.AttributeClass!.Name;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EndpointOutsideEndpointsClass, method.Locations.FirstOrDefault(),
                method.Name, name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - 9) : name));
        }
    }
}
