using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Bastion.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Generators.Analyzers;

/// <summary>
/// BAS1520: a cookie written without the attributes that keep it from scripts and other sites.
/// <list type="bullet">
/// <item><c>Response.Cookies.Append(name, value)</c> without options: no HttpOnly, no Secure, no SameSite.</item>
/// <item><c>new CookieOptions { ... }</c> where HttpOnly or Secure is not set to true, or SameSite is not set to
/// Strict or Lax, counting assignments to the same local later in the method. A value the analyzer cannot
/// evaluate (for example <c>Secure = request.IsHttps</c>) counts as set; a literal false, None or Unspecified does not.</item>
/// </list>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CookieAnalyzer : DiagnosticAnalyzer
{
    private const string CookieOptions = "Microsoft.AspNetCore.Http.CookieOptions";
    private const string ResponseCookies = "Microsoft.AspNetCore.Http.IResponseCookies";
    private const int SameSiteLax = 1;
    private const int SameSiteStrict = 2;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.CookieNotHardened);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(AnalyzeCreation, OperationKind.ObjectCreation);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        if (method.Name != "Append" || method.Parameters.Length != 2 || !IsResponseCookies(method.ContainingType))
        {
            return;
        }

        string name = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value.ConstantValue is { HasValue: true, Value: string literal }
            ? "'" + literal + "'"
            : "a cookie";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CookieNotHardened, invocation.Syntax.GetLocation(),
            "Cookies.Append writes " + name, "without options, so it is readable by scripts, sent over plain HTTP and sent on cross-site requests"));
    }

    private static void AnalyzeCreation(OperationAnalysisContext context)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type?.ToDisplayString() != CookieOptions || creation.Arguments.Length > 0)
        {
            return;
        }

        var assigned = new Dictionary<string, IOperation>();
        if (creation.Initializer is not null)
        {
            foreach (IOperation initializer in creation.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    assigned[property.Property.Name] = assignment.Value;
                }
            }
        }

        ILocalSymbol? local = AssignedLocal(creation);
        if (local is not null)
        {
            IOperation root = creation;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            foreach (ISimpleAssignmentOperation assignment in root.Descendants().OfType<ISimpleAssignmentOperation>())
            {
                if (assignment.Target is IPropertyReferenceOperation { Instance: ILocalReferenceOperation reference } property
                    && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    assigned[property.Property.Name] = assignment.Value;
                }
            }
        }

        var missing = new List<string>();
        if (!IsTrue(assigned, "HttpOnly"))
        {
            missing.Add("HttpOnly");
        }

        if (!IsTrue(assigned, "Secure"))
        {
            missing.Add("Secure");
        }

        if (!assigned.TryGetValue("SameSite", out IOperation? sameSite)
            || (sameSite.ConstantValue is { HasValue: true, Value: int mode } && mode is not (SameSiteLax or SameSiteStrict)))
        {
            missing.Add("SameSite Strict or Lax");
        }

        if (missing.Count > 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CookieNotHardened, creation.Syntax.GetLocation(),
                "These CookieOptions", "lack " + string.Join(", ", missing)));
        }
    }

    private static bool IsTrue(Dictionary<string, IOperation> assigned, string property)
        => assigned.TryGetValue(property, out IOperation? value) && !(value.ConstantValue is { HasValue: true, Value: false });

    private static bool IsResponseCookies(INamedTypeSymbol type)
        => type.ToDisplayString() == ResponseCookies || type.AllInterfaces.Any(i => i.ToDisplayString() == ResponseCookies);

    /// <summary>The local a creation is stored in (<c>var o = new CookieOptions()</c> or <c>o = new ...</c>), or null.</summary>
    private static ILocalSymbol? AssignedLocal(IObjectCreationOperation creation)
    {
        IOperation? parent = creation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local,
            _ => null,
        };
    }
}
