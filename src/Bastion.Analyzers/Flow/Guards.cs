using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers.Flow;

/// <summary>
/// What a condition proves about the variables it tests, on its true or its false edge: an exact match against a
/// fixed list or constant, a full-match pattern, a parse into a number, a containment check on a normalized path, the
/// absence of separators or "..", a local URL. Loose checks (StartsWith, EndsWith without a leading dot, Contains,
/// IndexOf, unanchored patterns, deny-lists) prove nothing. Helper predicates are summarized once and applied to the
/// arguments they are called with.
/// </summary>
internal static partial class Guards
{
    public static void Refine(BodyFlow flow, FlowState state, IOperation condition, bool sense)
    {
        var facts = new Dictionary<StateKey, Safe>();
        var context = new FlowGuardContext(flow);
        Collect(context, condition, sense, facts);
        ExpandAliases(state, flow, facts);
        foreach (KeyValuePair<StateKey, Safe> fact in facts)
        {
            Value value = state.Get(fact.Key) ?? flow.ValueOf(fact.Key);
            state.Set(fact.Key, value.WithTaint(Strengthen(value.Taint, fact.Value)));
        }
    }

    /// <summary>What a check proves about a parsed value (<c>Uri.TryCreate(x, …, out u)</c>) holds for what it was parsed from.</summary>
    public static void ExpandAliases(FlowState state, BodyFlow flow, Dictionary<StateKey, Safe> facts)
    {
        List<KeyValuePair<StateKey, Safe>>? extra = null;
        foreach (KeyValuePair<StateKey, Safe> fact in facts)
        {
            Value value = state.Get(fact.Key) ?? flow.ValueOf(fact.Key);
            if (value.AliasOf is { } alias && !facts.ContainsKey(alias))
            {
                (extra ??= new List<KeyValuePair<StateKey, Safe>>()).Add(new KeyValuePair<StateKey, Safe>(alias, fact.Value));
            }
        }

        if (extra is not null)
        {
            foreach (KeyValuePair<StateKey, Safe> fact in extra)
            {
                Add(facts, fact.Key, fact.Value);
            }
        }
    }

    public static Taint Strengthen(Taint taint, Safe added)
    {
        Safe safe = taint.Safe | added;
        if ((safe & (Safe.NoSlash | Safe.NoDotDot)) == (Safe.NoSlash | Safe.NoDotDot))
        {
            safe |= Safe.Path;
        }

        return new Taint(taint.Origin, safe, taint.Parameters);
    }

    /// <summary>The facts a condition establishes when it evaluates to <paramref name="sense"/>.</summary>
    public static void Collect(IGuardContext context, IOperation condition, bool sense, Dictionary<StateKey, Safe> facts)
    {
        condition = Unwrap(condition);
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                Collect(context, not.Operand, !sense, facts);
                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } conjunction when conjunction.Type?.SpecialType == SpecialType.System_Boolean:
                Both(context, conjunction.LeftOperand, conjunction.RightOperand, sense, facts, conjunction: sense);
                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } disjunction when disjunction.Type?.SpecialType == SpecialType.System_Boolean:
                Both(context, disjunction.LeftOperand, disjunction.RightOperand, sense, facts, conjunction: !sense);
                return;
            case IBinaryOperation binary:
                Comparison(context, binary, sense, facts);
                return;
            case IIsPatternOperation pattern:
                Pattern(context, pattern.Value, pattern.Pattern, sense, facts);
                return;
            case IInvocationOperation invocation:
                Call(context, invocation, sense, facts);
                return;
        }
    }

    private static void Both(IGuardContext context, IOperation left, IOperation right, bool sense, Dictionary<StateKey, Safe> facts, bool conjunction)
    {
        var a = new Dictionary<StateKey, Safe>();
        var b = new Dictionary<StateKey, Safe>();
        Collect(context, left, sense, a);
        Collect(context, right, sense, b);
        if (conjunction)
        {
            Merge(a, facts);
            Merge(b, facts);
            return;
        }

        foreach (KeyValuePair<StateKey, Safe> fact in a)
        {
            if (b.TryGetValue(fact.Key, out Safe other))
            {
                Add(facts, fact.Key, fact.Value & other);
            }
        }
    }

    private static void Merge(Dictionary<StateKey, Safe> from, Dictionary<StateKey, Safe> to)
    {
        foreach (KeyValuePair<StateKey, Safe> fact in from)
        {
            Add(to, fact.Key, fact.Value);
        }
    }

    public static void Add(Dictionary<StateKey, Safe> facts, StateKey? key, Safe safe)
    {
        if (key is not { } k || safe == Safe.None)
        {
            return;
        }

        facts[k] = facts.TryGetValue(k, out Safe existing) ? existing | safe : safe;
    }

    private static void Comparison(IGuardContext context, IBinaryOperation binary, bool sense, Dictionary<StateKey, Safe> facts)
    {
        IOperation left = Unwrap(binary.LeftOperand);
        IOperation right = Unwrap(binary.RightOperand);
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
            {
                bool equal = binary.OperatorKind == BinaryOperatorKind.Equals ? sense : !sense;
                if (equal)
                {
                    Equality(context, left, right, facts);
                    Equality(context, right, left, facts);
                }

                return;
            }

            case BinaryOperatorKind.LessThan or BinaryOperatorKind.GreaterThanOrEqual when right.ConstantValue.Value is 0:
            {
                bool absent = binary.OperatorKind == BinaryOperatorKind.LessThan ? sense : !sense;
                if (absent && left is IInvocationOperation { TargetMethod.Name: "IndexOfAny" or "IndexOf" } search && search.Instance is { } receiver)
                {
                    Add(facts, context.KeyOf(receiver), Absent(search.Arguments.Length > 0 ? search.Arguments[0].Value : null));
                }

                return;
            }
        }
    }

    private static void Equality(IGuardContext context, IOperation tested, IOperation other, Dictionary<StateKey, Safe> facts)
    {
        if (tested is IInvocationOperation { TargetMethod.Name: "GetDirectoryName", Arguments.Length: 1 } directory && context.IsTrusted(other))
        {
            Add(facts, context.KeyOf(directory.Arguments[0].Value), Safe.Path | Safe.NoSlash | Safe.NoDotDot);
            return;
        }

        if (!context.IsTrusted(other) || other.ConstantValue is { HasValue: true, Value: null } || tested.Type?.SpecialType != SpecialType.System_String && tested.Type?.SpecialType != SpecialType.System_Object)
        {
            return;
        }

        Safe safe = other.ConstantValue.Value is "null" ? Safe.Validated & ~Safe.Cors : Safe.Validated;
        if (tested is IPropertyReferenceOperation { Property.Name: "Scheme" or "Port" or "AbsolutePath" or "Length" })
        {
            return;
        }

        Add(facts, context.KeyOf(tested), safe);
    }

    private static void Pattern(IGuardContext context, IOperation value, IPatternOperation pattern, bool sense, Dictionary<StateKey, Safe> facts)
    {
        if (pattern is INegatedPatternOperation negated)
        {
            Pattern(context, value, negated.Pattern, !sense, facts);
            return;
        }

        var constants = new List<object?>();
        if (!Constants(pattern, constants))
        {
            return;
        }

        StateKey? key = context.KeyOf(Unwrap(value));
        if (sense && !constants.Contains(null))
        {
            Add(facts, key, Safe.Validated);
        }
        else if (!sense && constants.Contains(".."))
        {
            Add(facts, key, Safe.NoDotDot);
        }
    }

    private static bool Constants(IPatternOperation pattern, List<object?> constants)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant when constant.Value.ConstantValue.HasValue:
                constants.Add(constant.Value.ConstantValue.Value);
                return true;
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } either:
                return Constants(either.LeftPattern, constants) && Constants(either.RightPattern, constants);
            default:
                return false;
        }
    }

    private static Safe Absent(IOperation? characters)
    {
        characters = characters is null ? null : Unwrap(characters);
        if (characters is IInvocationOperation { TargetMethod.Name: "GetInvalidFileNameChars" })
        {
            return Safe.NoSlash | Safe.NoBackslash;
        }

        if (characters?.ConstantValue.Value is ".." )
        {
            return Safe.NoDotDot;
        }

        Safe safe = Safe.None;
        IEnumerable<IOperation> elements = characters switch
        {
            IArrayCreationOperation { Initializer: { } i } => i.ElementValues,
            ICollectionExpressionOperation c => c.Elements,
            _ => Array.Empty<IOperation>(),
        };
        foreach (IOperation element in elements)
        {
            safe |= element.ConstantValue.Value switch
            {
                '/' => Safe.NoSlash,
                '\\' => Safe.NoBackslash,
                _ => Safe.None,
            };
        }

        return safe;
    }

    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.None } suppress:
                    operation = suppress.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }
}
