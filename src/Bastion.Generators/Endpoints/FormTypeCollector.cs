using System;
using System.Collections.Generic;
using System.Linq;
using Bastion.Generators.Diagnostics;
using Bastion.Generators.Shared;
using Bastion.Generators.Validation;
using Microsoft.CodeAnalysis;

namespace Bastion.Generators.Endpoints;

/// <summary>
/// The [FromForm] records of one endpoint class, each read once: the public constructor with the most parameters
/// (a record's positional one) and the settable public properties it does not cover, each from the form field named as
/// its JSON name would be (<c>[JsonPropertyName]</c>, else camelCase; matched case-insensitively), so validation
/// errors and fields share names. A member whose type is not one form value is BAS1017.
/// </summary>
internal sealed class FormTypeCollector
{
    private readonly Dictionary<string, FormTypeModel?> _byType = new(StringComparer.Ordinal);
    private readonly HashSet<string> _methodNames = new(StringComparer.Ordinal);
    private readonly List<FormTypeModel> _types = new();

    /// <summary>The records read, in a stable order.</summary>
    public EquatableArray<FormTypeModel> Types => _types.OrderBy(t => t.MethodName, StringComparer.Ordinal).ToEquatableArray();

    /// <summary>The model of <paramref name="type"/>, or null (reported once, at its first use) when it cannot be bound.</summary>
    public FormTypeModel? Get(INamedTypeSymbol type, LocationInfo? use, string methodName, List<DiagnosticInfo> diagnostics)
    {
        string typeName = SymbolNames.NonNullableTypeName(type);
        if (_byType.TryGetValue(typeName, out FormTypeModel? known))
        {
            return known;
        }

        FormTypeModel? model = Build(type, typeName, use, methodName, diagnostics);
        _byType[typeName] = model;
        if (model is not null)
        {
            _types.Add(model);
        }

        return model;
    }

    private FormTypeModel? Build(INamedTypeSymbol type, string typeName, LocationInfo? use, string methodName, List<DiagnosticInfo> diagnostics)
    {
        IMethodSymbol? constructor = type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public && !IsCopyConstructor(c, type))
            .OrderByDescending(c => c.Parameters.Length).FirstOrDefault();
        if (constructor is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FormFieldNotBindable, use, type.Name, methodName, type.ToDisplayString(),
                "a [FromForm] type needs a public constructor"));
            return null;
        }

        List<IPropertySymbol> properties = type.GetMembers().OfType<IPropertySymbol>()
            .Where(p => !p.IsStatic && !p.IsIndexer && p.DeclaredAccessibility == Accessibility.Public).ToList();
        int before = diagnostics.Count;
        var constructorFields = new List<FormFieldModel>();
        foreach (IParameterSymbol parameter in constructor.Parameters)
        {
            IPropertySymbol? property = properties.FirstOrDefault(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
            var attributes = parameter.GetAttributes().Concat(property?.GetAttributes() ?? Enumerable.Empty<AttributeData>());
            string field = MemberParser.JsonName(attributes) ?? JsonNames.CamelCase(property?.Name ?? parameter.Name);
            FormFieldModel? model = Field(parameter.Name, field, parameter.Type, parameter.Locations.FirstOrDefault(), type, diagnostics);
            if (model is not null)
            {
                constructorFields.Add(parameter.HasExplicitDefaultValue ? model with { DefaultValue = ParameterBinder.DefaultValue(parameter) } : model);
            }
        }

        var initializerFields = new List<FormFieldModel>();
        foreach (IPropertySymbol property in properties)
        {
            bool settable = property.SetMethod is { DeclaredAccessibility: Accessibility.Public };
            if (!settable || constructor.Parameters.Any(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase)))
            {
                continue; // computed, or set by the constructor
            }

            string field = MemberParser.JsonName(property.GetAttributes()) ?? JsonNames.CamelCase(property.Name);
            FormFieldModel? model = Field(property.Name, field, property.Type, property.Locations.FirstOrDefault(), type, diagnostics);
            if (model is not null)
            {
                initializerFields.Add(model);
            }
        }

        if (diagnostics.Count > before)
        {
            return null;
        }

        string name = "Read" + type.Name + "Form";
        for (int i = 2; !_methodNames.Add(name); i++)
        {
            name = "Read" + type.Name + EndpointParser.Int(i) + "Form";
        }

        return new FormTypeModel(typeName, name, constructorFields.ToEquatableArray(), initializerFields.ToEquatableArray());
    }

    private static FormFieldModel? Field(string member, string field, ITypeSymbol type, Location? location, INamedTypeSymbol owner, List<DiagnosticInfo> diagnostics)
    {
        ValueParseKind kind = ParameterBinder.ParseKindOf(type);
        string? problem = FormBinder.FieldProblem(type, kind);
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FormFieldNotBindable, LocationInfo.From(location), member, owner.Name, type.ToDisplayString(), problem));
            return null;
        }

        return new FormFieldModel(member, field, kind, SymbolNames.NonNullableTypeName(SymbolNames.UnderlyingValueType(type)), SymbolNames.IsNullable(type), null);
    }

    private static bool IsCopyConstructor(IMethodSymbol constructor, INamedTypeSymbol type)
        => constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type.OriginalDefinition, type.OriginalDefinition);
}
