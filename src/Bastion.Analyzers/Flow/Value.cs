using System.Collections.Immutable;

namespace Bastion.Analyzers.Flow;

/// <summary>
/// The abstract value of an expression: its taint, its constant when known, the elements of an array or collection
/// literal, and a few facts the families ask about (a path ending in a separator, the value a relative path was
/// computed from, the variable a parsed value came from, the constant text a built string starts with, a label naming
/// where it came from for messages).
/// </summary>
internal sealed class Value
{
    public static readonly Value Clean = new(Taint.Clean);

    public Value(Taint taint, object? constant = null, bool hasConstant = false, ImmutableArray<Value> elements = default,
        bool endsWithSeparator = false, StateKey? relativeOf = null, string? label = null, bool isSequence = false, string? prefix = null, StateKey? aliasOf = null)
    {
        Taint = taint;
        Constant = constant;
        HasConstant = hasConstant;
        Elements = elements;
        EndsWithSeparator = endsWithSeparator;
        RelativeOf = relativeOf;
        Label = label;
        IsSequence = isSequence;
        Prefix = prefix;
        AliasOf = aliasOf;
    }

    public Taint Taint { get; }

    public object? Constant { get; }

    public bool HasConstant { get; }

    /// <summary>The elements of an array or collection literal, in order (default when unknown).</summary>
    public ImmutableArray<Value> Elements { get; }

    /// <summary>This value stands for each of <see cref="Elements"/> in turn (a foreach variable over a literal).</summary>
    public bool IsSequence { get; }

    public bool EndsWithSeparator { get; }

    /// <summary>For <c>Path.GetRelativePath(root, x)</c>: the variable holding x.</summary>
    public StateKey? RelativeOf { get; }

    /// <summary>For <c>Uri.TryCreate(x, …, out u)</c>: u is x parsed, so what a check proves about u holds for x.</summary>
    public StateKey? AliasOf { get; }

    public string? Label { get; }

    /// <summary>The constant text a built string starts with, when it starts with one.</summary>
    public string? Prefix { get; }

    public string? Text => HasConstant ? Constant as string : null;

    public static Value Constant_(object? constant, Taint taint) => new(taint, constant, hasConstant: true);

    private Value With(Taint? taint = null, ImmutableArray<Value>? elements = null, bool? isSequence = null, bool? endsWithSeparator = null,
        StateKey? relativeOf = null, bool clearRelative = false, StateKey? aliasOf = null)
        => new(taint ?? Taint, Constant, HasConstant, elements ?? Elements, endsWithSeparator ?? EndsWithSeparator,
            clearRelative ? relativeOf : relativeOf ?? RelativeOf, Label, isSequence ?? IsSequence, Prefix, aliasOf ?? AliasOf);

    public Value WithTaint(Taint taint) => With(taint: taint);

    public Value WithElements(ImmutableArray<Value> elements, bool isSequence) => With(elements: elements, isSequence: isSequence);

    public Value WithSeparatorEnd(bool ends) => With(endsWithSeparator: ends);

    public Value WithRelativeOf(StateKey? key) => With(relativeOf: key, clearRelative: true);

    public Value WithAliasOf(StateKey key) => With(aliasOf: key);

    /// <summary>The value on either of two paths.</summary>
    public Value Join(Value other)
    {
        if (ReferenceEquals(this, other))
        {
            return this;
        }

        bool sameConstant = HasConstant && other.HasConstant && Equals(Constant, other.Constant);
        ImmutableArray<Value> elements = !Elements.IsDefault && !other.Elements.IsDefault && Elements.Length == other.Elements.Length ? Elements : default;
        return new Value(Taint.Join(other.Taint), sameConstant ? Constant : null, sameConstant, elements,
            EndsWithSeparator && other.EndsWithSeparator, Equals(RelativeOf, other.RelativeOf) ? RelativeOf : null, Label ?? other.Label,
            IsSequence && other.IsSequence && !elements.IsDefault, Prefix == other.Prefix ? Prefix : null, Equals(AliasOf, other.AliasOf) ? AliasOf : null);
    }

    public bool SameAs(Value other)
        => ReferenceEquals(this, other)
           || (Taint.Equals(other.Taint) && HasConstant == other.HasConstant && Equals(Constant, other.Constant)
               && Elements.IsDefault == other.Elements.IsDefault && EndsWithSeparator == other.EndsWithSeparator && Equals(RelativeOf, other.RelativeOf)
               && Equals(AliasOf, other.AliasOf));
}
