using System.Collections.Immutable;

namespace Bastion.Analyzers.Flow;

/// <summary>
/// The abstract value of an expression: its taint, its constant when known, the elements of an array or collection
/// literal, and a few facts the families ask about (a path ending in a separator, the value a relative path was
/// computed from, a label naming where it came from for messages).
/// </summary>
internal sealed class Value
{
    public static readonly Value Clean = new(Taint.Clean);

    public Value(Taint taint, object? constant = null, bool hasConstant = false, ImmutableArray<Value> elements = default,
        bool endsWithSeparator = false, StateKey? relativeOf = null, string? label = null, bool isSequence = false, string? prefix = null)
    {
        Prefix = prefix;
        Taint = taint;
        Constant = constant;
        HasConstant = hasConstant;
        Elements = elements;
        EndsWithSeparator = endsWithSeparator;
        RelativeOf = relativeOf;
        Label = label;
        IsSequence = isSequence;
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

    public string? Label { get; }

    /// <summary>The constant text a built string starts with, when it starts with one.</summary>
    public string? Prefix { get; }

    public string? Text => HasConstant ? Constant as string : null;

    public static Value Constant_(object? constant, Taint taint) => new(taint, constant, hasConstant: true);

    public Value WithTaint(Taint taint) => new(taint, Constant, HasConstant, Elements, EndsWithSeparator, RelativeOf, Label, IsSequence);

    public Value WithLabel(string? label) => label is null || Label is not null ? this : new(Taint, Constant, HasConstant, Elements, EndsWithSeparator, RelativeOf, label, IsSequence);

    public Value WithElements(ImmutableArray<Value> elements, bool isSequence) => new(Taint, Constant, HasConstant, elements, EndsWithSeparator, RelativeOf, Label, isSequence);

    public Value WithSeparatorEnd(bool ends) => new(Taint, Constant, HasConstant, Elements, ends, RelativeOf, Label, IsSequence);

    public Value WithRelativeOf(StateKey? key) => new(Taint, Constant, HasConstant, Elements, EndsWithSeparator, key, Label, IsSequence);

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
            IsSequence && other.IsSequence && !elements.IsDefault);
    }

    public bool SameAs(Value other)
        => ReferenceEquals(this, other)
           || (Taint.Equals(other.Taint) && HasConstant == other.HasConstant && Equals(Constant, other.Constant)
               && Elements.IsDefault == other.Elements.IsDefault && EndsWithSeparator == other.EndsWithSeparator && Equals(RelativeOf, other.RelativeOf));
}
