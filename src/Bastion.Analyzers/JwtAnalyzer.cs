using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers;

/// <summary>
/// JWT validation in hand-written code. BAS1701: TokenValidationParameters with lifetime validation off (unless the same
/// member checks a stored refresh token in constant time), unsigned tokens allowed, a clock skew over five minutes, or
/// issuer/audience validation off where the signing keys are shared (Entra ID common/organizations, Google). BAS1702: a
/// SignatureValidator that returns the parsed token, a lifetime, issuer or audience validator that accepts everything,
/// a key resolver that fetches keys named by the token. BAS1703: claims read from a token parsed without validation
/// (ReadJwtToken, ReadJsonWebToken, ReadToken, new JsonWebToken(string)), and "alg: none" accepted by a hand-written verifier.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class JwtAnalyzer : DiagnosticAnalyzer
{
    private const int MaxSkewSeconds = 300;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Rules.TokenValidationOff, Rules.TokenValidatorAcceptsAll, Rules.TokenReadWithoutValidation);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
        context.RegisterOperationAction(AnalyzeRead, OperationKind.Invocation, OperationKind.ObjectCreation);
        context.RegisterOperationAction(AnalyzeComparison, OperationKind.Binary);
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation target || target.Property.ContainingType.Name != "TokenValidationParameters"
            || InsideSignatureValidator(assignment))
        {
            return;
        }

        object? value = assignment.Value.ConstantValue.Value;
        string? off = target.Property.Name switch
        {
            "ValidateLifetime" when value is false && !ChecksSecondCredential(assignment) => "ValidateLifetime = false accepts expired tokens",
            "RequireSignedTokens" when value is false => "RequireSignedTokens = false accepts unsigned ('alg: none') tokens",
            "ValidateIssuer" when value is false && SharedKeys(assignment) => "ValidateIssuer = false with an authority whose keys every tenant shares accepts tokens from any tenant",
            "ValidateAudience" when value is false && SharedKeys(assignment) => "ValidateAudience = false with an authority that signs tokens for every application accepts tokens issued to others",
            "ClockSkew" when SkewSeconds(assignment.Value) is double seconds && seconds > MaxSkewSeconds => "ClockSkew of " + Describe(seconds) + " keeps expired tokens valid",
            _ => null,
        };
        if (off is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.TokenValidationOff, assignment.Syntax.GetLocation(), off));
            return;
        }

        string? accepts = target.Property.Name switch
        {
            "SignatureValidator" when Validators.ReturnsUnvalidatedToken(assignment.Value) => "the SignatureValidator returns the token without checking its signature",
            "LifetimeValidator" when Validators.AcceptsAnyLifetime(assignment.Value) => "the LifetimeValidator accepts expired tokens",
            "IssuerValidator" when Validators.NeverRefuses(assignment.Value) => "the IssuerValidator accepts any issuer",
            "AudienceValidator" when Validators.NeverRefuses(assignment.Value) => "the AudienceValidator accepts any audience",
            "IssuerSigningKeyResolver" when Validators.FetchesKeysNamedByToken(assignment.Value) => "the key resolver downloads keys from a location the token names (jku/x5u)",
            _ => null,
        };
        if (accepts is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.TokenValidatorAcceptsAll, assignment.Syntax.GetLocation(), accepts));
        }
    }

    private static string Describe(double seconds)
        => seconds >= TimeSpan.MaxValue.TotalSeconds / 2 ? "TimeSpan.MaxValue" : seconds >= 86400 ? (seconds / 86400).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " days"
            : (seconds / 60).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " minutes";

    private static double? SkewSeconds(IOperation value)
    {
        value = Flow.Guards.Unwrap(value);
        if (value is IFieldReferenceOperation { Field.Name: "MaxValue" })
        {
            return TimeSpan.MaxValue.TotalSeconds;
        }

        if (value is IInvocationOperation { TargetMethod.ContainingType.Name: "TimeSpan", Arguments.Length: >= 1 } call
            && Convert.ToDouble(call.Arguments[0].Value.ConstantValue.Value ?? double.NaN, System.Globalization.CultureInfo.InvariantCulture) is double n && !double.IsNaN(n))
        {
            return call.TargetMethod.Name switch
            {
                "FromDays" => n * 86400,
                "FromHours" => n * 3600,
                "FromMinutes" => n * 60,
                "FromSeconds" => n,
                _ => null,
            };
        }

        return null;
    }

    /// <summary>Lifetime checks may be off where the member verifies a stored refresh token in constant time.</summary>
    private static bool ChecksSecondCredential(IOperation operation)
    {
        foreach (IOperation descendant in Root(operation).Descendants())
        {
            if (descendant is IInvocationOperation { TargetMethod.Name: "FixedTimeEquals" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The JwtBearerOptions configured alongside uses an authority whose signing keys other issuers or audiences share.</summary>
    private static bool SharedKeys(IOperation operation)
    {
        foreach (IOperation descendant in Root(operation).Descendants())
        {
            if (descendant is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Authority" or "MetadataAddress" } } authority
                && authority.Value.ConstantValue.Value is string url
                && (url.IndexOf("login.microsoftonline.com/common", StringComparison.OrdinalIgnoreCase) >= 0
                    || url.IndexOf("login.microsoftonline.com/organizations", StringComparison.OrdinalIgnoreCase) >= 0
                    || url.IndexOf("login.microsoftonline.com/consumers", StringComparison.OrdinalIgnoreCase) >= 0
                    || url.IndexOf("accounts.google.com", StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InsideSignatureValidator(IOperation operation)
    {
        for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation && current.Parent is IDelegateCreationOperation { Parent: ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "SignatureValidator" } } })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The outermost operation of the member (method body, or the top-level statements).</summary>
    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}
