using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bastion.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bastion.Generators.Endpoints;

/// <summary>
/// ASP.NET Core attributes on a handler or its class (<c>[Authorize]</c>, <c>[AllowAnonymous]</c>, <c>[EnableRateLimiting]</c>,
/// <c>[Tags]</c>, ...) re-created as C# expressions, so the generated map code adds them as endpoint metadata exactly as
/// a minimal-API endpoint would have them (class first, so the method's attribute wins). Without this, an
/// <c>[Authorize]</c> on a Bastion handler would silently not apply.
/// </summary>
internal static class EndpointMetadata
{
    public static EquatableArray<string> Expressions(IMethodSymbol method, List<string> notCarried)
    {
        var expressions = new List<string>();
        foreach (ISymbol owner in new ISymbol[] { method.ContainingType, method })
        {
            foreach (AttributeData attribute in owner.GetAttributes())
            {
                INamedTypeSymbol? type = attribute.AttributeClass;
                string? ns = type?.ContainingNamespace?.ToDisplayString();
                if (type is null || ns is null || !(ns == "Microsoft.AspNetCore" || ns.StartsWith("Microsoft.AspNetCore.", System.StringComparison.Ordinal)))
                {
                    continue;
                }

                string? expression = Create(attribute);
                if (expression is null)
                {
                    notCarried.Add(type.Name);
                    continue;
                }

                expressions.Add(expression);
            }
        }

        return expressions.ToEquatableArray();
    }

    private static string? Create(AttributeData attribute)
    {
        if (attribute.AttributeClass is not { } type || type.IsGenericType || attribute.AttributeConstructor is null)
        {
            return null;
        }

        var arguments = new List<string>();
        foreach (TypedConstant argument in attribute.ConstructorArguments)
        {
            string? value = Value(argument);
            if (value is null)
            {
                return null;
            }

            arguments.Add(value);
        }

        var named = new List<string>();
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            string? value = Value(argument.Value);
            if (value is null)
            {
                return null;
            }

            named.Add(argument.Key + " = " + value);
        }

        string creation = "new " + SymbolNames.TypeName(type) + "(" + string.Join(", ", arguments) + ")";
        return named.Count == 0 ? creation : creation + " { " + string.Join(", ", named) + " }";
    }

    private static string? Value(TypedConstant constant)
    {
        if (constant.IsNull)
        {
            return constant.Type is null ? "null" : "default(" + SymbolNames.TypeName(constant.Type) + ")";
        }

        switch (constant.Kind)
        {
            case TypedConstantKind.Primitive:
                return Primitive(constant.Value);
            case TypedConstantKind.Enum:
                return "(" + SymbolNames.TypeName(constant.Type!) + ")" + Primitive(constant.Value);
            case TypedConstantKind.Type:
                return constant.Value is ITypeSymbol type ? "typeof(" + SymbolNames.TypeName(type) + ")" : null;
            case TypedConstantKind.Array:
                var items = constant.Values.Select(Value).ToList();
                return items.Any(i => i is null) || constant.Type is not IArrayTypeSymbol array
                    ? null
                    : "new " + SymbolNames.TypeName(array.ElementType) + "[] { " + string.Join(", ", items) + " }";
            default:
                return null;
        }
    }

    private static string? Primitive(object? value) => value switch
    {
        string text => Literal.String(text),
        bool flag => flag ? "true" : "false",
        char c => SymbolDisplay.FormatLiteral(c, quote: true),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        uint u => u.ToString(CultureInfo.InvariantCulture) + "U",
        ulong ul => ul.ToString(CultureInfo.InvariantCulture) + "UL",
        short s => "(short)" + s.ToString(CultureInfo.InvariantCulture),
        ushort us => "(ushort)" + us.ToString(CultureInfo.InvariantCulture),
        byte b => "(byte)" + b.ToString(CultureInfo.InvariantCulture),
        sbyte sb => "(sbyte)" + sb.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture) + "D",
        float f => f.ToString("R", CultureInfo.InvariantCulture) + "F",
        decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
        _ => null,
    };
}
