using System.Collections.Generic;
using Bastion.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers;

/// <summary>Reads the delegates assigned to TokenValidationParameters (a lambda, or a method group of this compilation).</summary>
internal static class Validators
{
    public static bool ReturnsUnvalidatedToken(IOperation value)
    {
        IOperation? body = Body(value);
        if (body is null)
        {
            return false;
        }

        var parsed = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (IOperation operation in body.DescendantsAndSelf())
        {
            if (operation is IVariableDeclaratorOperation { Initializer.Value: { } initial } declarator && IsParse(initial))
            {
                parsed.Add(declarator.Symbol);
            }
        }

        foreach (IOperation returned in Returns(body))
        {
            if (IsParse(returned) || Guards.Unwrap(returned) is ILocalReferenceOperation local && parsed.Contains(local.Local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsParse(IOperation operation)
    {
        operation = Guards.Unwrap(operation);
        return operation is IObjectCreationOperation { Type.Name: "JsonWebToken" or "JwtSecurityToken" }
               || operation is IInvocationOperation { TargetMethod.Name: "ReadJwtToken" or "ReadJsonWebToken" or "ReadToken" };
    }

    public static bool AcceptsAnyLifetime(IOperation value)
    {
        IOperation? body = Body(value);
        if (body is null)
        {
            return false;
        }

        foreach (IOperation returned in Returns(body))
        {
            if (returned.ConstantValue.Value is true)
            {
                return true;
            }
        }

        foreach (IOperation operation in body.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "AddDays" or "AddHours" or "AddMonths" or "AddYears" or "AddMinutes", Arguments.Length: 1 } add
                && add.Arguments[0].Value.ConstantValue.Value is { } amount
                && System.Convert.ToDouble(amount, System.Globalization.CultureInfo.InvariantCulture) is double n
                && (n < 0 && add.TargetMethod.Name != "AddMinutes" || n < -5))
            {
                return true;
            }

            if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or && IsNullTest(or.LeftOperand) && TestsExpiry(or.LeftOperand))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The tested value is the expiry (the second parameter of a LifetimeValidator): a token without one is let through.</summary>
    private static bool TestsExpiry(IOperation operation)
    {
        foreach (IOperation inner in operation.DescendantsAndSelf())
        {
            if (inner is IParameterReferenceOperation { Parameter.Ordinal: 1 })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNullTest(IOperation operation)
        => Guards.Unwrap(operation) is IIsPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: null } } }
           || Guards.Unwrap(operation) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } eq && eq.RightOperand.ConstantValue is { HasValue: true, Value: null };

    public static bool NeverRefuses(IOperation value)
    {
        IOperation? body = Body(value);
        if (body is null)
        {
            return false;
        }

        foreach (IOperation operation in body.DescendantsAndSelf())
        {
            if (operation is IThrowOperation)
            {
                return false;
            }
        }

        bool any = false;
        foreach (IOperation returned in Returns(body))
        {
            any = true;
            IOperation inner = Guards.Unwrap(returned);
            if (!(inner.ConstantValue.Value is true || inner is IParameterReferenceOperation))
            {
                return false;
            }
        }

        return any;
    }

    public static bool FetchesKeysNamedByToken(IOperation value)
    {
        IOperation? body = Body(value);
        if (body is null)
        {
            return false;
        }

        foreach (IOperation operation in body.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation call
                && (call.TargetMethod.Name is "GetHeaderValue" or "TryGetHeaderValue" || call.TargetMethod.ContainingType.Name == "HttpClient"))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<IOperation> Returns(IOperation body)
    {
        foreach (IOperation operation in body.DescendantsAndSelf())
        {
            if (operation is IReturnOperation { ReturnedValue: { } value })
            {
                foreach (IOperation branch in Branches(value))
                {
                    yield return branch;
                }
            }
        }
    }

    private static IEnumerable<IOperation> Branches(IOperation value)
    {
        value = Guards.Unwrap(value);
        if (value is IConditionalOperation conditional)
        {
            foreach (IOperation branch in Branches(conditional.WhenTrue))
            {
                yield return branch;
            }

            if (conditional.WhenFalse is { } whenFalse)
            {
                foreach (IOperation branch in Branches(whenFalse))
                {
                    yield return branch;
                }
            }
        }
        else if (value is not IThrowOperation)
        {
            yield return value;
        }
    }

    private static IOperation? Body(IOperation value)
    {
        value = Guards.Unwrap(value);
        if (value is IDelegateCreationOperation creation)
        {
            value = creation.Target;
        }

        return value switch
        {
            IAnonymousFunctionOperation lambda => lambda.Body,
            IMethodReferenceOperation reference => FlowAnalysis.For(reference.SemanticModel!.Compilation).BodyOf(reference.Method),
            _ => null,
        };
    }
}
