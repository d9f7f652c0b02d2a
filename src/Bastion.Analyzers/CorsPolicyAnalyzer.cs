using System;
using System.Collections.Immutable;
using Bastion.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers;

/// <summary>
/// CORS policies built with the middleware's API (BAS1530): credentials allowed together with an origin predicate that
/// accepts any origin or a look-alike (StartsWith, EndsWith without a leading dot, Contains, unanchored or unescaped
/// patterns, a scheme check, "null"), with the origin "null", or with a plain-http origin. The predicate is judged by
/// the same guard rules as the flow engine: it must prove an exact match (a fixed set, equality, an anchored pattern
/// with escaped dots, a host or ".domain" suffix check on the parsed origin).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CorsPolicyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.CorsAnyOriginWithCredentials);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.ContainingType.Name != "CorsPolicyBuilder" || !Chain.Has(invocation, "AllowCredentials"))
        {
            return;
        }

        if (invocation.TargetMethod.Name == "SetIsOriginAllowed" && invocation.Arguments.Length == 1)
        {
            string? problem = Judge(context.Compilation, invocation.Arguments[0].Value);
            if (problem is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.CorsAnyOriginWithCredentials, invocation.Syntax.GetLocation(), problem));
            }
        }
        else if (invocation.TargetMethod.Name == "WithOrigins")
        {
            foreach (IOperation origin in Origins(invocation))
            {
                if (origin.ConstantValue.Value is string text && BadOrigin(text) is { } problem)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rules.CorsAnyOriginWithCredentials, origin.Syntax.GetLocation(), problem));
                }
            }
        }
    }

    private static System.Collections.Generic.IEnumerable<IOperation> Origins(IInvocationOperation invocation)
    {
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (IOperation element in initializer.ElementValues)
                {
                    yield return element;
                }
            }
            else
            {
                yield return argument.Value;
            }
        }
    }

    private static string? BadOrigin(string origin)
    {
        if (string.Equals(origin.Trim(), "null", StringComparison.OrdinalIgnoreCase))
        {
            return "the origin \"null\", which sandboxed iframes on any site send";
        }

        if (origin.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !origin.StartsWith("http://localhost", StringComparison.OrdinalIgnoreCase)
            && !origin.StartsWith("http://127.0.0.1", StringComparison.OrdinalIgnoreCase))
        {
            return "the plain-http origin " + origin + ", which a network attacker can impersonate";
        }

        return null;
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "IsOriginAllowed" } target || target.Property.ContainingType.Name != "CorsPolicy")
        {
            return;
        }

        bool credentials = assignment.Parent is IObjectOrCollectionInitializerOperation initializer
            ? Contains(initializer, "SupportsCredentials")
            : true;
        if (credentials && Judge(context.Compilation, assignment.Value) is { } problem)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.CorsAnyOriginWithCredentials, assignment.Syntax.GetLocation(), problem));
        }
    }

    private static bool Contains(IObjectOrCollectionInitializerOperation initializer, string property)
    {
        foreach (IOperation member in initializer.Initializers)
        {
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target, Value.ConstantValue.Value: true } && target.Property.Name == property)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Null when the predicate proves an exact origin; otherwise what it lets through.</summary>
    public static string? Judge(Compilation compilation, IOperation predicate)
    {
        FlowAnalysis analysis = FlowAnalysis.For(compilation);
        predicate = Guards.Unwrap(predicate);
        if (predicate is IDelegateCreationOperation creation)
        {
            predicate = creation.Target;
        }

        switch (predicate)
        {
            case IAnonymousFunctionOperation lambda when lambda.Symbol.Parameters.Length == 1:
            {
                IOperation? body = Guards.SingleReturn(lambda.Body);
                if (body is null)
                {
                    return null;
                }

                if (Guards.Unwrap(body).ConstantValue.Value is true)
                {
                    return "any origin";
                }

                return (analysis.ProvesWhenTrue(lambda.Symbol, body, lambda.Symbol.Parameters[0]) & Safe.Cors) != 0 ? null : "look-alike origins (the check is not an exact match)";
            }

            case IMethodReferenceOperation { Method.Name: "IsMatch" } match when match.Instance is not null:
                return analysis.RegexPattern(Guards.Unwrap(match.Instance)) is string pattern && (Patterns.Proves(pattern) & Safe.Cors) != 0
                    ? null
                    : "origins the pattern matches without being the intended ones (it is not anchored at both ends with escaped dots)";
            case IMethodReferenceOperation reference when reference.Method.Parameters.Length == 1:
                return analysis.PredicateFacts(reference.Method) is { } facts && facts.WhenTrue.TryGetValue(0, out Safe safe) && (safe & Safe.Cors) != 0
                    ? null
                    : "look-alike origins (" + reference.Method.Name + " is not an exact match)";
            default:
                return null;
        }
    }

    /// <summary>The calls made on one CorsPolicyBuilder: its fluent chain and other statements on the same variable.</summary>
    private static class Chain
    {
        public static bool Has(IInvocationOperation invocation, string method)
        {
            IOperation? root = invocation;
            while (root is IInvocationOperation { Instance: { } inner } && inner.Type?.Name == "CorsPolicyBuilder")
            {
                if (inner is IInvocationOperation { TargetMethod.Name: var below } && below == method)
                {
                    return true;
                }

                root = inner;
            }

            for (IOperation? up = invocation; up is IInvocationOperation call; up = up.Parent)
            {
                if (call.TargetMethod.Name == method)
                {
                    return true;
                }
            }

            ISymbol? variable = root switch
            {
                IParameterReferenceOperation p => p.Parameter,
                ILocalReferenceOperation l => l.Local,
                _ => null,
            };
            IOperation scope = invocation;
            while (scope.Parent is not null && scope is not IAnonymousFunctionOperation)
            {
                scope = scope.Parent;
            }

            foreach (IOperation operation in scope.Descendants())
            {
                if (operation is IInvocationOperation { TargetMethod.Name: var name } other && name == method)
                {
                    if (variable is null)
                    {
                        continue;
                    }

                    IOperation? start = other;
                    while (start is IInvocationOperation { Instance: { } inner })
                    {
                        start = inner;
                    }

                    ISymbol? same = start switch
                    {
                        IParameterReferenceOperation p => p.Parameter,
                        ILocalReferenceOperation l => l.Local,
                        _ => null,
                    };
                    if (SymbolEqualityComparer.Default.Equals(same, variable))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
