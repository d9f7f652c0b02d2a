using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Bastion.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Generators.Analyzers;

/// <summary>
/// BAS1410: SQL text <em>built</em> from non-constant values (interpolation with non-constant holes,
/// concatenation, <c>string.Format/Concat/Join</c>, a <c>StringBuilder</c> fed non-constant text, or a local
/// holding any of these) reaching Dapper's <c>Query*</c>/<c>Execute*</c> methods or <c>CommandDefinition</c>,
/// <c>CommandText</c> of any ADO.NET command, or a provider command's constructor (SqlCommand, NpgsqlCommand,
/// SqliteCommand, any <c>IDbCommand</c>). Constants, <c>const</c> concatenation, constant interpolation and raw
/// literals without holes are not reported; neither is a bare variable or parameter (nothing was built).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SqlInjectionAnalyzer : DiagnosticAnalyzer
{
    private const int MaxDepth = 8;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.SqlBuiltFromValues);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(AnalyzeCreation, OperationKind.ObjectCreation);
        context.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        if (method.ContainingType.ToDisplayString() != "Dapper.SqlMapper" || !(method.Name.StartsWith("Query", System.StringComparison.Ordinal) || method.Name.StartsWith("Execute", System.StringComparison.Ordinal)))
        {
            return;
        }

        IArgumentOperation? sql = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "sql");
        if (sql is not null)
        {
            Check(context, sql.Value, "SqlMapper." + method.Name);
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not INamedTypeSymbol type)
        {
            return;
        }

        bool command = type.ToDisplayString() == "Dapper.CommandDefinition"
                       || type.AllInterfaces.Any(i => i.ToDisplayString() == "System.Data.IDbCommand");
        IArgumentOperation? text = command
            ? creation.Arguments.FirstOrDefault(a => a.Parameter?.Name is "commandText" or "cmdText" && a.Parameter.Type.SpecialType == SpecialType.System_String)
            : null;
        if (text is not null)
        {
            Check(context, text.Value, "new " + type.Name);
        }

        if (command && creation.Initializer is not null)
        {
            foreach (ISimpleAssignmentOperation assignment in creation.Initializer.Initializers.OfType<ISimpleAssignmentOperation>())
            {
                if (assignment.Target is IPropertyReferenceOperation { Property.Name: "CommandText" })
                {
                    Check(context, assignment.Value, type.Name + ".CommandText");
                }
            }
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (IAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "CommandText" } property } && assignment.Parent is not IObjectOrCollectionInitializerOperation
            && (property.ContainingType.AllInterfaces.Any(i => i.ToDisplayString() == "System.Data.IDbCommand") || property.ContainingType.ToDisplayString() == "System.Data.IDbCommand"))
        {
            if (assignment is ICompoundAssignmentOperation compound)
            {
                if (!ProcessStartAnalyzer.IsConstant(compound.Value))
                {
                    Report(context, compound.Value, property.ContainingType.Name + ".CommandText", compound.Value);
                }

                return;
            }

            Check(context, assignment.Value, property.ContainingType.Name + ".CommandText");
        }
    }

    private static void Check(OperationAnalysisContext context, IOperation value, string sink)
    {
        IOperation? culprit = BuiltFrom(value, 0);
        if (culprit is not null)
        {
            Report(context, value, sink, culprit);
        }
    }

    private static void Report(OperationAnalysisContext context, IOperation value, string sink, IOperation culprit)
    {
        string piece = culprit.Syntax.ToString();
        if (piece.Length > 40)
        {
            piece = piece.Substring(0, 37) + "...";
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SqlBuiltFromValues, value.Syntax.GetLocation(), sink, piece));
    }

    /// <summary>The non-constant piece the SQL text was built from, or null when it was not built from one.</summary>
    internal static IOperation? BuiltFrom(IOperation operation, int depth)
    {
        if (depth > MaxDepth || ProcessStartAnalyzer.IsConstant(operation))
        {
            return null;
        }

        operation = ProcessStartAnalyzer.Unwrap(operation);
        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                return interpolated.Parts.OfType<IInterpolationOperation>().Select(p => p.Expression).FirstOrDefault(e => !ProcessStartAnalyzer.IsConstant(e));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                return NonConstantPart(binary.LeftOperand, depth) ?? NonConstantPart(binary.RightOperand, depth);
            case IConditionalOperation conditional:
                return (conditional.WhenTrue is null ? null : BuiltFrom(conditional.WhenTrue, depth)) ?? (conditional.WhenFalse is null ? null : BuiltFrom(conditional.WhenFalse, depth));
            case IInvocationOperation invocation when invocation.TargetMethod.ContainingType.SpecialType == SpecialType.System_String
                                                      && invocation.TargetMethod.Name is "Format" or "Concat" or "Join":
                return invocation.Arguments.Select(a => a.Value).Skip(invocation.TargetMethod.Name == "Format" ? 1 : 0).FirstOrDefault(v => !ProcessStartAnalyzer.IsConstant(v));
            case IInvocationOperation { TargetMethod.Name: "ToString", Instance: ILocalReferenceOperation builder } when builder.Type?.ToDisplayString() == "System.Text.StringBuilder":
                return BuilderInput(builder);
            case ILocalReferenceOperation local:
                return LocalInput(local, depth);
            default:
                return null;
        }
    }

    private static IOperation? NonConstantPart(IOperation operand, int depth)
    {
        if (ProcessStartAnalyzer.IsConstant(operand))
        {
            return null;
        }

        IOperation unwrapped = ProcessStartAnalyzer.Unwrap(operand);
        return unwrapped switch
        {
            IBinaryOperation or IInterpolatedStringOperation => BuiltFrom(unwrapped, depth),
            ILocalReferenceOperation local => LocalInput(local, depth + 1),
            _ => unwrapped,
        };
    }

    private static IOperation? LocalInput(ILocalReferenceOperation reference, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        IOperation root = Root(reference);
        foreach (IOperation operation in root.Descendants())
        {
            IOperation? written = operation switch
            {
                IVariableDeclaratorOperation { Initializer: { } initializer } declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local) => initializer.Value,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local) => assignment.Value,
                ICompoundAssignmentOperation { Target: ILocalReferenceOperation target } compound when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local)
                    => ProcessStartAnalyzer.IsConstant(compound.Value) ? null : compound.Value,
                _ => null,
            };
            if (written is null)
            {
                continue;
            }

            if (operation is ICompoundAssignmentOperation)
            {
                return written;
            }

            IOperation? culprit = BuiltFrom(written, depth + 1);
            if (culprit is not null)
            {
                return culprit;
            }
        }

        return null;
    }

    private static IOperation? BuilderInput(ILocalReferenceOperation builder)
    {
        var fromInitializer = new HashSet<IOperation>(BuilderInitializers(builder));
        foreach (IInvocationOperation call in Root(builder).Descendants().OfType<IInvocationOperation>())
        {
            IOperation? receiver = call.Instance;
            while (receiver is IInvocationOperation { Instance: { } inner } chained && chained.Type?.ToDisplayString() == "System.Text.StringBuilder")
            {
                receiver = inner;
            }

            bool onBuilder = fromInitializer.Contains(call) || (receiver is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, builder.Local));
            if (onBuilder
                && call.TargetMethod.Name is "Append" or "AppendLine" or "AppendFormat" or "Insert" or "Replace")
            {
                IOperation? variable = call.Arguments.Select(a => a.Value).FirstOrDefault(v => v.Type?.SpecialType is SpecialType.System_String or SpecialType.System_Object && !ProcessStartAnalyzer.IsConstant(v));
                if (variable is not null)
                {
                    return variable;
                }
            }
        }

        return null;
    }

    /// <summary>Appends chained onto the builder's creation (<c>var sb = new StringBuilder().Append(x)</c>).</summary>
    private static IEnumerable<IInvocationOperation> BuilderInitializers(ILocalReferenceOperation builder)
        => Root(builder).Descendants().OfType<IVariableDeclaratorOperation>()
            .Where(d => SymbolEqualityComparer.Default.Equals(d.Symbol, builder.Local) && d.Initializer is not null)
            .SelectMany(d => d.Initializer!.Value.DescendantsAndSelf().OfType<IInvocationOperation>());

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}
