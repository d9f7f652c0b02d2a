using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers.Flow;

internal static partial class Guards
{
    private static void Call(IGuardContext context, IInvocationOperation call, bool sense, Dictionary<StateKey, Safe> facts)
    {
        IMethodSymbol method = call.TargetMethod;
        string name = method.Name;
        IOperation? receiver = call.Instance is null ? null : Unwrap(call.Instance);
        IOperation? first = call.Arguments.Length > 0 ? Unwrap(call.Arguments[0].Value) : null;
        IOperation? second = call.Arguments.Length > 1 ? Unwrap(call.Arguments[1].Value) : null;
        bool stringReceiver = receiver?.Type?.SpecialType == SpecialType.System_String;

        if (context.Analysis.PredicateFacts(method) is { } predicate)
        {
            Dictionary<int, Safe> proven = sense ? predicate.WhenTrue : predicate.WhenFalse;
            foreach (IArgumentOperation argument in call.Arguments)
            {
                if (argument.Parameter is { } p && proven.TryGetValue(p.Ordinal, out Safe safe))
                {
                    Add(facts, context.KeyOf(argument.Value), safe);
                }
            }

            return;
        }

        switch (name)
        {
            case "Contains" or "ContainsKey" when receiver is not null && !stringReceiver && first is not null && sense && context.IsTrusted(receiver):
                Add(facts, context.KeyOf(first), Safe.Validated);
                return;
            case "Contains" when method.IsExtensionMethod && first is not null && second is not null && sense && context.IsTrusted(first)
                                 && first.Type?.SpecialType != SpecialType.System_String:
                Add(facts, context.KeyOf(second), Safe.Validated);
                return;
            case "TryGetValue" when receiver is not null && first is not null && sense && context.IsTrusted(receiver):
                Add(facts, context.KeyOf(first), Safe.Validated);
                return;
            case "Equals" when method.IsStatic && first is not null && second is not null && sense:
                Equality(context, first, second, facts);
                Equality(context, second, first, facts);
                return;
            case "Equals" when receiver is not null && first is not null && sense:
                Equality(context, receiver, first, facts);
                Equality(context, first, receiver, facts);
                return;
            case "TryParse" when method.IsStatic && first is not null && sense && method.Parameters.Length > 1 && Names.CarriesNoText(method.Parameters[method.Parameters.Length - 1].Type):
                Add(facts, context.KeyOf(first), Safe.Validated);
                return;
            case "IsLocalUrl" when first is not null && sense:
                Add(facts, context.KeyOf(first), Safe.Url);
                return;
            case "Any" when method.IsExtensionMethod && second is IDelegateCreationOperation or IAnonymousFunctionOperation && sense && first is not null && context.IsTrusted(first):
                AnyEquality(context, second!, facts);
                return;
            case "IsMatch":
            {
                IOperation? input = method.IsStatic ? first : first;
                string? pattern = method.IsStatic ? (second?.ConstantValue.Value as string) : context.Analysis.RegexPattern(receiver);
                if (sense && input is not null && pattern is not null)
                {
                    Add(facts, context.KeyOf(input), Patterns.Proves(pattern));
                }

                return;
            }
        }

        if (!stringReceiver || receiver is null)
        {
            return;
        }

        string? text = first?.ConstantValue.Value switch
        {
            string s => s,
            char c => c.ToString(),
            _ => null,
        };
        switch (name)
        {
            case "StartsWith" when sense:
                if (text is "/" && second is null)
                {
                    Add(facts, context.KeyOf(receiver), Safe.Url);
                }
                else if (text is not null && text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && text.Length > 8)
                {
                    Add(facts, context.KeyOf(receiver), Safe.Url);
                }
                else if (first is not null && context.EndsWithSeparator(first) && context.IsNormalized(receiver))
                {
                    Add(facts, context.KeyOf(receiver), Safe.Path | Safe.NoDotDot);
                }

                return;
            case "StartsWith" when !sense && text is ".." && context.RelativeOf(receiver) is { } full:
                Add(facts, full, Safe.Path | Safe.NoDotDot | Safe.NoSlash);
                return;
            case "EndsWith" when sense && text is { Length: > 3 } && text[0] == '.' && text.IndexOf('.', 1) > 0:
                Add(facts, context.KeyOf(receiver), Safe.Cors);
                return;
            case "Contains" when !sense && text is not null:
                Add(facts, context.KeyOf(receiver), text switch
                {
                    ".." => Safe.NoDotDot,
                    "/" => Safe.NoSlash,
                    "\\" => Safe.NoBackslash,
                    _ => Safe.None,
                });
                return;
        }
    }

    /// <summary><c>list.Any(t => t == x)</c> or <c>string.Equals(t, x)</c> inside: x equals one of the list.</summary>
    private static void AnyEquality(IGuardContext context, IOperation lambdaOperation, Dictionary<StateKey, Safe> facts)
    {
        IAnonymousFunctionOperation? lambda = lambdaOperation switch
        {
            IAnonymousFunctionOperation a => a,
            IDelegateCreationOperation { Target: IAnonymousFunctionOperation a } => a,
            IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation flow } => Resolve(flow),
            _ => null,
        };
        if (lambda is null || lambda.Symbol.Parameters.Length != 1)
        {
            return;
        }

        IOperation? body = SingleReturn(lambda.Body);
        if (body is null)
        {
            return;
        }

        var inner = new Dictionary<StateKey, Safe>();
        Collect(new LambdaParameterTrusted(context, lambda.Symbol.Parameters[0]), body, true, inner);
        foreach (KeyValuePair<StateKey, Safe> fact in inner)
        {
            if (!SymbolEqualityComparer.Default.Equals(fact.Key.Symbol, lambda.Symbol.Parameters[0]))
            {
                Add(facts, fact.Key, fact.Value);
            }
        }
    }

    private static IAnonymousFunctionOperation? Resolve(IFlowAnonymousFunctionOperation flow)
    {
        foreach (SyntaxReference reference in flow.Symbol.DeclaringSyntaxReferences)
        {
            if (flow.SemanticModel?.GetOperation(reference.GetSyntax()) is IAnonymousFunctionOperation lambda)
            {
                return lambda;
            }
        }

        return null;
    }

    public static IOperation? SingleReturn(IBlockOperation? body)
    {
        if (body is null)
        {
            return null;
        }

        if (body.Operations.Length == 1 && body.Operations[0] is IReturnOperation { ReturnedValue: { } value })
        {
            return value;
        }

        return body.Operations.Length == 1 && body.Operations[0] is IExpressionStatementOperation statement ? statement.Operation : null;
    }

    /// <summary>Inside <c>Any(t => ...)</c> the lambda parameter is an element of the trusted list.</summary>
    private sealed class LambdaParameterTrusted : IGuardContext
    {
        private readonly IGuardContext _outer;
        private readonly IParameterSymbol _parameter;

        public LambdaParameterTrusted(IGuardContext outer, IParameterSymbol parameter)
        {
            _outer = outer;
            _parameter = parameter;
        }

        public FlowAnalysis Analysis => _outer.Analysis;

        public StateKey? KeyOf(IOperation operation) => _outer.KeyOf(operation) ?? GuardKeys.Of(o => o is IParameterReferenceOperation p ? new StateKey(p.Parameter) : null, operation);

        public bool IsTrusted(IOperation operation)
        {
            IOperation inner = Unwrap(operation);
            while (inner is IPropertyReferenceOperation { Instance: { } owner })
            {
                inner = Unwrap(owner);
            }

            return inner is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter, _parameter) || _outer.IsTrusted(operation);
        }

        public bool IsNormalized(IOperation operation) => false;

        public StateKey? RelativeOf(IOperation operation) => null;

        public bool EndsWithSeparator(IOperation operation) => false;
    }
}
