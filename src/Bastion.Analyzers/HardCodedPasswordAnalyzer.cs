using System;
using System.Collections.Immutable;
using Bastion.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers;

/// <summary>
/// BAS1601 for a password checked against a literal: <c>password == "S3cret!"</c>, <c>string.Equals(apiKey, "…")</c>
/// or a fixed-time comparison with the bytes of a literal. The literal is the credential, and it is in the code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardCodedPasswordAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.HardCodedSecret);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeBinary, OperationKind.Binary);
        context.RegisterOperationAction(AnalyzeCall, OperationKind.Invocation);
    }

    private static void AnalyzeBinary(OperationAnalysisContext context)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals && Compared(binary.LeftOperand, binary.RightOperand))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.HardCodedSecret, binary.Syntax.GetLocation(), "The password check", "a literal"));
        }
    }

    private static void AnalyzeCall(OperationAnalysisContext context)
    {
        var call = (IInvocationOperation)context.Operation;
        if (call.TargetMethod.Name is not ("Equals" or "FixedTimeEquals" or "SequenceEqual"))
        {
            return;
        }

        IOperation? first = call.Instance ?? (call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
        IOperation? second = call.Instance is null ? (call.Arguments.Length > 1 ? call.Arguments[1].Value : null) : (call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
        if (first is not null && second is not null && Compared(first, second))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.HardCodedSecret, call.Syntax.GetLocation(), "The password check", "a literal"));
        }
    }

    private static bool Compared(IOperation a, IOperation b) => IsCredentialLiteral(a) && NamesCredential(b) || IsCredentialLiteral(b) && NamesCredential(a);

    private static bool IsCredentialLiteral(IOperation operation)
    {
        foreach (IOperation inner in operation.DescendantsAndSelf())
        {
            if (inner.ConstantValue.Value is string text && BodyFlow.IsSecretLooking(text))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NamesCredential(IOperation operation)
    {
        string text = operation.Syntax.ToString();
        return text.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("passwd", StringComparison.OrdinalIgnoreCase) >= 0
               || text.IndexOf("apikey", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("api_key", StringComparison.OrdinalIgnoreCase) >= 0
               || text.IndexOf("secret", StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
