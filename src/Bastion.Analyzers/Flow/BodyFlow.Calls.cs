using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers.Flow;

internal sealed partial class BodyFlow
{
    private Value Invoke(IInvocationOperation invocation)
    {
        IMethodSymbol method = invocation.TargetMethod;
        Value? instance = invocation.Instance is null ? null : Eval(invocation.Instance);
        StateKey? instanceKey = invocation.Instance is null ? null : KeyOf(Original(invocation.Instance)) ?? KeyOf(invocation.Instance) ?? FluentRoot(Original(invocation.Instance));
        bool handlerLambdas = RequestSources.IsRouteMapping(method, _analysis.Names);
        (Value[] args, IOperation?[] argOps, StateKey?[] argKeys) = Arguments(method, invocation.Arguments, instance, handlerLambdas);
        string type = _analysis.Names.Of(method.ContainingType);
        string full = type + "." + method.Name;

        Value result;
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            result = InlineLocalFunction(method, args);
        }
        else if (_analysis.Sources.OfCall(this, method, full, instance, args, argOps) is { } source)
        {
            result = source;
        }
        else if (method.Name == "GetEnumerator" && instance is not null)
        {
            result = instance;
        }
        else if (method.Name == "GetEnumerator" && method.IsExtensionMethod && args.Length > 0)
        {
            result = args[0];
        }
        else if (FlowTables.ServerValues.Contains(full))
        {
            result = Value.Clean;
        }
        else if (SanitizerOf(invocation, full) is { } safe)
        {
            Value input = args.Length > 0 ? args[0] : instance ?? Value.Clean;
            if (full == "System.Text.Encodings.Web.TextEncoder.Encode" && args.Length > 1)
            {
                input = Value.Clean;
            }

            result = input.WithTaint(input.Taint.WithSafe(safe)).WithSeparatorEnd(false);
        }
        else if (FlowTables.Decoders.Contains(full))
        {
            Value input = args.Length > 0 ? args[0] : instance ?? Value.Clean;
            result = new Value(input.Taint.Decoded(), label: input.Label);
        }
        else if (_analysis.SummaryOf(method) is { } summary)
        {
            result = Apply(summary, args, argOps);
        }
        else if (method.Name is "Select" or "SelectMany" && method.ContainingType.Name is "Enumerable" or "Queryable" && args.Length > 1)
        {
            result = args[args.Length - 1].WithElements(default, false);
        }
        else
        {
            result = Default(full, instance, args);
        }

        if (full == "System.IO.Path.GetRelativePath" && argOps.Length > 1 && KeyOf(argOps[1]) is { } relativeTo)
        {
            result = result.WithRelativeOf(relativeTo);
        }

        if (instanceKey is { } receiver && !method.IsStatic && FlowTables.IsMutator(method.Name) && method.ContainingType.SpecialType != SpecialType.System_String)
        {
            Value mutated = Join(instance ?? Value.Clean, JoinValues(args));
            _state.Set(receiver, mutated.WithElements(default, false));
            if (receiver.Symbol is not null && receiver.Member is null && _analysis.IsFieldLike(receiver.Symbol))
            {
                WriteField(receiver.Symbol, mutated);
            }
        }
        else if (invocation.Instance is IFieldReferenceOperation or IPropertyReferenceOperation && !method.IsStatic && FlowTables.IsMutator(method.Name))
        {
            WriteMember(invocation.Instance, JoinValues(args));
        }

        AssignOutArguments(method, invocation.Arguments, args, instance);
        if (FlowTables.Assertions.TryGetValue(full, out Safe asserted) && argKeys.Length > 0 && argKeys[0] is { } checkedKey)
        {
            Value checkedValue = ValueOf(checkedKey);
            _state.Set(checkedKey, checkedValue.WithTaint(checkedValue.Taint.WithSafe(asserted)));
        }

        var site = new CallSite(this, invocation, method, type, instance, instanceKey, args, argOps, argKeys);
        foreach (IFlowRules rules in _analysis.Rules)
        {
            rules.OnCall(site);
        }

        return result;
    }

    /// <summary>The variable at the start of a fluent chain (<c>sb.Append(a).Append(b)</c> mutates <c>sb</c>).</summary>
    private StateKey? FluentRoot(IOperation instance)
    {
        while (instance is IInvocationOperation { Instance: { } receiver } call
               && SymbolEqualityComparer.Default.Equals(call.Type, receiver.Type))
        {
            IOperation inner = Original(receiver);
            if (KeyOf(inner) is { } key)
            {
                return key;
            }

            instance = inner;
        }

        return null;
    }

    private Value Create(IObjectCreationOperation creation)
    {
        if (creation.Constructor is not { } constructor)
        {
            return JoinAll(creation.ChildOperations);
        }

        (Value[] args, IOperation?[] argOps, StateKey?[] argKeys) = Arguments(constructor, creation.Arguments, null, false);
        string type = _analysis.Names.Of(constructor.ContainingType);
        Value result = Join(Value.Clean, JoinValues(args));
        result = result.WithTaint(result.Taint.OnlyOrigins(Origin.Request | Origin.Stored | Origin.Secret));
        if (_analysis.SummaryOf(constructor) is { } summary)
        {
            Apply(summary, args, argOps);
        }

        _analysis.WritePrimaryConstructorArguments(constructor, args);
        if (creation.Initializer is not null)
        {
            result = Join(result, Eval(creation.Initializer));
        }

        var site = new CallSite(this, creation, constructor, type, null, null, args, argOps, argKeys);
        foreach (IFlowRules rules in _analysis.Rules)
        {
            rules.OnCall(site);
        }

        return result;
    }

    private (Value[] Values, IOperation?[] Operations, StateKey?[] Keys) Arguments(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, Value? instance, bool handlerLambdas)
    {
        int count = method.Parameters.Length;
        var values = new Value[count];
        var operations = new IOperation?[count];
        var keys = new StateKey?[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = Value.Clean;
        }

        Value context = instance ?? Value.Clean;
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter is null || IsLambda(argument.Value))
            {
                continue;
            }

            int ordinal = argument.Parameter.Ordinal;
            Value value = argument.Parameter.RefKind == RefKind.Out ? Value.Clean : Eval(argument.Value);
            if (ordinal < count)
            {
                values[ordinal] = value;
                operations[ordinal] = argument.Value;
                keys[ordinal] = KeyOf(argument.Value);
            }

            context = Join(context, value);
        }

        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter is null || !IsLambda(argument.Value))
            {
                continue;
            }

            IOperation lambdaOperation = Guards.Unwrap(argument.Value) is IDelegateCreationOperation d ? d.Target : Guards.Unwrap(argument.Value);
            Value value = lambdaOperation is IFlowAnonymousFunctionOperation lambda ? Lambda(lambda, context, handlerLambdas) : Value.Clean;
            int ordinal = argument.Parameter.Ordinal;
            if (ordinal < count)
            {
                values[ordinal] = value;
                operations[ordinal] = argument.Value;
            }
        }

        return (values, operations, keys);
    }

    private static bool IsLambda(IOperation operation)
        => Guards.Unwrap(operation) is IFlowAnonymousFunctionOperation or IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation };

    /// <summary>Analyses a lambda with the state it captures; its parameters get the request's origin when it is a handler.</summary>
    private Value Lambda(IFlowAnonymousFunctionOperation lambda, Value? context, bool handler)
    {
        if (_depth >= MaxNesting)
        {
            return context ?? Value.Clean;
        }

        ControlFlowGraph nested = _cfg.GetAnonymousFunctionControlFlowGraph(lambda);
        var flow = new BodyFlow(_analysis, nested, _method, _summary, this) { IsHandler = handler };
        FlowState entry = _state.Clone();
        foreach (IParameterSymbol parameter in lambda.Symbol.Parameters)
        {
            Value start = handler && RequestSources.IsRequestParameter(parameter, _analysis.Names)
                ? new Value(Taint.From(Origin.Request), label: parameter.Name)
                : handler ? Value.Clean : context ?? Value.Clean;
            entry.Set(new StateKey(parameter), start);
            FlowAnalysis.Trace?.Invoke($"lambda parameter {parameter.Name} handler={handler} origin={start.Taint.Origin}");
        }

        flow.Run(entry);
        return flow.ReturnValue ?? Value.Clean;
    }

    private Value InlineLocalFunction(IMethodSymbol function, Value[] args)
    {
        ControlFlowGraph? graph = null;
        for (BodyFlow? flow = this; flow is not null && graph is null; flow = flow._parent)
        {
            if (flow._cfg.LocalFunctions.Contains(function, SymbolEqualityComparer.Default))
            {
                graph = flow._cfg.GetLocalFunctionControlFlowGraph(function);
            }
        }

        if (graph is null || _depth >= MaxNesting)
        {
            return JoinValues(args);
        }

        var nested = new BodyFlow(_analysis, graph, _method, _summary, this);
        FlowState entry = _state.Clone();
        for (int i = 0; i < function.Parameters.Length && i < args.Length; i++)
        {
            entry.Set(new StateKey(function.Parameters[i]), args[i]);
        }

        nested.Run(entry);
        return nested.ReturnValue ?? Value.Clean;
    }

    /// <summary>Applies a callee's summary: its return value, its out parameters, the sinks and fields its parameters reach.</summary>
    private Value Apply(MethodSummary summary, Value[] args, IOperation?[] argOps)
    {
        foreach (ParameterHit hit in summary.ParameterHits)
        {
            if (hit.Ordinal < args.Length)
            {
                Value argument = args[hit.Ordinal];
                Check(hit.Sink, argument.WithTaint(argument.Taint.WithSafe(hit.Safe)), hit.Location, hit.Arguments);
            }
        }

        foreach (System.Collections.Generic.KeyValuePair<ISymbol, Value> write in summary.FieldWrites)
        {
            WriteField(write.Key, Substitute(write.Value, args));
        }

        foreach (System.Collections.Generic.KeyValuePair<int, Value> output in summary.OutParameters)
        {
            if (output.Key < argOps.Length && argOps[output.Key] is { } target)
            {
                Assign(target is IDeclarationExpressionOperation d ? d.Expression : target, Substitute(output.Value, args), null, target);
            }
        }

        return summary.Return is null ? Value.Clean : Substitute(summary.Return, args);
    }

    public static Value Substitute(Value value, Value[] args)
    {
        Taint summary = value.Taint;
        if (summary.Parameters == 0)
        {
            return value;
        }

        Taint taint = summary.Origin == Origin.None ? Taint.Clean : new Taint(summary.Origin, summary.Safe, 0);
        string? label = summary.Origin == Origin.None ? null : value.Label;
        for (int i = 0; i < args.Length && i < 64; i++)
        {
            if ((summary.Parameters & (1UL << i)) != 0)
            {
                Taint argument = args[i].Taint;
                taint = taint.Join(new Taint(argument.Origin, argument.Safe | summary.Safe, argument.Parameters));
                if (!argument.IsClean)
                {
                    label ??= args[i].Label;
                }
            }
        }

        label ??= value.Label;
        return new Value(taint, value.Constant, value.HasConstant, value.Elements, value.EndsWithSeparator, null, label);
    }

    /// <summary>An unknown call: its result carries what its receiver and arguments carry (literals only through known conversions).</summary>
    private static Value Default(string full, Value? instance, Value[] args)
    {
        Value joined = Join(instance ?? Value.Clean, JoinValues(args));
        Origin kept = Origin.Request | Origin.Stored | Origin.Secret;
        if (FlowTables.LiteralCarriers.Contains(full))
        {
            kept |= Origin.Literal;
        }

        return new Value(joined.Taint.OnlyOrigins(kept), label: joined.Label);
    }

    private static Value JoinValues(Value[] values)
    {
        Value result = Value.Clean;
        foreach (Value value in values)
        {
            result = result.Taint.IsClean && result.Label is null ? (value.Taint.IsClean ? result : new Value(value.Taint, label: value.Label)) : Join(result, value);
        }

        return result;
    }

    private Safe? SanitizerOf(IInvocationOperation invocation, string full)
    {
        if (full == "System.Text.Encodings.Web.TextEncoder.Encode" && invocation.Instance?.Type is { } encoder)
        {
            string name = _analysis.Names.Of(encoder) + ".Encode";
            return FlowTables.Sanitizers.TryGetValue(name, out Safe specific) ? specific : Safe.Html;
        }

        if (FlowTables.Sanitizers.TryGetValue(full, out Safe safe))
        {
            return safe;
        }

        if (full == "System.Linq.Enumerable.Where" && invocation.Arguments.Length == 2
            && invocation.Arguments[1].Value is IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: { ContainingType.SpecialType: SpecialType.System_Char } predicate } }
            && predicate.Name.StartsWith("Is", System.StringComparison.Ordinal) && predicate.Name.IndexOf("Letter", System.StringComparison.Ordinal) + predicate.Name.IndexOf("Digit", System.StringComparison.Ordinal) > -2)
        {
            return Safe.Validated;
        }

        return null;
    }

    private void AssignOutArguments(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, Value[] args, Value? instance)
    {
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter?.RefKind is not (RefKind.Out or RefKind.Ref))
            {
                continue;
            }

            if (_analysis.SummaryOf(method) is { } summary && summary.OutParameters.ContainsKey(argument.Parameter.Ordinal))
            {
                continue;
            }

            Value value = method.IsStatic && !method.IsExtensionMethod ? JoinValues(args) : instance ?? (args.Length > 0 ? args[0] : Value.Clean);
            if (Names.CarriesNoText(argument.Parameter.Type))
            {
                value = Value.Clean;
            }

            IOperation target = argument.Value is IDeclarationExpressionOperation d ? d.Expression : argument.Value;
            value = value.WithElements(default, false);
            if (method.IsStatic && arguments.Length > 0 && arguments[0].Parameter?.RefKind == RefKind.None && KeyOf(arguments[0].Value) is { Member: null } source)
            {
                value = value.WithAliasOf(source);
            }

            Assign(target, value, null, argument);
        }
    }
}
