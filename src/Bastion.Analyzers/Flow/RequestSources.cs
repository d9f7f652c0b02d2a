using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Bastion.Analyzers.Flow;

/// <summary>
/// Where values come from: which handler parameters the client fills (minimal-API lambdas and method groups,
/// controller actions, Razor Page handlers, SignalR hub methods, Bastion endpoints), which members and calls read the
/// request, stored data or secrets (<see cref="FlowTables.Sources"/>), and which configuration values are secrets.
/// </summary>
internal sealed class RequestSources
{
    private readonly FlowAnalysis _analysis;

    public RequestSources(FlowAnalysis analysis) => _analysis = analysis;

    private Names Names => _analysis.Names;

    /// <summary>An endpoint mapping (<c>MapGet</c>, <c>MapPost</c>, <c>MapMethods</c>, <c>MapFallback</c>...): its lambdas are handlers.</summary>
    public static bool IsRouteMapping(IMethodSymbol method, Names names)
    {
        if (!method.Name.StartsWith("Map", StringComparison.Ordinal) || method.Name is "MapGroup" or "MapHub" or "MapControllers" or "MapRazorPages" or "MapBastionEndpoints")
        {
            return false;
        }

        string type = names.Of(method.ContainingType);
        return type.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal);
    }

    /// <summary>A method the framework calls with request data: an action, a page handler, a hub method, a mapped method group.</summary>
    public bool IsHandler(IMethodSymbol method)
    {
        if (_analysis.IsMappedMethodGroup(method))
        {
            return true;
        }

        if (method.MethodKind != MethodKind.Ordinary || method.IsStatic && !HasVerbAttribute(method))
        {
            return false;
        }

        if (HasVerbAttribute(method))
        {
            return true;
        }

        if (method.DeclaredAccessibility != Accessibility.Public || method.IsOverride)
        {
            return false;
        }

        INamedTypeSymbol type = method.ContainingType;
        if (Names.IsOrInherits(type, "Microsoft.AspNetCore.Mvc.ControllerBase"))
        {
            return !HasAttribute(method, "Microsoft.AspNetCore.Mvc.NonActionAttribute");
        }

        if (Names.IsOrInherits(type, "Microsoft.AspNetCore.Mvc.RazorPages.PageModel"))
        {
            return method.Name.StartsWith("On", StringComparison.Ordinal);
        }

        return Names.IsOrInherits(type, "Microsoft.AspNetCore.SignalR.Hub");
    }

    private bool HasVerbAttribute(IMethodSymbol method)
    {
        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.BaseType is { } baseType && Names.Of(baseType) == "Bastion.HttpEndpointAttribute")
            {
                return true;
            }
        }

        return false;
    }

    private bool HasAttribute(ISymbol symbol, string name)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } type && Names.Of(type) == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A handler parameter the client fills: text, collections of text, and request models (never services).</summary>
    public static bool IsRequestParameter(IParameterSymbol parameter, Names names)
    {
        foreach (AttributeData attribute in parameter.GetAttributes())
        {
            string name = attribute.AttributeClass is { } a ? names.Of(a) : string.Empty;
            if (name is "Microsoft.AspNetCore.Mvc.FromServicesAttribute" or "Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute")
            {
                return false;
            }

            if (name is "Microsoft.AspNetCore.Mvc.FromQueryAttribute" or "Microsoft.AspNetCore.Mvc.FromRouteAttribute" or "Microsoft.AspNetCore.Mvc.FromFormAttribute"
                or "Microsoft.AspNetCore.Mvc.FromHeaderAttribute" or "Microsoft.AspNetCore.Mvc.FromBodyAttribute" or "Microsoft.AspNetCore.Http.AsParametersAttribute")
            {
                return true;
            }

            if (name == "Bastion.SafePathAttribute")
            {
                return false;
            }
        }

        return CarriesRequestData(parameter.Type, names, 0);
    }

    private static bool CarriesRequestData(ITypeSymbol type, Names names, int depth)
    {
        if (type.SpecialType is SpecialType.System_String or SpecialType.System_Object or SpecialType.System_Char)
        {
            return true;
        }

        if (Names.CarriesNoText(type) || depth > 2)
        {
            return false;
        }

        if (type is IArrayTypeSymbol array)
        {
            return CarriesRequestData(array.ElementType, names, depth + 1);
        }

        string name = names.Of(type);
        if (name == "Microsoft.Extensions.Primitives.StringValues")
        {
            return true;
        }

        if (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal) || name.StartsWith("Bastion.", StringComparison.Ordinal)
            || name.StartsWith("Npgsql", StringComparison.Ordinal) || name.StartsWith("Dapper", StringComparison.Ordinal))
        {
            return type is INamedTypeSymbol { IsGenericType: true } generic && (name.StartsWith("System.Collections.", StringComparison.Ordinal) || name == "System.Nullable")
                   && generic.TypeArguments.Length == 1 && CarriesRequestData(generic.TypeArguments[0], names, depth + 1);
        }

        return type.TypeKind is TypeKind.Class or TypeKind.Struct && !type.IsAbstract && IsDataType(type);
    }

    /// <summary>A request model rather than a service: it declares no methods of its own (records' generated members aside).</summary>
    private static bool IsDataType(ITypeSymbol type)
    {
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsImplicitlyDeclared: false, IsStatic: false } method && !method.IsOverride
                && method.Name != "Deconstruct" && method.Name != "PrintMembers")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The value of a property read when the property is a source (request members, secrets, bound page properties).</summary>
    public Value? OfProperty(BodyFlow flow, IPropertyReferenceOperation reference, Value owner)
    {
        IPropertySymbol property = reference.Property;
        string type = Names.Of(property.ContainingType);
        if (FlowTables.Sources.TryGetValue(type + "." + property.Name, out Origin origin) || FlowTables.Sources.TryGetValue(type + ".*", out origin))
        {
            return new Value(Taint.From(origin), label: Label(reference));
        }

        if (IsSecretMember(property))
        {
            return new Value(Taint.From(Origin.Secret), label: property.ContainingType.Name + "." + property.Name);
        }

        if (HasAttribute(property, "Microsoft.AspNetCore.Mvc.BindPropertyAttribute") || HasAttribute(property, "Microsoft.AspNetCore.Mvc.FromQueryAttribute")
            || HasAttribute(property, "Microsoft.AspNetCore.Mvc.FromRouteAttribute") || HasAttribute(property, "Microsoft.AspNetCore.Mvc.FromFormAttribute"))
        {
            return new Value(Taint.From(Origin.Request), label: property.Name);
        }

        if (property.IsIndexer && IsConfiguration(type) && reference.Arguments.Length == 1)
        {
            string? key = reference.Arguments[0].Value.ConstantValue.Value as string;
            return ConfigurationValue(key, owner);
        }

        if (property.Name == "Value" && type == "Microsoft.Extensions.Configuration.IConfigurationSection")
        {
            return ConfigurationValue(owner.Label, Value.Clean);
        }

        return null;
    }

    private static Value ConfigurationValue(string? key, Value owner)
    {
        string? path = owner.Label is { } section && section.StartsWith("config:", StringComparison.Ordinal) ? section.Substring(7) + ":" + key : key;
        return FlowTables.NamesSecret(key) || (owner.Taint.Origin & Origin.Secret) != 0
            ? new Value(Taint.From(Origin.Secret), label: path)
            : Value.Clean;
    }

    private static bool IsConfiguration(string type)
        => type is "Microsoft.Extensions.Configuration.IConfiguration" or "Microsoft.Extensions.Configuration.IConfigurationSection"
            or "Microsoft.Extensions.Configuration.IConfigurationRoot" or "Microsoft.Extensions.Configuration.ConfigurationManager"
            or "Microsoft.Extensions.Configuration.ConfigurationSection";

    public bool IsSecretMember(IPropertySymbol property)
    {
        if (HasAttribute(property, "Bastion.SecretAttribute"))
        {
            return true;
        }

        return FlowTables.MemberNamesSecret(property.Name) && property.Locations.Length > 0 && property.Locations[0].IsInSource
               && !Names.IsOrInherits(property.ContainingType, "Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
    }

    /// <summary>The value of a call when the call is a source (request readers, stored rows, configuration, environment).</summary>
    public Value? OfCall(BodyFlow flow, IMethodSymbol method, string full, Value? instance, Value[] args, IOperation?[] argOps)
    {
        if (FlowTables.Sources.TryGetValue(full, out Origin origin) || FlowTables.Sources.TryGetValue(Names.Of(method.ContainingType) + ".*", out origin))
        {
            return new Value(Taint.From(origin), label: method.Name);
        }

        switch (full)
        {
            case "Microsoft.Extensions.Configuration.ConfigurationBinder.GetValue":
            {
                string? key = argOps.Length > 1 ? argOps[1]?.ConstantValue.Value as string : null;
                Value value = ConfigurationValue(key, args.Length > 0 ? args[0] : Value.Clean);
                return args.Length > 2 ? new Value(value.Taint.Join(args[2].Taint), label: value.Label ?? key) : value;
            }

            case "Microsoft.Extensions.Configuration.ConfigurationExtensions.GetConnectionString":
                return new Value(Taint.From(Origin.Secret), label: "connection string");
            case "Microsoft.Extensions.Configuration.ConfigurationExtensions.AsEnumerable":
                return new Value(Taint.From(Origin.Secret), label: "configuration values");
            case "Microsoft.Extensions.Configuration.IConfiguration.GetSection":
            case "Microsoft.Extensions.Configuration.ConfigurationExtensions.GetRequiredSection":
            {
                string? key = argOps.Length > 0 ? argOps[argOps.Length - 1]?.ConstantValue.Value as string : null;
                return new Value(FlowTables.NamesSecret(key) ? Taint.From(Origin.Secret) : Taint.Clean, label: "config:" + key);
            }

            case "Microsoft.Extensions.Configuration.ConfigurationBinder.Get":
            case "Microsoft.Extensions.Configuration.ConfigurationBinder.Bind":
                return Value.Clean;
            case "System.Environment.GetEnvironmentVariable":
            {
                string? name = argOps.Length > 0 ? argOps[0]?.ConstantValue.Value as string : null;
                return FlowTables.NamesSecret(name) ? new Value(Taint.From(Origin.Secret), label: name) : Value.Clean;
            }
        }

        return null;
    }

    private static string Label(IPropertyReferenceOperation reference)
    {
        string name = reference.Property.IsIndexer && reference.Arguments.Length == 1 && reference.Arguments[0].Value.ConstantValue.Value is string key
            ? reference.Property.ContainingType.Name + "[\"" + key + "\"]"
            : reference.Property.Name;
        return name;
    }
}
