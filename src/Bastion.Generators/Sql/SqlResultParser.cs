using System.Collections.Generic;
using System.Linq;
using Bastion.Generators.Diagnostics;
using Bastion.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Bastion.Generators.Sql;

/// <summary>
/// Turns a [Sql] method's return type into its shape and what is read: a scalar, or a <see cref="SqlRowModel"/>
/// (members, how each is read, where the row type's shared reader goes).
/// </summary>
internal static class SqlResultParser
{
    /// <summary>What the method returns (<see cref="SqlReturnKind"/>) and, for rows, the scalar or row model read.</summary>
    public static SqlReturnKind ParseReturn(IMethodSymbol method, string code, string display, LocationInfo? location, List<DiagnosticInfo> diagnostics,
        out string? elementType, out SqlRowModel? row, out SqlValueModel? scalar)
    {
        elementType = null;
        row = null;
        scalar = null;
        ITypeSymbol returnType = method.ReturnType;
        string original = (returnType as INamedTypeSymbol)?.OriginalDefinition.ToDisplayString() ?? string.Empty;
        bool returnsRows = SqlText.ReturnsRowsFrom(code);
        if (original == "System.Threading.Tasks.Task" && returnType is INamedTypeSymbol { IsGenericType: false })
        {
            return SqlReturnKind.Nothing;
        }

        ITypeSymbol? inner = (returnType as INamedTypeSymbol)?.TypeArguments.FirstOrDefault();
        if (inner is null || (original != "System.Threading.Tasks.Task<TResult>" && original != "System.Collections.Generic.IAsyncEnumerable<T>"))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlResultTypeNotSupported, location, display, returnType.ToDisplayString(),
                "return Task, Task<int>, Task<T>, Task<T?>, Task<IReadOnlyList<T>> or IAsyncEnumerable<T>"));
            return SqlReturnKind.Nothing;
        }

        SqlReturnKind kind;
        ITypeSymbol target;
        if (original == "System.Collections.Generic.IAsyncEnumerable<T>")
        {
            kind = SqlReturnKind.Stream;
            target = inner;
        }
        else if (inner is INamedTypeSymbol { OriginalDefinition: var definition } list && definition.ToDisplayString() == "System.Collections.Generic.IReadOnlyList<T>")
        {
            kind = SqlReturnKind.List;
            target = list.TypeArguments[0];
        }
        else if (inner.SpecialType == SpecialType.System_Int32 && !returnsRows)
        {
            return SqlReturnKind.RowsAffected;
        }
        else
        {
            target = inner;
            bool nullable = SymbolNames.IsNullable(inner);
            bool isScalar = SqlTypes.DbTypeOf(SymbolNames.UnderlyingValueType(inner)) is not null || inner is IArrayTypeSymbol;
            kind = nullable ? SqlReturnKind.FirstOrDefault : isScalar ? SqlReturnKind.Scalar : SqlReturnKind.Single;
        }

        if (!returnsRows)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlResultTypeNotSupported, location, display, returnType.ToDisplayString(),
                "the statement returns no rows (no SELECT, WITH, VALUES or RETURNING); return Task or Task<int> for rows affected"));
            return kind;
        }

        elementType = SymbolNames.TypeName(target);
        scalar = ValueOf(target);
        if (scalar is not null)
        {
            return kind;
        }

        row = ParseRow(SymbolNames.UnderlyingValueType(target), method.ContainingType, display, location, diagnostics);
        return kind;
    }

    /// <summary>How a scalar of <paramref name="type"/> is read from a column, or null when it is not a scalar.</summary>
    private static SqlValueModel? ValueOf(ITypeSymbol type)
    {
        ITypeSymbol underlying = SymbolNames.UnderlyingValueType(type);
        bool nullable = SymbolNames.IsNullable(type);
        if (SqlTypes.DbTypeOf(underlying) is null)
        {
            return null;
        }

        string? enumName = null;
        ITypeSymbol read = underlying;
        if (underlying is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } enumUnderlying })
        {
            enumName = SymbolNames.TypeName(underlying);
            read = enumUnderlying;
        }

        int nullability = !nullable ? 0 : underlying.IsValueType ? 1 : 2;
        return new SqlValueModel(SymbolNames.NonNullableTypeName(read), SymbolNames.TypeName(type), nullability, enumName);
    }

    /// <summary>The row model of <paramref name="type"/>, read by [Sql] methods of <paramref name="queryType"/>; null with a diagnostic when it cannot be read.</summary>
    private static SqlRowModel? ParseRow(ITypeSymbol type, INamedTypeSymbol queryType, string display, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        if (type is not INamedTypeSymbol named || named.TypeKind is not (TypeKind.Class or TypeKind.Struct) || named.IsAbstract
            || !Validation.ValidationParser.IsUserType(named)
            || named.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlResultTypeNotSupported, location, display, type.ToDisplayString(), "rows map to an application record, class or struct, or to a single scalar column; for many rows return IReadOnlyList<T> or IAsyncEnumerable<T>"));
            return null;
        }

        IPropertySymbol[] properties = named.GetMembers().OfType<IPropertySymbol>()
            .Where(p => !p.IsStatic && !p.IsIndexer && p.DeclaredAccessibility == Accessibility.Public && p.Name != "EqualityContract").ToArray();
        IMethodSymbol? constructor = named.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length > 0
                        && c.Parameters.All(p => properties.Any(q => string.Equals(q.Name, p.Name, System.StringComparison.OrdinalIgnoreCase))))
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();
        var members = new List<SqlRowMember>();
        if (constructor is not null && named.IsRecord)
        {
            foreach (IParameterSymbol parameter in constructor.Parameters)
            {
                SqlValueModel? value = ValueOf(parameter.Type);
                if (value is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlResultTypeNotSupported, location, display, type.ToDisplayString(),
                        "member '" + parameter.Name + "' has type '" + parameter.Type.ToDisplayString() + "', which cannot be read from a column"));
                    return null;
                }

                members.Add(new SqlRowMember(parameter.Name, value));
            }

            return Place(named, queryType, true, members);
        }

        bool parameterless = named.IsValueType || named.InstanceConstructors.Any(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length == 0);
        if (!parameterless)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlResultTypeNotSupported, location, display, type.ToDisplayString(),
                "it needs a positional record constructor or a public parameterless constructor with settable properties"));
            return null;
        }

        foreach (IPropertySymbol property in properties.Where(p => p.SetMethod is { DeclaredAccessibility: Accessibility.Public }))
        {
            SqlValueModel? value = ValueOf(property.Type);
            if (value is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlResultTypeNotSupported, location, display, type.ToDisplayString(),
                    "member '" + property.Name + "' has type '" + property.Type.ToDisplayString() + "', which cannot be read from a column"));
                return null;
            }

            members.Add(new SqlRowMember(property.Name, value));
        }

        if (members.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SqlResultTypeNotSupported, location, display, type.ToDisplayString(), "it has no settable public properties"));
            return null;
        }

        return Place(named, queryType, false, members);
    }

    /// <summary>
    /// Where the type's one reader goes. A type the whole assembly can see gets an internal reader beside it, named
    /// after it (<c>CommentRowSqlReader</c>); a private or protected nested type gets one nested in the [Sql] class,
    /// the only place that can name it. Nested and generic types add a hash of their full name, so two types never
    /// share a reader name; a type from another assembly adds a hash of this assembly's name.
    /// </summary>
    private static SqlRowModel Place(INamedTypeSymbol row, INamedTypeSymbol queryType, bool useConstructor, List<SqlRowMember> members)
    {
        string typeName = SymbolNames.NonNullableTypeName(row);
        bool hosted = !VisibleToAssembly(row);
        var chain = new List<INamedTypeSymbol>();
        for (INamedTypeSymbol? type = row; type is not null; type = type.ContainingType)
        {
            chain.Insert(0, type);
        }

        if (hosted && SymbolEqualityComparer.Default.Equals(chain[0], queryType))
        {
            chain.RemoveAt(0);
        }

        string name = string.Join("_", chain.Select(t => t.Name)) + "SqlReader";
        if (chain.Count > 1 || chain.Any(t => t.TypeArguments.Length > 0))
        {
            name += "_" + Fnv1a(typeName).ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
        }

        // A row type from another assembly: that assembly may generate a reader by the plain name, which this one sees
        // through InternalsVisibleTo (a test project), and two types by one name conflict (CS0436). This assembly's
        // reader adds a hash of this assembly's name.
        if (!hosted && !SymbolEqualityComparer.Default.Equals(row.ContainingAssembly, queryType.ContainingAssembly))
        {
            name += "_" + Fnv1a(queryType.ContainingAssembly.Name).ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
        }

        INamespaceSymbol ns = hosted ? queryType.ContainingNamespace : row.ContainingNamespace;
        return new SqlRowModel(
            typeName,
            useConstructor,
            members.ToEquatableArray(),
            ns is null || ns.IsGlobalNamespace ? null : ns.ToDisplayString(),
            hosted ? (queryType.IsStatic ? "static partial class " : "partial class ") + queryType.Name : null,
            hosted ? queryType.Name : null,
            name);
    }

    /// <summary>True when code anywhere in the assembly can name the type (it and its enclosing types and type arguments are public or internal).</summary>
    private static bool VisibleToAssembly(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => VisibleToAssembly(array.ElementType),
        INamedTypeSymbol named => named.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal
                                  && (named.ContainingType is null || VisibleToAssembly(named.ContainingType))
                                  && named.TypeArguments.All(VisibleToAssembly),
        _ => true,
    };

    /// <summary>A stable 32-bit FNV-1a hash (string.GetHashCode differs between processes).</summary>
    private static uint Fnv1a(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return hash;
    }
}
