using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace Bastion.Analyzers.Flow;

/// <summary>
/// A storage location the engine tracks: a local, parameter, field or property (<see cref="Symbol"/>), a flow capture
/// of the control flow graph (<see cref="Capture"/>), optionally one member of it (<c>psi.FileName</c>, <c>o.Secure</c>).
/// </summary>
internal readonly struct StateKey : IEquatable<StateKey>
{
    public StateKey(ISymbol symbol, string? member = null)
    {
        Symbol = symbol;
        Capture = default;
        Member = member;
    }

    public StateKey(CaptureId capture, string? member = null)
    {
        Symbol = null;
        Capture = capture;
        Member = member;
    }

    public ISymbol? Symbol { get; }

    public CaptureId Capture { get; }

    public string? Member { get; }

    public StateKey WithMember(string member) => Symbol is null ? new StateKey(Capture, member) : new StateKey(Symbol, member);

    /// <summary>The variable itself, without a member.</summary>
    public StateKey Root => Symbol is null ? new StateKey(Capture) : new StateKey(Symbol);

    /// <summary>True when this key is a member of <paramref name="root"/>.</summary>
    public bool IsMemberOf(StateKey root)
        => Member is not null && SymbolEqualityComparer.Default.Equals(Symbol, root.Symbol) && (Symbol is not null || Capture.Equals(root.Capture));

    public bool Equals(StateKey other)
        => SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol) && Capture.Equals(other.Capture) && string.Equals(Member, other.Member, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is StateKey other && Equals(other);

    public override int GetHashCode()
        => (Symbol is null ? Capture.GetHashCode() : SymbolEqualityComparer.Default.GetHashCode(Symbol)) ^ (Member is null ? 0 : StringComparer.Ordinal.GetHashCode(Member));

    public override string ToString() => (Symbol?.Name ?? "capture") + (Member is null ? string.Empty : "." + Member);
}
