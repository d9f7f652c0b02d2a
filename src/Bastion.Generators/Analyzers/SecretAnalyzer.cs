using System.Collections.Immutable;
using System.Linq;
using Bastion.Generators.Diagnostics;
using Bastion.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Generators.Analyzers;

/// <summary>
/// Secrets in hand-written code:
/// <list type="bullet">
/// <item>BAS1601: a [Secret] property initialized or assigned with a non-empty string literal.</item>
/// <item>BAS1602: a type holding [Secret] members returned from an endpoint (a Bastion verb method or a <c>Map*</c>
/// lambda) or passed to <c>JsonSerializer.Serialize*</c> / <c>Results.Json</c>/<c>Ok</c>.</item>
/// <item>BAS1603: a [Secret] value passed to a logger, <c>Console</c>, <c>Debug</c>/<c>Trace</c>, or into string
/// interpolation or concatenation.</item>
/// </list>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> MapMethods = ImmutableHashSet.Create(
        "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods");

    private static readonly ImmutableHashSet<string> ResultMethods = ImmutableHashSet.Create("Json", "Ok", "Created", "Accepted", "CreatedAtRoute", "AcceptedAtRoute");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.HardCodedSecret, DiagnosticDescriptors.SecretHolderExposed, DiagnosticDescriptors.SecretWritten);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzePropertyInitializer, OperationKind.PropertyInitializer);
        context.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
        context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(AnalyzeInterpolation, OperationKind.InterpolatedString);
        context.RegisterOperationAction(AnalyzeConcatenation, OperationKind.Binary);
        context.RegisterSymbolAction(AnalyzeEndpointMethod, SymbolKind.Method);
    }

    private static bool IsSecret(ISymbol? symbol)
        => symbol is IPropertySymbol property && property.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == TypeNames.SecretAttribute);

    /// <summary>The first [Secret] property of <paramref name="type"/> (or of its element type), or null.</summary>
    private static IPropertySymbol? SecretMember(ITypeSymbol? type)
    {
        if (type is IArrayTypeSymbol array)
        {
            type = array.ElementType;
        }
        else if (type is INamedTypeSymbol { IsGenericType: true } generic && generic.TypeArguments.Length == 1)
        {
            // Task<T>, List<T>, Ok<T>, IEnumerable<T>...
            IPropertySymbol? inner = SecretMember(generic.TypeArguments[0]);
            if (inner is not null)
            {
                return inner;
            }
        }

        for (ITypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            IPropertySymbol? secret = current.GetMembers().OfType<IPropertySymbol>().FirstOrDefault(IsSecret);
            if (secret is not null)
            {
                return secret;
            }
        }

        return null;
    }

    private static void AnalyzePropertyInitializer(OperationAnalysisContext context)
    {
        var initializer = (IPropertyInitializerOperation)context.Operation;
        foreach (IPropertySymbol property in initializer.InitializedProperties.Where(IsSecret))
        {
            if (IsNonEmptyLiteral(initializer.Value))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HardCodedSecret, initializer.Value.Syntax.GetLocation(), property.ContainingType.Name + "." + property.Name));
            }
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation target && IsSecret(target.Property) && IsNonEmptyLiteral(assignment.Value))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HardCodedSecret, assignment.Value.Syntax.GetLocation(), target.Property.ContainingType.Name + "." + target.Property.Name));
        }
    }

    private static bool IsNonEmptyLiteral(IOperation value)
        => ProcessStartAnalyzer.Unwrap(value).ConstantValue is { HasValue: true, Value: string text } && text.Length > 0;

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        string type = method.ContainingType.ToDisplayString();

        string? sink = type switch
        {
            "System.Console" when method.Name.StartsWith("Write", System.StringComparison.Ordinal) => "Console." + method.Name,
            "System.Diagnostics.Debug" or "System.Diagnostics.Trace" => type.Substring(type.LastIndexOf('.') + 1) + "." + method.Name,
            "Microsoft.Extensions.Logging.LoggerExtensions" => "ILogger." + method.Name,
            "Microsoft.Extensions.Logging.ILogger" when method.Name == "Log" => "ILogger.Log",
            _ => null,
        };
        if (sink is null && method.ContainingType.TypeKind == TypeKind.Delegate && method.Name == "Invoke"
            && invocation.Instance?.Type is INamedTypeSymbol { IsGenericType: true } action
            && action.TypeArguments.FirstOrDefault()?.ToDisplayString() == "Microsoft.Extensions.Logging.ILogger")
        {
            sink = "a LoggerMessage delegate";
        }

        if (sink is not null)
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                foreach (IOperation value in Flatten(argument.Value))
                {
                    if (SecretReference(value) is { } secret)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SecretWritten, value.Syntax.GetLocation(), secret, sink));
                    }
                }
            }

            return;
        }

        bool serializer = type == "System.Text.Json.JsonSerializer" && method.Name.StartsWith("Serialize", System.StringComparison.Ordinal);
        bool result = ResultMethods.Contains(method.Name) && type is "Microsoft.AspNetCore.Http.Results" or "Microsoft.AspNetCore.Http.TypedResults";
        if (serializer || result)
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type.ToDisplayString() is "System.Type" or "System.Text.Json.JsonSerializerOptions")
                {
                    continue;
                }

                ITypeSymbol? valueType = ProcessStartAnalyzer.Unwrap(argument.Value).Type;
                if (SecretMember(valueType) is { } secret)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SecretHolderExposed, argument.Syntax.GetLocation(),
                        valueType!.Name, secret.Name, serializer ? "serialized to JSON" : "written to a response by Results." + method.Name));
                    return;
                }
            }
        }

        if (MapMethods.Contains(method.Name) && type == "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions")
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (ProcessStartAnalyzer.Unwrap(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                    && SecretMember(lambda.Symbol.ReturnType) is { } secret)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SecretHolderExposed, lambda.Syntax.GetLocation(),
                        lambda.Symbol.ReturnType.Name, secret.Name, "returned from an endpoint"));
                }
            }
        }
    }

    private static void AnalyzeEndpointMethod(SymbolAnalysisContext context)
    {
        var method = (IMethodSymbol)context.Symbol;
        bool endpoint = method.GetAttributes().Any(a => a.AttributeClass?.BaseType?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == TypeNames.HttpEndpointAttribute);
        if (endpoint && SecretMember(method.ReturnType) is { } secret)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SecretHolderExposed, method.Locations.FirstOrDefault(),
                method.ReturnType.Name, secret.Name, "returned from endpoint " + method.Name));
        }
    }

    private static void AnalyzeInterpolation(OperationAnalysisContext context)
    {
        var interpolated = (IInterpolatedStringOperation)context.Operation;
        foreach (IInterpolationOperation part in interpolated.Parts.OfType<IInterpolationOperation>())
        {
            if (SecretReference(part.Expression) is { } secret && !InsideLoggingCall(interpolated))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SecretWritten, part.Expression.Syntax.GetLocation(), secret, "string interpolation"));
            }
        }
    }

    private static void AnalyzeConcatenation(OperationAnalysisContext context)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (binary.OperatorKind != BinaryOperatorKind.Add || binary.Type?.SpecialType != SpecialType.System_String || binary.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add })
        {
            return;
        }

        if (InsideLoggingCall(binary))
        {
            return;
        }

        foreach (IOperation operand in Flatten(binary))
        {
            if (SecretReference(operand) is { } secret)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SecretWritten, operand.Syntax.GetLocation(), secret, "string concatenation"));
            }
        }
    }

    /// <summary>A string built inside a logging or console call is reported once, by the call.</summary>
    private static bool InsideLoggingCall(IOperation operation)
    {
        for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IInvocationOperation invocation)
            {
                string type = invocation.TargetMethod.ContainingType.ToDisplayString();
                return type is "System.Console" or "System.Diagnostics.Debug" or "System.Diagnostics.Trace" or "Microsoft.Extensions.Logging.LoggerExtensions" or "Microsoft.Extensions.Logging.ILogger";
            }
        }

        return false;
    }

    /// <summary>The operands of nested concatenations and interpolations, and params arrays.</summary>
    private static System.Collections.Generic.IEnumerable<IOperation> Flatten(IOperation operation)
    {
        operation = ProcessStartAnalyzer.Unwrap(operation);
        switch (operation)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                return Flatten(binary.LeftOperand).Concat(Flatten(binary.RightOperand));
            case IInterpolatedStringOperation interpolated:
                return interpolated.Parts.OfType<IInterpolationOperation>().SelectMany(p => Flatten(p.Expression));
            case IArrayCreationOperation { Initializer: { } initializer }:
                return initializer.ElementValues.SelectMany(Flatten);
            default:
                return new[] { operation };
        }
    }

    private static string? SecretReference(IOperation operation)
        => ProcessStartAnalyzer.Unwrap(operation) is IPropertyReferenceOperation reference && IsSecret(reference.Property)
            ? reference.Property.ContainingType.Name + "." + reference.Property.Name
            : null;
}
