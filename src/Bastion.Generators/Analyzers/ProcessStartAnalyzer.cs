using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Bastion.Generators.Commands;
using Bastion.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Generators.Analyzers;

/// <summary>
/// Command injection in hand-written process code. For every <c>Process.Start</c> call and every
/// <c>ProcessStartInfo</c> (its constructor, initializer, and later assignments to the same local), it
/// gathers the executable, the argument string, <c>ArgumentList</c> additions and <c>UseShellExecute</c>, then:
/// BAS1301 when a shell or interpreter gets any non-constant argument; BAS1302 when UseShellExecute is true
/// and the file or arguments are non-constant; BAS1303 when a non-shell program gets its arguments as one
/// non-constant string. "Constant" means a compile-time constant (literals, const fields, const
/// concatenation, interpolation of constants).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProcessStartAnalyzer : DiagnosticAnalyzer
{
    private const string ProcessType = "System.Diagnostics.Process";
    private const string StartInfoType = "System.Diagnostics.ProcessStartInfo";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ShellWithNonConstantCommand,
        DiagnosticDescriptors.ShellExecuteWithNonConstantInput,
        DiagnosticDescriptors.NonConstantArgumentsString);

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
        if (method.Name != "Start" || !method.IsStatic || method.ContainingType.ToDisplayString() != ProcessType)
        {
            return;
        }

        var facts = new StartFacts();
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            facts.Take(argument.Parameter?.Name, argument.Value);
        }

        facts.Report(context.ReportDiagnostic, invocation.Syntax.GetLocation(), "Process.Start");
    }

    private static void AnalyzeCreation(OperationAnalysisContext context)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type?.ToDisplayString() != StartInfoType)
        {
            return;
        }

        var facts = new StartFacts();
        foreach (IArgumentOperation argument in creation.Arguments)
        {
            facts.Take(argument.Parameter?.Name, argument.Value);
        }

        if (creation.Initializer is not null)
        {
            foreach (IOperation initializer in creation.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    facts.Take(property.Property.Name, assignment.Value);
                }
            }
        }

        ILocalSymbol? local = AssignedLocal(creation);
        if (local is not null)
        {
            foreach (IOperation operation in Body(creation).Descendants())
            {
                if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation target } property } assignment
                    && SymbolEqualityComparer.Default.Equals(target.Local, local))
                {
                    facts.Take(property.Property.Name, assignment.Value);
                }
                else if (operation is IInvocationOperation { TargetMethod.Name: "Add", Instance: IPropertyReferenceOperation { Property.Name: "ArgumentList", Instance: ILocalReferenceOperation owner } } add
                    && SymbolEqualityComparer.Default.Equals(owner.Local, local) && add.Arguments.Length == 1)
                {
                    facts.Take("ArgumentList", add.Arguments[0].Value);
                }
            }
        }

        facts.Report(context.ReportDiagnostic, creation.Syntax.GetLocation(), "ProcessStartInfo");
    }

    private static ILocalSymbol? AssignedLocal(IOperation creation)
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

    private static IOperation Body(IOperation operation)
    {
        IOperation current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }

    internal static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    internal static bool IsConstant(IOperation operation)
    {
        IOperation value = Unwrap(operation);
        if (value.ConstantValue.HasValue || operation.ConstantValue.HasValue)
        {
            return true;
        }

        return value switch
        {
            IArrayCreationOperation array => array.Initializer is null ? array.DimensionSizes.All(IsConstant) : array.Initializer.ElementValues.All(IsConstant),
            ICollectionExpressionOperation collection => collection.Elements.All(IsConstant),
            IInterpolatedStringOperation interpolated => interpolated.Parts.All(p => p is IInterpolatedStringTextOperation || (p is IInterpolationOperation hole && IsConstant(hole.Expression))),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary => IsConstant(binary.LeftOperand) && IsConstant(binary.RightOperand),
            _ => false,
        };
    }

    /// <summary>What is known about one process start.</summary>
    private sealed class StartFacts
    {
        private readonly List<IOperation> _nonConstantArguments = new();
        private IOperation? _fileName;
        private IOperation? _argumentString;
        private bool _shellExecute;

        public void Take(string? name, IOperation value)
        {
            switch (name)
            {
                case "fileName":
                case "FileName":
                    _fileName = value;
                    break;
                case "arguments":
                case "Arguments":
                    if (Unwrap(value).Type?.SpecialType == SpecialType.System_String)
                    {
                        _argumentString = value;
                    }

                    if (!IsConstant(value))
                    {
                        _nonConstantArguments.Add(value);
                    }

                    break;
                case "ArgumentList":
                    if (!IsConstant(value))
                    {
                        _nonConstantArguments.Add(value);
                    }

                    break;
                case "UseShellExecute":
                    _shellExecute |= Unwrap(value).ConstantValue is { HasValue: true, Value: true };
                    break;
            }
        }

        public void Report(System.Action<Diagnostic> report, Location location, string what)
        {
            string? file = _fileName is null ? null : Unwrap(_fileName).ConstantValue.Value as string;
            bool shell = file is not null && ExecutableRules.IsShellOrInterpreter(file.Trim());
            if (shell && _nonConstantArguments.Count > 0)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.ShellWithNonConstantCommand, _nonConstantArguments[0].Syntax.GetLocation(), file));
                return;
            }

            bool fileVaries = _fileName is not null && !IsConstant(_fileName);
            if (_shellExecute && (fileVaries || _nonConstantArguments.Count > 0))
            {
                report(Diagnostic.Create(DiagnosticDescriptors.ShellExecuteWithNonConstantInput, location, file ?? what));
                return;
            }

            if (_argumentString is not null && !IsConstant(_argumentString))
            {
                report(Diagnostic.Create(DiagnosticDescriptors.NonConstantArgumentsString, _argumentString.Syntax.GetLocation(), file ?? what));
            }
        }
    }
}
