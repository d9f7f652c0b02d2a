using System;
using System.Collections.Generic;
using System.Linq;
using Bastion.Generators.Diagnostics;
using Bastion.Generators.Shared;
using Bastion.Generators.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bastion.Generators.Endpoints;

/// <summary>
/// Decides where each handler parameter comes from. Explicit [FromX] attributes win; otherwise the
/// HTTP context types, then a route parameter of the same name, then simple types from the query,
/// then a record as the JSON body, and anything else from dependency injection.
/// </summary>
internal sealed class ParameterBinder
{
    private readonly IMethodSymbol _method;
    private readonly string _verb;
    private readonly string _route;
    private readonly List<RouteParameter> _routeParameters;
    private readonly ValidationParser _validation;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly FormBinder _forms;
    private string? _bodyParameter;

    public ParameterBinder(IMethodSymbol method, string verb, string route, List<RouteParameter> routeParameters, ValidationParser validation,
        FormTypeCollector formTypes, List<DiagnosticInfo> diagnostics)
    {
        _forms = new FormBinder(method, verb, validation, formTypes, diagnostics);
        _method = method;
        _verb = verb;
        _route = route;
        _routeParameters = routeParameters;
        _validation = validation;
        _diagnostics = diagnostics;
    }

    public EndpointParameterModel? Bind(IParameterSymbol parameter)
    {
        ITypeSymbol type = parameter.Type;
        string typeName = SymbolNames.TypeName(type);
        string plainName = SymbolNames.NonNullableTypeName(type);
        LocationInfo? location = LocationInfo.From(parameter.Locations.FirstOrDefault());

        ParameterSource? special = plainName switch
        {
            TypeNames.HttpContext => ParameterSource.HttpContext,
            TypeNames.HttpRequest => ParameterSource.HttpRequest,
            TypeNames.HttpResponse => ParameterSource.HttpResponse,
            TypeNames.CancellationToken => ParameterSource.CancellationToken,
            TypeNames.ClaimsPrincipal => ParameterSource.User,
            _ => null,
        };
        if (special is not null)
        {
            return Model(parameter, special.Value, parameter.Name, ValueParseKind.None, null);
        }

        AttributeData? safePath = parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == TypeNames.SafePathAttribute);
        AttributeData? fromForm = parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == TypeNames.FromForm);
        if (FormBinder.IsCollection(type))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FormFieldNotBindable, location, parameter.Name, _method.Name, type.ToDisplayString(),
                "the raw form skips every cap and check; take each field as a [FromForm] parameter or record member and each file as an IFormFile"));
            return null;
        }

        if (fromForm is not null || FormBinder.IsFile(type))
        {
            string fieldName = NamedString(fromForm, "Name") ?? parameter.Name;
            EndpointParameterModel? form = FormBinder.IsFile(type)
                ? _forms.BindFile(parameter, safePath, fieldName, location)
                : _forms.BindForm(parameter, safePath, fieldName, location);
            return form is null ? null : form with { Rules = ParameterRules(parameter, form.Source, fieldName, form.ParseKind) };
        }

        bool isSafeFilePath = SymbolNames.NonNullableTypeName(SymbolNames.UnderlyingValueType(type)) == TypeNames.SafeFilePath;
        if (safePath is not null || isSafeFilePath)
        {
            return BindSafePath(parameter, safePath, isSafeFilePath, location);
        }

        AttributeData? from = parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)
            is TypeNames.FromRoute or TypeNames.FromQuery or TypeNames.FromHeader or TypeNames.FromBody or TypeNames.FromServices);
        string? fromKind = from?.AttributeClass?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        string bindingName = NamedString(from, "Name") ?? parameter.Name;

        switch (fromKind)
        {
            case TypeNames.FromServices:
                return Model(parameter, ParameterSource.Service, parameter.Name, ValueParseKind.None, null);
            case TypeNames.FromBody:
                return BindBody(parameter, location);
            case TypeNames.FromHeader:
                return BindText(parameter, ParameterSource.Header, bindingName, location);
            case TypeNames.FromQuery:
                return BindText(parameter, ParameterSource.Query, bindingName, location);
            case TypeNames.FromRoute:
                if (!_routeParameters.Any(r => string.Equals(r.Name, bindingName, StringComparison.OrdinalIgnoreCase)))
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RouteBoundParameterNotInTemplate, location, parameter.Name, _method.Name, bindingName, _route));
                    return null;
                }

                return BindText(parameter, ParameterSource.Route, bindingName, location);
        }

        RouteParameter? routeMatch = _routeParameters.FirstOrDefault(r => string.Equals(r.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
        if (routeMatch is not null)
        {
            return BindText(parameter, ParameterSource.Route, routeMatch.Name, location);
        }

        if (ParseKindOf(type) != ValueParseKind.None)
        {
            return BindText(parameter, ParameterSource.Query, parameter.Name, location);
        }

        if (type is INamedTypeSymbol { IsRecord: true } record && ValidationParser.IsUserType(record))
        {
            return BindBody(parameter, location);
        }

        return Model(parameter, ParameterSource.Service, parameter.Name, ValueParseKind.None, null);
    }

    /// <summary>A SafeFilePath from the route (same name) or the query, through its [SafePath] resolver.</summary>
    private EndpointParameterModel? BindSafePath(IParameterSymbol parameter, AttributeData? attribute, bool isSafeFilePath, LocationInfo? location)
    {
        string? problem = attribute is null ? "a SafeFilePath parameter needs [SafePath(Root = ...)] to say which directory it is inside"
            : !isSafeFilePath ? "[SafePath] applies to parameters of type SafeFilePath, so the handler cannot use the unchecked string"
            : null;
        SafePathModel? guard = attribute is null ? null : SafePathModel.From(attribute);
        if (problem is null && guard is null)
        {
            problem = "[SafePath] needs Root: a configuration key (\"Uploads:Root\") or a directory";
        }

        if (problem is not null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SafePathMisuse, location, parameter.Name, _method.Name, problem));
            return null;
        }

        RouteParameter? routeMatch = _routeParameters.FirstOrDefault(r => string.Equals(r.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
        ParameterSource source = routeMatch is null ? ParameterSource.Query : ParameterSource.Route;
        EndpointParameterModel model = Model(parameter, source, routeMatch?.Name ?? parameter.Name, ValueParseKind.SafePath, null);
        // Only SafeFilePath? is optional: an optional route segment or default must never hand the handler an
        // unchecked default path.
        return model with
        {
            SafePath = guard,
            IsOptional = SymbolNames.IsNullable(parameter.Type),
            DefaultValue = null,
        };
    }

    private EndpointParameterModel? BindBody(IParameterSymbol parameter, LocationInfo? location)
    {
        if (_verb == "GET")
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BodyOnSafeVerb, location, _method.Name, parameter.Name));
            return null;
        }

        if (_bodyParameter is not null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MultipleBodies, location, _method.Name, _bodyParameter, parameter.Name));
            return null;
        }

        if (parameter.Type.IsAbstract || parameter.Type.TypeKind == TypeKind.Interface || parameter.Type.SpecialType == SpecialType.System_Object)
        {
            Unsupported(parameter, location, "a JSON body must be a concrete type");
            return null;
        }

        _bodyParameter = parameter.Name;
        string? validator = _validation.Visit(parameter.Type);
        return Model(parameter, ParameterSource.Body, parameter.Name, ValueParseKind.None, validator);
    }

    private EndpointParameterModel? BindText(IParameterSymbol parameter, ParameterSource source, string bindingName, LocationInfo? location)
    {
        ValueParseKind kind = ParseKindOf(parameter.Type);
        if (kind == ValueParseKind.None)
        {
            Unsupported(parameter, location, "route, query and header values must be string, bool, an enum or a type implementing IParsable<T>");
            return null;
        }

        return Model(parameter, source, bindingName, kind, null);
    }

    private EndpointParameterModel Model(IParameterSymbol parameter, ParameterSource source, string bindingName, ValueParseKind kind, string? validator)
    {
        ITypeSymbol valueType = SymbolNames.UnderlyingValueType(parameter.Type);
        bool routeOptional = source == ParameterSource.Route
            && _routeParameters.Any(r => r.IsOptional && string.Equals(r.Name, bindingName, StringComparison.OrdinalIgnoreCase));
        bool optional = SymbolNames.IsNullable(parameter.Type) || parameter.HasExplicitDefaultValue || routeOptional;
        return new EndpointParameterModel(
            parameter.Name,
            SymbolNames.TypeName(parameter.Type),
            SymbolNames.NonNullableTypeName(valueType),
            source,
            bindingName,
            kind,
            optional,
            parameter.HasExplicitDefaultValue ? DefaultValue(parameter) : null,
            validator,
            ParameterRules(parameter, source, bindingName, kind));
    }

    /// <summary>
    /// DataAnnotations checks on a route, query or header value become generated checks; on any other
    /// parameter, and [Sanitize] on any parameter, they are errors rather than silently ignored.
    /// </summary>
    private EquatableArray<ValidationRuleModel> ParameterRules(IParameterSymbol parameter, ParameterSource source, string bindingName, ValueParseKind kind)
    {
        LocationInfo? location = LocationInfo.From(parameter.Locations.FirstOrDefault());
        bool textValue = source is ParameterSource.Route or ParameterSource.Query or ParameterSource.Header
            || (source == ParameterSource.Form && kind != ValueParseKind.None);
        var context = new RuleContext(parameter.Name, bindingName, parameter.Type.ToDisplayString(),
            kind == ValueParseKind.String ? MemberShape.Text : MemberShape.Value, SymbolNames.UnderlyingValueType(parameter.Type), location, _diagnostics);
        var rules = new List<ValidationRuleModel>();
        foreach (AttributeData attribute in parameter.GetAttributes())
        {
            string? name = attribute.AttributeClass?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (name == TypeNames.SanitizeAttribute)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SanitizeOnHandlerParameter, location, parameter.Name, _method.Name));
            }
            else if (RuleParser.IsSupported(name) && !textValue)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValidationAttributeNotApplicable, location,
                    attribute.AttributeClass!.Name, parameter.Name, parameter.Type.ToDisplayString(),
                    "checks on handler parameters apply to route, query, header and form values; put body checks on the record's members"));
            }
            else if (RuleParser.IsSupported(name))
            {
                ValidationRuleModel? rule = RuleParser.Parse(attribute, name, context);
                if (rule is not null)
                {
                    rules.Add(rule);
                }
            }
            else if (RuleParser.IsValidationAttribute(attribute.AttributeClass))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedValidationAttribute, location, attribute.AttributeClass!.Name, parameter.Name));
            }
        }

        return rules.ToEquatableArray();
    }

    internal static ValueParseKind ParseKindOf(ITypeSymbol type)
    {
        ITypeSymbol value = SymbolNames.UnderlyingValueType(type);
        if (value.SpecialType == SpecialType.System_String)
        {
            return ValueParseKind.String;
        }

        if (value.SpecialType == SpecialType.System_Boolean)
        {
            return ValueParseKind.Boolean;
        }

        if (value.TypeKind == TypeKind.Enum)
        {
            return ValueParseKind.Enum;
        }

        bool parsable = value.AllInterfaces.Any(i => i.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == TypeNames.IParsable
            && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], value));
        return parsable ? ValueParseKind.Parsable : ValueParseKind.None;
    }

    internal static string DefaultValue(IParameterSymbol parameter)
    {
        object? value = parameter.ExplicitDefaultValue;
        if (value is null)
        {
            return "default";
        }

        ITypeSymbol valueType = SymbolNames.UnderlyingValueType(parameter.Type);
        string literal = value is string text ? Literal.String(text) : SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false);
        if (valueType.TypeKind == TypeKind.Enum || value is float or double or decimal or long or ulong or uint or short or ushort or byte or sbyte or char)
        {
            return "(" + SymbolNames.NonNullableTypeName(valueType) + ")(" + literal + (value is decimal ? "m" : value is float ? "f" : string.Empty) + ")";
        }

        return literal;
    }

    private void Unsupported(IParameterSymbol parameter, LocationInfo? location, string why)
        => _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedParameter, location, parameter.Name, _method.Name, parameter.Type.ToDisplayString(), why));

    private static string? NamedString(AttributeData? attribute, string name)
        => attribute?.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;
}
