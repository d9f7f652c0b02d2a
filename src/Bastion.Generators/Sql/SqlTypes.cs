using Microsoft.CodeAnalysis;

namespace Bastion.Generators.Sql;

/// <summary>The C# types a [Sql] method can pass as parameters and read from columns, and their DbType.</summary>
internal static class SqlTypes
{
    /// <summary>The DbType member name for <paramref name="type"/> (already without Nullable), or null when unsupported.</summary>
    public static string? DbTypeOf(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte })
        {
            return "Binary";
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            return DbTypeOf(underlying);
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String: return "String";
            case SpecialType.System_Boolean: return "Boolean";
            case SpecialType.System_Byte: return "Byte";
            case SpecialType.System_Int16: return "Int16";
            case SpecialType.System_Int32: return "Int32";
            case SpecialType.System_Int64: return "Int64";
            case SpecialType.System_Single: return "Single";
            case SpecialType.System_Double: return "Double";
            case SpecialType.System_Decimal: return "Decimal";
            case SpecialType.System_DateTime: return "DateTime";
        }

        return type.ToDisplayString() switch
        {
            "System.Guid" => "Guid",
            "System.DateTimeOffset" => "DateTimeOffset",
            "System.TimeSpan" => "Time",
            "System.DateOnly" => "Date",
            "System.TimeOnly" => "Time",
            _ => null,
        };
    }
}
