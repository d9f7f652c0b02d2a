using Microsoft.CodeAnalysis;

namespace Bastion.Analyzers.Flow;

/// <summary>A place where a value must not arrive: the rule, the origins it cares about, what makes a value acceptable.</summary>
internal sealed class Sink
{
    public Sink(DiagnosticDescriptor rule, Origin origins, Safe needed)
    {
        Rule = rule;
        Origins = origins;
        Needed = needed;
    }

    public DiagnosticDescriptor Rule { get; }

    public Origin Origins { get; }

    public Safe Needed { get; }
}

/// <summary>A sink inside a method reached by one of its parameters; callers that pass a tainted argument report it.</summary>
internal sealed class ParameterHit
{
    public ParameterHit(int ordinal, Sink sink, Location location, Safe safe, string?[] arguments)
    {
        Ordinal = ordinal;
        Sink = sink;
        Location = location;
        Safe = safe;
        Arguments = arguments;
    }

    public int Ordinal { get; }

    public Sink Sink { get; }

    public Location Location { get; }

    public Safe Safe { get; }

    /// <summary>Message arguments; null stands for the label of the value that arrives.</summary>
    public string?[] Arguments { get; }
}
