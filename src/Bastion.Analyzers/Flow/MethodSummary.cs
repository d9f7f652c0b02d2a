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
