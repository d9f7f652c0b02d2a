using System.Collections.Immutable;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Bastion.Generators.Diagnostics;
using Bastion.Generators.Shared;
using Bastion.Generators.Validation;
using Microsoft.CodeAnalysis;

namespace Bastion.Generators.Endpoints;

/// <summary>Turns a [BastionEndpoints] class symbol into an <see cref="EndpointClassModel"/>.</summary>
internal static class EndpointParser
{
    private const long DefaultMaxBodyBytes = 1024 * 1024;

    public static EndpointParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        => Parse(context.TargetSymbol, context.Attributes, cancellationToken, context.SemanticModel, InsideClass(context.TargetNode));

    /// <summary>
    /// The same parse for the diagnostics analyzer: the class and its [BastionEndpoints] attributes. Without a semantic model
    /// the model's names are not shortened (the analyzer keeps only the diagnostics).
    /// </summary>
    public static EndpointParseResult Parse(ISymbol target, ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken, SemanticModel? semanticModel = null, int position = 0)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (target is not INamedTypeSymbol type)
        {
            return new EndpointParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        string? prefix = attributes.FirstOrDefault()?.ConstructorArguments.FirstOrDefault().Value as string;
        string? shapeProblem = ClassShapeProblem(type);
        if (shapeProblem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EndpointClassShape,
                LocationInfo.From(type.Locations.FirstOrDefault()), type.Name, shapeProblem));
        }

        var validation = new ValidationParser(diagnostics, cancellationToken);
        var formTypes = new FormTypeCollector();
        var endpoints = new List<EndpointModel>();
        var handlerNames = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (IMethodSymbol method in type.GetMembers().OfType<IMethodSymbol>().OrderBy(m => m.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0))
        {
            cancellationToken.ThrowIfCancellationRequested();
            AttributeData? verbAttribute = method.GetAttributes().FirstOrDefault(IsVerbAttribute);
            if (verbAttribute is null)
            {
                continue;
            }

            string handlerName = "Handle" + method.Name;
            for (int i = 2; !handlerNames.Add(handlerName); i++)
            {
                handlerName = "Handle" + method.Name + Int(i);
            }

            EndpointModel? endpoint = ParseMethod(method, verbAttribute, prefix, handlerName, validation, formTypes, diagnostics);
            if (endpoint is not null)
            {
                endpoints.Add(endpoint);
            }
        }

        EquatableArray<DiagnosticInfo> reported = diagnostics.ToEquatableArray();
        if (diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
        {
            return new EndpointParseResult(null, reported);
        }

        string? ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        var model = new EndpointClassModel(ns, type.Name, SymbolNames.TypeName(type), prefix,
            endpoints.ToEquatableArray(), validation.Types, validation.PathMembers, NameScope.For(type, semanticModel, position, cancellationToken), formTypes.Types);
        return new EndpointParseResult(model, reported);
    }

    /// <summary>A position inside the class body, where generated members are looked up.</summary>
    internal static int InsideClass(SyntaxNode node)
        => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax { OpenBraceToken.IsMissing: false } declaration ? declaration.OpenBraceToken.Span.End : node.SpanStart;

    internal static bool IsVerbAttribute(AttributeData attribute)
        => attribute.AttributeClass?.BaseType?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == TypeNames.HttpEndpointAttribute;

    private static string? ClassShapeProblem(INamedTypeSymbol type)
    {
        if (!type.IsStatic)
        {
            return "it is not static";
        }

        if (type.ContainingType is not null)
        {
            return "it is nested in another type";
        }

        if (type.IsGenericType)
        {
            return "it is generic";
        }

        bool partial = type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax declaration
            && declaration.Modifiers.Any(m => m.ValueText == "partial"));
        return partial ? null : "it is not partial";
    }

    private static EndpointModel? ParseMethod(IMethodSymbol method, AttributeData verbAttribute, string? prefix, string handlerName, ValidationParser validation,
        FormTypeCollector formTypes, List<DiagnosticInfo> diagnostics)
    {
        LocationInfo? location = LocationInfo.From(method.Locations.FirstOrDefault());
        string attributeName = verbAttribute.AttributeClass!.Name;
        string verbName = attributeName.EndsWith("Attribute", System.StringComparison.Ordinal) ? attributeName.Substring(0, attributeName.Length - 9) : attributeName;
        string verb = verbName.ToUpperInvariant();
        string routeAsWritten = verbAttribute.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty;
        string route = RouteTemplate.Combine(prefix, routeAsWritten);
        long maxBody = DefaultMaxBodyBytes;
        string? endpointName = null;
        foreach (KeyValuePair<string, TypedConstant> named in verbAttribute.NamedArguments)
        {
            if (named.Key == "MaxRequestBodySize" && named.Value.Value is long size && size > 0)
            {
                maxBody = size;
            }
            else if (named.Key == "Name" && named.Value.Value is string name)
            {
                endpointName = name;
            }
        }

        string attributeText = "[" + verbName + "(\"" + routeAsWritten + "\")]";
        if (!method.IsStatic || method.IsGenericMethod || method.Parameters.Any(p => p.RefKind != RefKind.None || p.IsParams))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EndpointMethodShape, location, method.Name));
            return null;
        }

        var routeParameters = new List<RouteParameter>();
        string? routeError = RouteTemplate.TryParse(route, routeParameters);
        if (routeError is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidRouteTemplate, location, route, method.Name, routeError));
            return null;
        }

        int before = diagnostics.Count;
        var binder = new ParameterBinder(method, verb, route, routeParameters, validation, formTypes, diagnostics);
        List<EndpointParameterModel> parameters = method.Parameters.Select(binder.Bind).Where(p => p is not null).Select(p => p!).ToList();
        foreach (RouteParameter routeParameter in routeParameters)
        {
            bool bound = parameters.Any(p => p.Source == ParameterSource.Route && string.Equals(p.BindingName, routeParameter.Name, System.StringComparison.OrdinalIgnoreCase));
            if (!bound)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RouteParameterWithoutMethodParameter, location, route, routeParameter.Name, method.Name));
            }
        }

        FormLimitsModel? formLimits = FormRules.Check(method, parameters, formTypes, maxBody, location, diagnostics);
        ReturnModel? returns = ReturnParser.Parse(method, location, diagnostics);
        if (returns is null || diagnostics.Count > before)
        {
            return null;
        }

        CsrfDecision csrfDecision = Csrf(method);
        (bool csrf, string? exempt) = (csrfDecision.Protected, csrfDecision.ExemptReason);
        if (csrfDecision.UnknownMode is int unknownMode)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownCsrfMode, location, Int(unknownMode), method.Name));
            return null;
        }

        bool apiKey = new ISymbol[] { method, method.ContainingType }.SelectMany(o => o.GetAttributes()).Any(a => a.AttributeClass?.ToDisplayString() == "Bastion.RequireApiKeyAttribute");
        bool unsafeVerb = verb is "POST" or "PUT" or "PATCH" or "DELETE";
        if (unsafeVerb && !csrf && exempt is null && !apiKey)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsafeVerbWithoutCsrfDecision, location, verb, route, method.Name));
        }
        else if (!unsafeVerb && method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Bastion.CsrfProtectedAttribute"))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CsrfProtectedOnSafeVerb, location, method.Name, verb));
        }

        int errorsBefore = diagnostics.Count(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
        List<Browser.HeaderValueModel> headers = ResponseHeaders(method, verb + " " + route, diagnostics);
        if (diagnostics.Count(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error) > errorsBefore)
        {
            return null;
        }

        var notCarried = new List<string>();
        EquatableArray<string> metadata = EndpointMetadata.Expressions(method, notCarried);
        foreach (string attribute in notCarried)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MetadataAttributeNotCarried, location, attribute, method.Name));
        }

        return new EndpointModel(method.Name, verb, route, endpointName, maxBody, parameters.ToEquatableArray(), returns, attributeText, handlerName, location,
            csrf && unsafeVerb, exempt, csrf && unsafeVerb ? csrfDecision.Mode : null, CorsPolicy(method), headers.ToEquatableArray(), apiKey, metadata,
            HandlerOverloaded: method.ContainingType.GetMembers(method.Name).Length > 1, FormLimits: formLimits,
            Authorization: EndpointMetadata.Authorization(method));
    }

    /// <summary>[Cors("name")] on the method, else on its class.</summary>
    private static string? CorsPolicy(IMethodSymbol method)
        => new ISymbol[] { method, method.ContainingType }
            .SelectMany(owner => owner.GetAttributes())
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == TypeNames.CorsAttribute)
            ?.ConstructorArguments.FirstOrDefault().Value as string;

    /// <summary>[SecurityHeaders] values of the class, overridden header by header by the method's.</summary>
    private static List<Browser.HeaderValueModel> ResponseHeaders(IMethodSymbol method, string endpoint, List<DiagnosticInfo> diagnostics)
    {
        var byName = new Dictionary<string, Browser.HeaderValueModel>(System.StringComparer.Ordinal);
        foreach (ISymbol owner in new ISymbol[] { method.ContainingType, method })
        {
            AttributeData? attribute = owner.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == TypeNames.SecurityHeadersAttribute);
            if (attribute is null)
            {
                continue;
            }

            string where = owner is IMethodSymbol ? "of " + endpoint : "of [BastionEndpoints] class " + owner.Name;
            // A class attribute is reported once, with the class's first endpoint, not once per endpoint.
            bool reportHere = owner is IMethodSymbol
                || SymbolEqualityComparer.Default.Equals(method.ContainingType.GetMembers().OfType<IMethodSymbol>().FirstOrDefault(m => m.GetAttributes().Any(IsVerbAttribute)), method);
            foreach (Browser.HeaderValueModel header in Browser.BrowserParser.ParseHeaders(attribute, where, reportHere ? diagnostics : new List<DiagnosticInfo>()))
            {
                byName[header.Name] = header;
            }
        }

        return Browser.BrowserParser.HeaderProperties.Where(p => byName.ContainsKey(p.Header)).Select(p => byName[p.Header]).ToList();
    }

    /// <summary>
    /// [CsrfProtected] / [CsrfExempt] on the method, else on its class; the method's wins. A [CsrfProtected] without a
    /// mode keeps the mode its class pins, if any; with neither, the endpoint follows Bastion:Csrf:Mode (Mode null).
    /// </summary>
    private static CsrfDecision Csrf(IMethodSymbol method)
    {
        AttributeData? methodAttribute = CsrfAttribute(method);
        AttributeData? classAttribute = CsrfAttribute(method.ContainingType);
        AttributeData? decisive = methodAttribute ?? classAttribute;
        if (decisive is null)
        {
            return new CsrfDecision(false, null, null, null);
        }

        if (decisive.AttributeClass?.ToDisplayString() == "Bastion.CsrfExemptAttribute")
        {
            return new CsrfDecision(false, null, decisive.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty, null);
        }

        foreach (AttributeData? owner in new[] { methodAttribute, classAttribute })
        {
            if (owner?.AttributeClass?.ToDisplayString() == "Bastion.CsrfProtectedAttribute" && owner.ConstructorArguments.Length == 1 && owner.ConstructorArguments[0].Value is int value)
            {
                return value switch
                {
                    0 => new CsrfDecision(true, "Origin", null, null),
                    1 => new CsrfDecision(true, "Hybrid", null, null),
                    2 => new CsrfDecision(true, "Token", null, null),
                    _ => new CsrfDecision(true, null, null, value),
                };
            }
        }

        return new CsrfDecision(true, null, null, null);
    }

    private static AttributeData? CsrfAttribute(ISymbol owner)
        => owner.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() is "Bastion.CsrfProtectedAttribute" or "Bastion.CsrfExemptAttribute");

    internal static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
