using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers;

/// <summary>
/// Cookies the framework issues (BAS1521): the authentication cookie (AddCookie, ConfigureApplicationCookie, cookie
/// authentication options), the session cookie (AddSession), any CookieBuilder, and the global CookiePolicyOptions,
/// configured with CookieSecurePolicy.None or SameAsRequest, with HttpOnly off, or SameSite=None without Secure always.
/// The antiforgery cookie is left alone: its token is bound to the user, so reading or planting it is not enough.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CookieSchemeAnalyzer : DiagnosticAnalyzer
{
    private const int SameAsRequest = 0;
    private const int Always = 1;
    private const int NeverSecure = 2;
    private const int SameSiteNone = 0;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.CookieSchemeNotHardened);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(Analyze, OperationKind.SimpleAssignment);
    }

    private static void Analyze(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation target)
        {
            return;
        }

        string type = target.Property.ContainingType.Name;
        object? value = assignment.Value.ConstantValue.Value;
        string? problem = null;
        if (type == "CookieBuilder" && !IsAntiforgery(target))
        {
            string owner = Owner(target);
            problem = target.Property.Name switch
            {
                "SecurePolicy" when value is SameAsRequest => owner + " is Secure only on HTTPS requests (SameAsRequest), so behind a TLS-terminating proxy it never is",
                "SecurePolicy" when value is NeverSecure => owner + " is never Secure (CookieSecurePolicy.None)",
                "HttpOnly" when value is false => owner + " is readable by scripts (HttpOnly = false)",
                "SameSite" when value is SameSiteNone && !SecureAlways(assignment) => owner + " is SameSite=None without SecurePolicy Always",
                _ => null,
            };
        }
        else if (type == "CookiePolicyOptions" && target.Property.Name == "Secure" && value is SameAsRequest or NeverSecure)
        {
            problem = "the cookie policy leaves cookies without Secure (" + (value is NeverSecure ? "None" : "SameAsRequest") + ")";
        }

        if (problem is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.CookieSchemeNotHardened, assignment.Syntax.GetLocation(), "Cookie configuration", problem));
        }
    }

    private static bool IsAntiforgery(IPropertyReferenceOperation target)
        => target.Instance is IPropertyReferenceOperation { Property.ContainingType.Name: "AntiforgeryOptions" };

    private static string Owner(IPropertyReferenceOperation target) => target.Instance switch
    {
        IPropertyReferenceOperation { Property.ContainingType.Name: "SessionOptions" } => "the session cookie",
        IPropertyReferenceOperation { Property.ContainingType.Name: "CookieAuthenticationOptions" } => "the authentication cookie",
        _ => "the cookie",
    };

    /// <summary>SecurePolicy = Always set next to SameSite = None (same lambda or initializer).</summary>
    private static bool SecureAlways(IOperation assignment)
    {
        IOperation scope = assignment;
        while (scope.Parent is not null && scope is not (IAnonymousFunctionOperation or IObjectOrCollectionInitializerOperation))
        {
            scope = scope.Parent;
        }

        foreach (IOperation operation in scope.Descendants())
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "SecurePolicy" }, Value.ConstantValue.Value: Always })
            {
                return true;
            }
        }

        return false;
    }
}
