using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers;

public sealed partial class JwtAnalyzer
{
    private static readonly string[] ClaimMembers = ["Claims", "Payload", "Subject", "Audiences", "Actor", "GetClaim", "TryGetClaim", "GetPayloadValue", "TryGetPayloadValue"];

    private static void AnalyzeRead(OperationAnalysisContext context)
    {
        IOperation operation = context.Operation;
        bool read = operation switch
        {
            IInvocationOperation { TargetMethod.Name: "ReadJwtToken" or "ReadJsonWebToken" or "ReadToken" } call
                => call.TargetMethod.ContainingType.Name.EndsWith("TokenHandler", StringComparison.Ordinal),
            IObjectCreationOperation { Type.Name: "JsonWebToken" or "JwtSecurityToken", Arguments.Length: 1 } creation
                => creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String,
            _ => false,
        };
        if (read)
        {
            if (!InsideSignatureValidator(operation) && ClaimsTrusted(operation))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.TokenReadWithoutValidation, operation.Syntax.GetLocation(),
                    "The token is parsed without validation and its claims are then used"));
            }

            return;
        }

        if (operation is IInvocationOperation { TargetMethod.Name: "Decode" or "DecodeBytes" or "FromBase64String" or "Base64UrlDecode", Arguments.Length: >= 1 } decode
            && IsTokenPart(decode.Arguments[0].Value) && !VerifiesSignature(Root(decode)))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.TokenReadWithoutValidation, decode.Syntax.GetLocation(),
                "A token part is decoded by hand and its content used without verifying the signature"));
        }
    }

    private static void AnalyzeComparison(OperationAnalysisContext context)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals))
        {
            return;
        }

        bool none = IsNone(binary.LeftOperand) && MentionsAlg(binary.RightOperand) || IsNone(binary.RightOperand) && MentionsAlg(binary.LeftOperand);
        if (none)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.TokenReadWithoutValidation, binary.Syntax.GetLocation(),
                "The verifier treats 'alg: none' specially, so an unsigned token with any claims passes"));
        }
    }

    private static bool IsNone(IOperation operation) => operation.ConstantValue.Value is string text && string.Equals(text, "none", StringComparison.OrdinalIgnoreCase);

    private static bool MentionsAlg(IOperation operation) => operation.Syntax.ToString().IndexOf("alg", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>The parsed token (or the variable holding it) has its claims, payload or subject read.</summary>
    private static bool ClaimsTrusted(IOperation read)
    {
        IOperation current = read;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        if (current.Parent is IPropertyReferenceOperation or IInvocationOperation && IsClaimAccess(current.Parent, current))
        {
            return true;
        }

        ISymbol? variable = current.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local,
            IIsPatternOperation pattern => Declared(pattern.Pattern),
            _ => null,
        };
        if (variable is null)
        {
            return false;
        }

        foreach (IOperation operation in Root(read).Descendants())
        {
            IOperation? instance = operation switch
            {
                IPropertyReferenceOperation p => p.Instance,
                IInvocationOperation i => i.Instance,
                _ => null,
            };
            if (instance is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, variable) && IsClaimAccess(operation, instance))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsClaimAccess(IOperation access, IOperation instance) => access switch
    {
        IPropertyReferenceOperation p when p.Instance == instance => Array.IndexOf(ClaimMembers, p.Property.Name) >= 0,
        IInvocationOperation i when i.Instance == instance => Array.IndexOf(ClaimMembers, i.TargetMethod.Name) >= 0,
        _ => false,
    };

    private static ISymbol? Declared(IPatternOperation pattern) => pattern switch
    {
        INegatedPatternOperation negated => Declared(negated.Pattern),
        IDeclarationPatternOperation declaration => declaration.DeclaredSymbol,
        _ => null,
    };

    private static bool IsTokenPart(IOperation argument)
    {
        string text = argument.Syntax.ToString();
        return text.IndexOf("[1]", StringComparison.Ordinal) >= 0 && (text.IndexOf("part", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("Split", StringComparison.Ordinal) >= 0
                                                                     || text.IndexOf("segment", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0);
    }

    private static bool VerifiesSignature(IOperation root)
    {
        foreach (IOperation operation in root.Descendants())
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "HashData" or "ComputeHash" or "VerifyData" or "VerifyHash" or "FixedTimeEquals" or "ValidateToken" or "ValidateTokenAsync" })
            {
                return true;
            }
        }

        return false;
    }
}
