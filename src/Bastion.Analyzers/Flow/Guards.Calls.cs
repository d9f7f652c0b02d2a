using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers.Flow;

/// <summary>What the guard rules need from where they run: a flow (variables, values) or a predicate being summarized.</summary>
internal interface IGuardContext
{
    StateKey? KeyOf(IOperation operation);

    /// <summary>True when the value does not come from the request (a constant, a field, configuration, a parameter of a predicate).</summary>
    bool IsTrusted(IOperation operation);

    /// <summary>True when the value went through Path.GetFullPath.</summary>
    bool IsNormalized(IOperation operation);

    /// <summary>For a relative path computed by Path.GetRelativePath, the variable it was computed from.</summary>
    StateKey? RelativeOf(IOperation operation);

    /// <summary>True when the value is a folder ending in a directory separator.</summary>
    bool EndsWithSeparator(IOperation operation);

    FlowAnalysis Analysis { get; }
}

internal sealed class FlowGuardContext : IGuardContext
{
    private readonly BodyFlow _flow;

    public FlowGuardContext(BodyFlow flow) => _flow = flow;

    public FlowAnalysis Analysis => _flow.Analysis;

    /// <summary>The variable a test is about; a capture of a variable (a switch's input) stands for the variable.</summary>
    public StateKey? KeyOf(IOperation operation)
    {
        IOperation original = _flow.Original(operation);
        if (!ReferenceEquals(original, operation) && Guards.Unwrap(original) is ILocalReferenceOperation or IParameterReferenceOperation)
        {
            operation = original;
        }

        return GuardKeys.Of(_flow.KeyOf, operation);
    }

    public bool IsTrusted(IOperation operation)
    {
        operation = Guards.Unwrap(operation);
        if (operation.ConstantValue.HasValue)
        {
            return true;
        }

        StateKey? key = _flow.KeyOf(operation);
        Value value = key is { } k ? _flow.ValueOf(k) : Value.Clean;
        if (key is null && operation is not (IFieldReferenceOperation or IPropertyReferenceOperation))
        {
            return false;
        }

        return (value.Taint.Origin & (Origin.Request | Origin.Stored)) == 0 && value.Taint.Parameters == 0;
    }

    public bool IsNormalized(IOperation operation) => ValueOf(operation) is { } v && (v.Taint.Safe & Safe.Normalized) != 0 && !v.Taint.IsClean;

    public StateKey? RelativeOf(IOperation operation) => ValueOf(operation)?.RelativeOf;

    public bool EndsWithSeparator(IOperation operation)
    {
        operation = Guards.Unwrap(operation);
        if (operation.ConstantValue.Value is string text)
        {
            return text.Length > 0 && text[text.Length - 1] is '/' or '\\';
        }

        return ValueOf(operation)?.EndsWithSeparator == true;
    }

    private Value? ValueOf(IOperation operation)
    {
        operation = Guards.Unwrap(operation);
        if (_flow.KeyOf(operation) is { } key)
        {
            return _flow.ValueOf(key);
        }

        return operation is IFieldReferenceOperation field ? _flow.Analysis.FieldValue(field.Field) : null;
    }
}

internal static class GuardKeys
{
    /// <summary>The variable a test is about: <c>origin[0]</c>, <c>origin.ToString()</c> and <c>uri.Host</c> test <c>origin</c> and <c>uri</c>.</summary>
    public static StateKey? Of(Func<IOperation?, StateKey?> keyOf, IOperation operation)
    {
        operation = Guards.Unwrap(operation);
        if (operation is IDeclarationExpressionOperation declaration)
        {
            operation = declaration.Expression;
        }

        if (keyOf(operation) is { } key)
        {
            return key.Member is null ? key : key.Root;
        }

        return operation switch
        {
            IPropertyReferenceOperation { Instance: { } owner } => Of(keyOf, owner),
            IArrayElementReferenceOperation element => Of(keyOf, element.ArrayReference),
            IInvocationOperation { TargetMethod.Name: "ToString" or "Trim" or "ToLowerInvariant" or "ToUpperInvariant", Instance: { } owner } => Of(keyOf, owner),
            _ => null,
        };
    }
}
