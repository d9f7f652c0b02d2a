using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Bastion.Analyzers.Flow;

/// <summary>
/// Full metadata names of types (namespace + name, no type arguments), computed once per type per compilation; the
/// tables match on these strings, so no rule resolves types by name on each node.
/// </summary>
internal sealed class Names
{
    private readonly Dictionary<ITypeSymbol, string> _names = new(SymbolEqualityComparer.Default);

    public string Of(ITypeSymbol? type)
    {
        if (type is null)
        {
            return string.Empty;
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic && !ReferenceEquals(generic, generic.OriginalDefinition))
        {
            type = generic.OriginalDefinition;
        }

        lock (_names)
        {
            if (_names.TryGetValue(type, out string? name))
            {
                return name;
            }

            string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : string.Empty;
            string outer = type.ContainingType is { } containing ? Of(containing) + "." : ns;
            name = outer + type.Name;
            _names[type] = name;
            return name;
        }
    }

    /// <summary>True when <paramref name="type"/> is, derives from or implements the named type.</summary>
    public bool IsOrInherits(ITypeSymbol? type, string name)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (Of(current) == name)
            {
                return true;
            }
        }

        if (type is not null)
        {
            foreach (INamedTypeSymbol item in type.AllInterfaces)
            {
                if (Of(item) == name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Values of these types cannot carry text an attacker wrote (numbers, booleans, Guids, enums, dates).</summary>
    public static bool CarriesNoText(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
            case SpecialType.System_DateTime:
                return true;
        }

        return type.Name is "Guid" or "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" or "Int128" or "UInt128" or "Half"
               && type.ContainingNamespace?.Name == "System";
    }
}
