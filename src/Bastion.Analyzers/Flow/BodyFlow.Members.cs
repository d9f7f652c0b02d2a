using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers.Flow;

/// <summary>Reading fields, properties, indexers and array elements.</summary>
internal sealed partial class BodyFlow
{
    private Value FieldRead(IFieldReferenceOperation field)
    {
        if (field.Field.HasConstantValue)
        {
            return Constant(field.Field.ConstantValue, field.Type);
        }

        if (field.Field.Name is "DirectorySeparatorChar" or "AltDirectorySeparatorChar" && field.Field.ContainingType.Name == "Path")
        {
            return Value.Clean.WithSeparatorEnd(true);
        }

        if (KeyOf(field) is { } key)
        {
            if (field.Instance is not null and not IInstanceReferenceOperation)
            {
                Eval(field.Instance);
            }

            if (_state.TryGet(key, out Value value))
            {
                return value;
            }

            if (key.Member is null)
            {
                return _analysis.FieldValue(field.Field);
            }
        }

        Value owner = field.Instance is null ? Value.Clean : Eval(field.Instance);
        Value global = _analysis.IsFieldLike(field.Field) ? _analysis.FieldValue(field.Field) : Value.Clean;
        return Join(MemberOf(owner), global);
    }

    private Value PropertyRead(IPropertyReferenceOperation property)
    {
        Value owner = property.Instance is null ? Value.Clean : Eval(property.Instance);
        foreach (IArgumentOperation argument in property.Arguments)
        {
            Eval(argument.Value);
        }

        Value? source = _analysis.Sources.OfProperty(this, property, owner);
        if (source is not null)
        {
            return source;
        }

        switch (property.Property.Name)
        {
            case "Current":
                return new Value(owner.Taint, elements: owner.Elements, label: owner.Label, isSequence: !owner.Elements.IsDefault);
            case "Format" when property.Property.ContainingType.Name == "FormattableString":
                return Value.Clean;
        }

        if (property.Arguments.Length == 0 && KeyOf(property) is { } key)
        {
            if (_state.TryGet(key, out Value tracked))
            {
                return tracked;
            }

            if (key.Member is null)
            {
                return _analysis.FieldValue(property.Property);
            }
        }

        return property.Arguments.Length > 0 ? owner.WithElements(default, false) : MemberOf(owner);
    }

    /// <summary>Reading a member of a value: request models and stored rows carry their origin into their members; secrets and literals do not.</summary>
    private static Value MemberOf(Value owner)
        => owner.Taint.IsClean ? Value.Clean : new Value(owner.Taint.OnlyOrigins(Origin.Request | Origin.Stored), label: owner.Label);

    private Value ArrayOf(ImmutableArray<IOperation> elements, ITypeSymbol? type, bool known)
    {
        var values = ImmutableArray.CreateBuilder<Value>(elements.Length);
        Taint taint = Taint.Clean;
        bool allConstant = true;
        foreach (IOperation element in elements)
        {
            Value value = Eval(element);
            values.Add(value);
            taint = taint.Join(value.Taint);
            allConstant &= value.HasConstant && element is not ISpreadOperation;
        }

        bool byteKey = type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte } && allConstant && elements.Length >= 16;
        if (byteKey)
        {
            taint = new Taint(Origin.Literal, Safe.All, 0);
        }

        bool spread = false;
        foreach (IOperation element in elements)
        {
            spread |= element is ISpreadOperation;
        }

        return new Value(taint, elements: known && !spread ? values.ToImmutable() : default);
    }

    private static Value ElementOf(Value array, IOperation? index)
    {
        if (!array.Elements.IsDefault && index?.ConstantValue.Value is int i && i >= 0 && i < array.Elements.Length)
        {
            return array.Elements[i];
        }

        return array.WithElements(default, false);
    }
}
