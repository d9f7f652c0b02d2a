using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers.Flow;

internal sealed partial class BodyFlow
{
    /// <summary>The tracked location an operation reads or writes, when it is one.</summary>
    public StateKey? KeyOf(IOperation? operation)
    {
        switch (operation)
        {
            case IConversionOperation conversion:
                return KeyOf(conversion.Operand);
            case ILocalReferenceOperation local:
                return new StateKey(local.Local);
            case IParameterReferenceOperation parameter:
                return new StateKey(parameter.Parameter);
            case IFlowCaptureReferenceOperation capture:
                return new StateKey(capture.Id);
            case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field:
                return new StateKey(field.Field);
            case IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.Length: 0 } property when _analysis.IsTrackedProperty(property.Property):
                return new StateKey(property.Property);
            case IPropertyReferenceOperation { Arguments.Length: 0 } property when KeyOf(property.Instance) is { Member: null } owner:
                return owner.WithMember(property.Property.Name);
            case IFieldReferenceOperation field when KeyOf(field.Instance) is { Member: null } owner:
                return owner.WithMember(field.Field.Name);
            default:
                return null;
        }
    }

    /// <summary>The capture or variable the value of <paramref name="operation"/> is stored into.</summary>
    public StateKey? ResultKeyOf(IOperation operation)
    {
        IOperation? parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IFlowCaptureOperation capture => new StateKey(capture.Id),
            ISimpleAssignmentOperation assignment when KeyOf(assignment.Target) is { Member: null } key => key,
            _ => null,
        };
    }

    public Value Eval(IOperation operation)
    {
        Value value = EvalCore(operation);
        if (Names.CarriesNoText(operation.Type) && !value.Taint.IsClean)
        {
            value = value.WithTaint(Taint.Clean);
        }

        return value;
    }

    private Value EvalCore(IOperation operation)
    {
        if (operation.ConstantValue.HasValue)
        {
            return Constant(operation.ConstantValue.Value, operation.Type);
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return Eval(conversion.Operand);
            case IParenthesizedOperation parenthesized:
                return Eval(parenthesized.Operand);
            case IAwaitOperation awaited:
                return Eval(awaited.Operation);
            case ILocalReferenceOperation or IFlowCaptureReferenceOperation:
                return ValueOf(KeyOf(operation)!.Value);
            case IParameterReferenceOperation parameter:
                return ParameterValue(parameter.Parameter);
            case IFlowCaptureOperation capture:
            {
                _captures[capture.Id] = capture.Value;
                var key = new StateKey(capture.Id);
                _state.ForgetMembers(key);
                Value value = Eval(capture.Value);
                if (KeyOf(capture.Value) is { Member: null } from)
                {
                    _state.CopyMembers(from, key);
                }

                _state.Set(key, value);
                return value;
            }

            case ISimpleAssignmentOperation assignment:
            {
                if (KeyOf(assignment.Target) is { Member: null } fresh && Guards.Unwrap(assignment.Value) is IObjectCreationOperation or IInvocationOperation)
                {
                    _state.ForgetMembers(fresh);
                    return Assign(assignment.Target, Eval(assignment.Value), null, assignment, forget: false);
                }

                return Assign(assignment.Target, Eval(assignment.Value), assignment.Value, assignment);
            }
            case ICompoundAssignmentOperation compound:
            {
                Value value = Eval(compound.Target).Join(Eval(compound.Value));
                return Assign(compound.Target, value, null, compound);
            }

            case IDeconstructionAssignmentOperation deconstruction:
            {
                Value value = Eval(deconstruction.Value);
                IOperation targets = deconstruction.Target is IDeclarationExpressionOperation declared ? declared.Expression : deconstruction.Target;
                if (targets is ITupleOperation tuple)
                {
                    foreach (IOperation element in tuple.Elements)
                    {
                        Assign(element is IDeclarationExpressionOperation d ? d.Expression : element, value, null, deconstruction);
                    }
                }

                return value;
            }

            case IFieldReferenceOperation field:
                return FieldRead(field);
            case IPropertyReferenceOperation property:
                return PropertyRead(property);
            case IInvocationOperation invocation:
                return Invoke(invocation);
            case IObjectCreationOperation creation:
                return Create(creation);
            case IBinaryOperation binary:
                return binary.OperatorKind == BinaryOperatorKind.Add ? Concatenate(ImmutableArray.Create(binary.LeftOperand, binary.RightOperand)) : Join(Eval(binary.LeftOperand), Eval(binary.RightOperand));
            case IInterpolatedStringOperation interpolated:
                return Interpolate(interpolated);
            case IArrayCreationOperation array:
                return ArrayOf(array.Initializer?.ElementValues ?? ImmutableArray<IOperation>.Empty, array.Type, array.Initializer is not null);
            case ICollectionExpressionOperation collection:
                return ArrayOf(collection.Elements, collection.Type, true);
            case ISpreadOperation spread:
                return Eval(spread.Operand).WithElements(default, false);
            case IArrayElementReferenceOperation element:
            {
                Value array = Eval(element.ArrayReference);
                foreach (IOperation index in element.Indices)
                {
                    Eval(index);
                }

                return ElementOf(array, element.Indices.Length == 1 ? element.Indices[0] : null);
            }

            case IImplicitIndexerReferenceOperation indexer:
                Eval(indexer.Argument);
                return Eval(indexer.Instance).WithElements(default, false);
            case IAnonymousObjectCreationOperation anonymous:
                return JoinAll(anonymous.Initializers);
            case ITupleOperation tuple:
                return JoinAll(tuple.Elements);
            case IObjectOrCollectionInitializerOperation initializer:
                return JoinAll(initializer.Initializers);
            case IDelegateCreationOperation delegateCreation:
                return delegateCreation.Target is IFlowAnonymousFunctionOperation target ? Lambda(target, null, false) : Value.Clean;
            case IFlowAnonymousFunctionOperation lambda:
                return Lambda(lambda, null, false);
            case IUtf8StringOperation utf8:
                return new Value(IsSecretLooking(utf8.Value) ? Taint.From(Origin.Literal).WithSafe(Safe.All) : Taint.Clean, utf8.Value, true);
            case IInstanceReferenceOperation or IDefaultValueOperation or ITypeOfOperation or ICaughtExceptionOperation or IIsNullOperation
                or IIsPatternOperation or IIsTypeOperation or ISizeOfOperation or IStaticLocalInitializationSemaphoreOperation or IDiscardOperation:
                foreach (IOperation child in operation.ChildOperations)
                {
                    Eval(child);
                }

                return Value.Clean;
            case IDeclarationExpressionOperation declaration:
                return Eval(declaration.Expression);
            default:
                return JoinAll(operation.ChildOperations);
        }
    }

    private Value JoinAll(System.Collections.Generic.IEnumerable<IOperation> operations)
    {
        Value? result = null;
        foreach (IOperation child in operations)
        {
            Value value = Eval(child);
            result = result is null ? value : Join(result, value);
        }

        return result ?? Value.Clean;
    }

    private static Value Join(Value a, Value b) => new(a.Taint.Join(b.Taint), label: a.Label ?? b.Label);

    public static Value Constant(object? constant, ITypeSymbol? type)
    {
        bool literal = constant is string text && IsSecretLooking(text);
        return Value.Constant_(constant, literal ? new Taint(Origin.Literal, Safe.All, 0) : Taint.Clean);
    }

    /// <summary>Long enough, and without spaces or path or markup characters, to be a key, token or password.</summary>
    public static bool IsSecretLooking(string text)
    {
        if (text.Length < 6 || text.Length > 512)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || c is '<' or '/' or '{')
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsSecretLooking(ImmutableArray<byte> bytes) => bytes.Length >= 6;

    private static bool IsSecretLooking(object? utf8) => utf8 is string s ? IsSecretLooking(s) : utf8 is not null;

    private Value ParameterValue(IParameterSymbol parameter)
    {
        var key = new StateKey(parameter);
        if (_state.TryGet(key, out Value value))
        {
            return value;
        }

        return _analysis.IsFieldLike(parameter) ? _analysis.FieldValue(parameter) : Value.Clean;
    }

    private Value Assign(IOperation target, Value value, IOperation? source, IOperation assignment, bool forget = true)
    {
        if (target is IPropertyReferenceOperation property && property.Arguments.Length > 0)
        {
            Value receiver = Eval(property.Instance!);
            foreach (IArgumentOperation argument in property.Arguments)
            {
                Eval(argument.Value);
            }

            if (KeyOf(property.Instance) is { } owner)
            {
                _state.Set(owner, Join(receiver, value));
            }

            NotifyPropertySet(property.Property, KeyOf(property.Instance), value, assignment);
            return value;
        }

        StateKey? key = KeyOf(target);
        if (target is IPropertyReferenceOperation setter)
        {
            if (setter.Instance is not null && setter.Instance is not IInstanceReferenceOperation)
            {
                Eval(setter.Instance);
            }

            NotifyPropertySet(setter.Property, setter.Instance is null ? null : KeyOf(setter.Instance), value, assignment);
        }

        if (key is not { } k)
        {
            if (target is IFieldReferenceOperation or IPropertyReferenceOperation)
            {
                WriteMember(target, value);
            }

            return value;
        }

        if (k.Member is null && forget)
        {
            _state.ForgetMembers(k);
            if (source is not null && KeyOf(source) is { Member: null } from)
            {
                _state.CopyMembers(from, k);
            }
        }

        _state.Set(k, value);
        if (k.Symbol is IFieldSymbol or IPropertySymbol or IParameterSymbol && k.Member is null && _analysis.IsFieldLike(k.Symbol))
        {
            WriteField(k.Symbol, value);
        }

        return value;
    }

    /// <summary>A write to a field or property of some other object: the field is tracked globally, not per instance.</summary>
    private void WriteMember(IOperation target, Value value)
    {
        ISymbol? member = target switch
        {
            IFieldReferenceOperation f => f.Field,
            IPropertyReferenceOperation p when _analysis.IsTrackedProperty(p.Property) => p.Property,
            _ => null,
        };
        if (member is not null)
        {
            WriteField(member, value);
        }
    }

    private void WriteField(ISymbol field, Value value)
    {
        if (value.Taint.Parameters != 0 && _summary is not null)
        {
            _summary.FieldWrites.Add(new System.Collections.Generic.KeyValuePair<ISymbol, Value>(field, value));
        }

        _analysis.WriteField(field, value.WithTaint(new Taint(value.Taint.Origin, value.Taint.Safe, 0)));
    }

    private void NotifyPropertySet(IPropertySymbol property, StateKey? instance, Value value, IOperation assignment)
    {
        foreach (IFlowRules rules in _analysis.Rules)
        {
            rules.OnPropertySet(this, property, instance, value, assignment);
        }
    }
}
