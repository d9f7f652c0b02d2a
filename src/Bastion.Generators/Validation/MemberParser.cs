using System.Collections.Generic;
using System.Linq;
using Bastion.Generators.Diagnostics;
using Bastion.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Bastion.Generators.Validation;

/// <summary>Reads one property's [Sanitize] and DataAnnotations attributes (and those on its positional parameter).</summary>
internal sealed class MemberParser
{
    private readonly ValidationParser _owner;
    private readonly INamedTypeSymbol _type;
    private readonly IPropertySymbol _property;
    private readonly List<DiagnosticInfo> _diagnostics;

    public MemberParser(ValidationParser owner, INamedTypeSymbol type, IPropertySymbol property, List<DiagnosticInfo> diagnostics)
    {
        _owner = owner;
        _type = type;
        _property = property;
        _diagnostics = diagnostics;
    }

    public ValidatedMemberModel? Parse()
    {
        List<AttributeData> attributes = _property.GetAttributes().ToList();
        IParameterSymbol? parameter = ValidationParser.PositionalParameter(_type, _property);
        if (parameter is not null)
        {
            attributes.AddRange(parameter.GetAttributes());
        }

        ITypeSymbol type = _property.Type;
        string jsonName = _owner.ConfigurationNames ? _property.Name : JsonName(attributes) ?? JsonNames.CamelCase(_property.Name);
        bool isNullable = SymbolNames.IsNullable(type);
        Location? location = (parameter ?? (ISymbol)_property).Locations.FirstOrDefault();

        bool isSafeFilePath = SymbolNames.UnderlyingValueType(type).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == TypeNames.SafeFilePath;
        AttributeData? safePath = attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == TypeNames.SafePathAttribute);
        if (isSafeFilePath || safePath is not null)
        {
            return ParseSafePath(type, safePath, isSafeFilePath, jsonName, isNullable, location);
        }

        MemberShape shape;
        CollectionKind collection = CollectionKind.None;
        ITypeSymbol? element = null;
        string? nestedMethod = null;
        if (type.SpecialType == SpecialType.System_String)
        {
            shape = MemberShape.Text;
        }
        else if (TryGetCollection(type, out collection, out element))
        {
            shape = MemberShape.Collection;
        }
        else if (type is INamedTypeSymbol named && ValidationParser.IsUserType(named))
        {
            shape = MemberShape.Object;
            nestedMethod = _owner.Visit(named);
        }
        else if (type.IsValueType)
        {
            shape = MemberShape.Value;
        }
        else
        {
            shape = MemberShape.Other;
            if (UnsupportedCollectionNeedsWork(type, attributes))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedCollection,
                    LocationInfo.From(location), _property.Name, type.ToDisplayString()));
                return null;
            }
        }

        MemberShape elementShape = MemberShape.Other;
        string? elementMethod = null;
        bool elementIsNullable = false;
        if (element is not null)
        {
            elementIsNullable = SymbolNames.IsNullable(element);
            if (element.SpecialType == SpecialType.System_String)
            {
                elementShape = MemberShape.Text;
            }
            else if (element is INamedTypeSymbol namedElement && ValidationParser.IsUserType(namedElement))
            {
                elementShape = MemberShape.Object;
                elementMethod = _owner.Visit(namedElement);
            }
            else if (element.IsValueType)
            {
                elementShape = MemberShape.Value;
            }
        }

        var context = new RuleContext(_property.Name, jsonName, SymbolNames.TypeName(type), shape, SymbolNames.UnderlyingValueType(type), LocationInfo.From(location), _diagnostics);
        SanitizeModel? sanitize = null;
        var rules = new List<ValidationRuleModel>();
        foreach (AttributeData attribute in attributes)
        {
            string? attributeName = attribute.AttributeClass?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (attributeName == TypeNames.SanitizeAttribute)
            {
                sanitize = ParseSanitize(attribute, shape, elementShape, context);
                continue;
            }

            if (!RuleParser.IsSupported(attributeName) && RuleParser.IsValidationAttribute(attribute.AttributeClass))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedValidationAttribute, context.Location,
                    attribute.AttributeClass!.Name, _property.Name));
                continue;
            }

            ValidationRuleModel? rule = RuleParser.Parse(attribute, attributeName, context);
            if (rule is not null)
            {
                rules.Add(rule);
            }
        }

        bool interesting = sanitize is not null || rules.Count > 0 || nestedMethod is not null || elementMethod is not null;
        if (!interesting)
        {
            return null;
        }

        return new ValidatedMemberModel(
            _property.Name, jsonName, SymbolNames.TypeName(type), shape, isNullable, nestedMethod,
            collection, elementShape, element is null ? null : SymbolNames.TypeName(element), elementIsNullable, elementMethod,
            sanitize, rules.ToEquatableArray());
    }

    /// <summary>A SafeFilePath member: resolved under its root by the generated checks, or the request is refused.</summary>
    private ValidatedMemberModel? ParseSafePath(ITypeSymbol type, AttributeData? attribute, bool isSafeFilePath, string jsonName, bool isNullable, Location? location)
    {
        Endpoints.SafePathModel? guard = attribute is null ? null : Endpoints.SafePathModel.From(attribute);
        string? problem = attribute is null ? "a SafeFilePath member needs [SafePath(Root = ...)] to say which directory it is inside"
            : !isSafeFilePath ? "[SafePath] applies to members of type SafeFilePath, so the handler cannot use the unchecked string"
            : guard is null ? "[SafePath] needs Root: a configuration key (\"Uploads:Root\") or a directory"
            : null;
        if (problem is not null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SafePathMisuse, LocationInfo.From(location), _property.Name, _type.Name, problem));
            return null;
        }

        int index = _owner.AddPath(new Endpoints.SafePathMemberModel(_type.Name + "." + _property.Name, guard!));
        return new ValidatedMemberModel(_property.Name, jsonName, SymbolNames.TypeName(type), MemberShape.Value, isNullable, null,
            CollectionKind.None, MemberShape.Other, null, false, null, null, EquatableArray<ValidationRuleModel>.Empty, index);
    }

    private SanitizeModel? ParseSanitize(AttributeData attribute, MemberShape shape, MemberShape elementShape, RuleContext context)
    {
        bool text = shape == MemberShape.Text || (shape == MemberShape.Collection && elementShape == MemberShape.Text);
        if (!text)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SanitizeOnNonString, context.Location, _property.Name, _property.Type.ToDisplayString()));
            return null;
        }

        string policy = "Text";
        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int policyValue)
        {
            string? known = policyValue switch
            {
                0 => "Text",
                1 => "BasicFormatting",
                2 => "Reject",
                3 => "RemoveMarkup",
                _ => null,
            };
            if (known is null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownHtmlPolicy, context.Location, _property.Name, policyValue.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                return null;
            }

            policy = known;
        }

        int maxInput = 65536;
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            if (named.Key == "MaxInputLength" && named.Value.Value is int max && max > 0)
            {
                maxInput = max;
            }
        }

        return new SanitizeModel(policy, maxInput);
    }

    internal static string? JsonName(IEnumerable<AttributeData> attributes)
        => attributes
            .Where(a => a.AttributeClass?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == TypeNames.JsonPropertyName)
            .Select(a => a.ConstructorArguments.FirstOrDefault().Value as string)
            .FirstOrDefault(n => !string.IsNullOrEmpty(n));

    private static bool TryGetCollection(ITypeSymbol type, out CollectionKind kind, out ITypeSymbol? element)
    {
        kind = CollectionKind.None;
        element = null;
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            kind = CollectionKind.Array;
            element = array.ElementType;
            return true;
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named)
        {
            kind = named.OriginalDefinition.ToDisplayString() switch
            {
                "System.Collections.Generic.List<T>" => CollectionKind.List,
                "System.Collections.Generic.IReadOnlyList<T>" => CollectionKind.ReadOnlyListInterface,
                "System.Collections.Generic.IList<T>" => CollectionKind.ListInterface,
                _ => CollectionKind.None,
            };
            if (kind != CollectionKind.None)
            {
                element = named.TypeArguments[0];
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A collection Bastion cannot walk by index (ICollection, IEnumerable, HashSet, ...) is an error when
    /// something would have to be checked inside it or its length limited: failing closed beats skipping.
    /// </summary>
    private bool UnsupportedCollectionNeedsWork(ITypeSymbol type, List<AttributeData> attributes)
    {
        INamedTypeSymbol? enumerable = type.AllInterfaces
            .Concat(type is INamedTypeSymbol self ? new[] { self } : System.Array.Empty<INamedTypeSymbol>())
            .FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
        if (enumerable is null)
        {
            return false;
        }

        bool hasRelevantAttribute = attributes.Any(a => a.AttributeClass?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)
            is TypeNames.SanitizeAttribute
            or TypeNames.DataAnnotations + "MaxLengthAttribute"
            or TypeNames.DataAnnotations + "MinLengthAttribute");
        return hasRelevantAttribute || ContainsCheckedType(enumerable.TypeArguments[0]);
    }

    /// <summary>True when <paramref name="type"/> or any type argument inside it (KeyValuePair, tuples...) has checks.</summary>
    private bool ContainsCheckedType(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return type is IArrayTypeSymbol array && ContainsCheckedType(array.ElementType);
        }

        if (ValidationParser.IsUserType(named) && _owner.Visit(named) is not null)
        {
            return true;
        }

        return named.TypeArguments.Any(ContainsCheckedType);
    }
}
