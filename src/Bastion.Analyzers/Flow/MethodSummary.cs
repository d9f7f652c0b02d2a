using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Bastion.Analyzers.Flow;

/// <summary>
/// What a method of the compilation does with its parameters, computed once per compilation round: the value it
/// returns (in terms of its parameters), its out parameters, the sinks its parameters reach and the fields they reach.
/// </summary>
internal sealed class MethodSummary
{
    public static readonly MethodSummary InProgress = new();

    public Value? Return { get; set; }

    public Dictionary<int, Value> OutParameters { get; } = new();

    public List<ParameterHit> ParameterHits { get; } = new();

    public List<KeyValuePair<ISymbol, Value>> FieldWrites { get; } = new();

    /// <summary>For a bool method: what returning true (or false) proves about each parameter (null until a return is seen).</summary>
    public Dictionary<int, Safe>? WhenTrue { get; set; }

    public Dictionary<int, Safe>? WhenFalse { get; set; }

    /// <summary>Intersects the facts of one more return path into <paramref name="facts"/>.</summary>
    public static Dictionary<int, Safe> Meet(Dictionary<int, Safe>? facts, Dictionary<int, Safe> path)
    {
        if (facts is null)
        {
            return path;
        }

        var met = new Dictionary<int, Safe>();
        foreach (KeyValuePair<int, Safe> fact in facts)
        {
            if (path.TryGetValue(fact.Key, out Safe other) && (fact.Value & other) != Safe.None)
            {
                met[fact.Key] = fact.Value & other;
            }
        }

        return met;
    }

    public void AddHit(ParameterHit hit)
    {
        foreach (ParameterHit existing in ParameterHits)
        {
            if (existing.Ordinal == hit.Ordinal && existing.Sink == hit.Sink && existing.Location == hit.Location)
            {
                return;
            }
        }

        ParameterHits.Add(hit);
    }
}
