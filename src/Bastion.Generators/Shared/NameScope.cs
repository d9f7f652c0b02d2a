using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Bastion.Generators.Shared;

/// <summary>
/// Where a generated file's code lives (the namespace of the user's type) and which short names must stay qualified
/// there, as plain data: the names <see cref="NameShortener"/> would write unqualified but that already mean something
/// else at that place (a type of the user's namespace, a member of the class, a global using's type), plus every member
/// name of the class. Computed by the parser while the semantic model is at hand.
/// </summary>
internal sealed record NameScope(string? Namespace, EquatableArray<string> Shadowed)
{
    /// <summary>No shortening at all (the analyzer's parses, which emit nothing).</summary>
    public static NameScope None { get; } = new(null, EquatableArray<string>.Empty) { Disabled = true };

    /// <summary>True for <see cref="None"/>.</summary>
    public bool Disabled { get; init; }

    /// <summary>
    /// The scope of code generated into <paramref name="type"/> (a partial part in the same namespace): for every name the
    /// shortener knows, and every root namespace it may write without <c>global::</c>, looks the name up at
    /// <paramref name="position"/> inside the type and records it when it binds to anything but Bastion's choice.
    /// </summary>
    public static NameScope For(INamedTypeSymbol type, SemanticModel? model, int position, CancellationToken cancellationToken)
    {
        if (model is null)
        {
            return None;
        }

        var shadowed = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (ISymbol member in type.GetMembers())
        {
            shadowed.Add(member.Name);
            if (member is INamedTypeSymbol nested)
            {
                // Bastion generates a reader for a [Sql] row type nested here, beside it: a member the parser cannot see yet.
                shadowed.Add(nested.Name + "SqlReader");
            }
        }

        var ours = new HashSet<string>(NameShortener.Vocabulary.Values, System.StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> known in NameShortener.Vocabulary)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A type of the same simple name in another namespace Bastion imports is told apart by arity (Results and
            // Results<T1, T2>); anything else with that name (the user's type, a global using's) keeps the name qualified.
            if (model.LookupNamespacesAndTypes(position, name: known.Key).Any(s => FullName(s) != known.Value + "." + known.Key && !ours.Contains(NamespaceOf(s))))
            {
                shadowed.Add(known.Key);
            }
        }

        foreach (string root in NameShortener.Roots)
        {
            if (model.LookupNamespacesAndTypes(position, name: root).Any(s => s is not INamespaceSymbol { ContainingNamespace.IsGlobalNamespace: true }))
            {
                shadowed.Add(root);
            }
        }

        string? ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        return new NameScope(ns, shadowed.ToEquatableArray());
    }

    private static string NamespaceOf(ISymbol symbol) => symbol.ContainingNamespace?.ToDisplayString() ?? string.Empty;

    private static string FullName(ISymbol symbol)
        => symbol.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + symbol.MetadataName.Split('`')[0] : symbol.MetadataName.Split('`')[0];
}
