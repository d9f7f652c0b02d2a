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
/// <c>[Authorize]</c> on a Bastion handler would silently not apply. The app's own attributes count when ASP.NET Core
/// reads them: one that derives from an ASP.NET Core attribute (<c>AdminOnlyAttribute : AuthorizeAttribute</c>) or
/// implements one of its metadata interfaces (<c>IAuthorizeData</c>, <c>IAllowAnonymous</c>, ...).
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
                if (type is null || !IsAspNetCoreMetadata(type))
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

    /// <summary>
    /// What the manifest says of the endpoint's ASP.NET Core authorization, read from the attributes' types (not their
    /// names): "anonymous (AllowAnonymous)" when one implements <c>IAllowAnonymous</c> (it wins at run time), else
    /// "authorization" with the arguments of each <c>IAuthorizeData</c> attribute (and the name of an app's own
    /// attribute), else null.
    /// </summary>
    public static string? Authorization(IMethodSymbol method)
    {
        var attributes = new List<AttributeData>();
        foreach (ISymbol owner in new ISymbol[] { method.ContainingType, method })
        {
            attributes.AddRange(owner.GetAttributes().Where(a => a.AttributeClass is not null));
        }

        AttributeData? anonymous = attributes.FirstOrDefault(a => Implements(a.AttributeClass!, "Microsoft.AspNetCore.Authorization.IAllowAnonymous"));
        if (anonymous is not null)
        {
            return "anonymous (" + ShortName(anonymous.AttributeClass!) + ")";
        }

        var details = new List<string>();
        bool authorized = false;
        foreach (AttributeData attribute in attributes.Where(a => Implements(a.AttributeClass!, "Microsoft.AspNetCore.Authorization.IAuthorizeData")))
        {
            authorized = true;
            var parts = new List<string>();
            if (ShortName(attribute.AttributeClass!) is var name && name != "Authorize")
            {
                parts.Add(name);
            }

            parts.AddRange(attribute.ConstructorArguments.Select(a => Value(a) ?? "?"));
            string named = string.Join(", ", attribute.NamedArguments.Select(a => a.Key + " = " + (Value(a.Value) ?? "?")));
            if (named.Length > 0)
            {
                parts.Add(named);
            }

            if (parts.Count > 0)
            {
                details.Add(string.Join(" ", parts));
            }
        }

        return !authorized ? null : details.Count == 0 ? "authorization" : "authorization (" + string.Join("; ", details) + ")";
    }

    /// <summary>True for an attribute ASP.NET Core reads as endpoint metadata: its type, a base type or an interface is ASP.NET Core's.</summary>
    private static bool IsAspNetCoreMetadata(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (IsAspNetCore(current))
            {
                return true;
            }
        }

        return type.AllInterfaces.Any(IsAspNetCore);
    }

    private static bool IsAspNetCore(INamedTypeSymbol type)
    {
        string? ns = type.ContainingNamespace?.ToDisplayString();
        return ns is not null && (ns == "Microsoft.AspNetCore" || ns.StartsWith("Microsoft.AspNetCore.", System.StringComparison.Ordinal));
    }

    private static bool Implements(INamedTypeSymbol type, string interfaceName)
        => type.AllInterfaces.Any(i => i.ToDisplayString() == interfaceName);

    private static string ShortName(INamedTypeSymbol type)
        => type.Name.EndsWith("Attribute", System.StringComparison.Ordinal) ? type.Name.Substring(0, type.Name.Length - "Attribute".Length) : type.Name;

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
