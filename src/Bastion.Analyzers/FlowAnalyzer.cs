using System.Collections.Immutable;
using Bastion.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Bastion.Analyzers;

/// <summary>
/// Base of the analyzers whose rules run on the flow engine: the engine analyses the compilation once (shared by every
/// such analyzer through <see cref="FlowAnalysis.For"/>) and each analyzer reports its own rules, tree by tree.
/// </summary>
public abstract class FlowAnalyzer : DiagnosticAnalyzer
{
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            FlowAnalysis analysis = FlowAnalysis.For(start.Compilation);
            ImmutableArray<DiagnosticDescriptor> supported = SupportedDiagnostics;
            start.RegisterSemanticModelAction(model =>
            {
                foreach (Diagnostic diagnostic in analysis.DiagnosticsFor(model.SemanticModel.SyntaxTree, model.CancellationToken))
                {
                    if (supported.Contains(diagnostic.Descriptor))
                    {
                        model.ReportDiagnostic(diagnostic);
                    }
                }
            });
        });
    }
}
