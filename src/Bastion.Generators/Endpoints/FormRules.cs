using System;
using System.Collections.Generic;
using System.Linq;
using Bastion.Generators.Diagnostics;
using Bastion.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Bastion.Generators.Endpoints;

/// <summary>
/// The endpoint-wide rules of a form endpoint, once its parameters are bound: one body (a form or JSON, never both),
/// every field name bound once and none of them the CSRF token's, and a <c>[FormLimits]</c> that can apply (BAS1016,
/// BAS1019). Returns the endpoint's limits when it reads a form.
/// </summary>
internal static class FormRules
{
    /// <summary>The field of the antiforgery token (<c>CsrfCheck.TokenFieldName</c>), never bound to a parameter.</summary>
    public const string TokenField = "__bastion_csrf";

    /// <summary>The longest field name the runtime reads (<c>FormBodyLimits.MaxFieldNameLength</c>).</summary>
    private const int MaxFieldNameLength = 256;

    public static FormLimitsModel? Check(IMethodSymbol method, List<EndpointParameterModel> parameters, FormTypeCollector types, long maxBody,
        LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        EndpointParameterModel[] form = parameters.Where(p => p.Source is ParameterSource.Form or ParameterSource.FormFile).ToArray();
        AttributeData? limits = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == TypeNames.FormLimitsAttribute);
        AttributeData? mvcLimits = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == TypeNames.RequestFormLimits);
        if (mvcLimits is not null)
        {
            NotApplicable(location, "[RequestFormLimits]", method, "Bastion reads forms itself and does not read MVC's limits; use [FormLimits] and MaxRequestBodySize", diagnostics);
        }

        if (form.Length == 0)
        {
            if (limits is not null)
            {
                NotApplicable(location, "[FormLimits]", method, "the endpoint reads no form ([FromForm] or IFormFile parameter)", diagnostics);
            }

            return null;
        }

        EndpointParameterModel? body = parameters.FirstOrDefault(p => p.Source == ParameterSource.Body);
        if (body is not null)
        {
            Conflict(method, form[0], "'" + body.Name + "' is read as a JSON body and a request has one body; bind it with [FromForm] too", diagnostics);
        }

        CheckNames(method, form, types, diagnostics);
        int maxFields = Named(limits, "MaxFields");
        int maxValueLength = Named(limits, "MaxValueLength");
        long maxFileBytes = limits?.NamedArguments.FirstOrDefault(a => a.Key == "MaxFileBytes").Value.Value as long? ?? 0;
        if (maxFields < 0 || maxValueLength < 0 || maxFileBytes < 0)
        {
            NotApplicable(location, "[FormLimits]", method, "a limit cannot be negative (zero means the default)", diagnostics);
        }
        else if (maxFileBytes > 0 && !form.Any(p => p.Source == ParameterSource.FormFile))
        {
            NotApplicable(location, "[FormLimits]", method, "MaxFileBytes is set but the endpoint takes no uploaded file", diagnostics);
        }
        else if (maxFileBytes > maxBody)
        {
            NotApplicable(location, "[FormLimits]", method,
                "MaxFileBytes is larger than the body may be (MaxRequestBodySize " + EndpointParser.Int(maxBody) + "); raise MaxRequestBodySize on the verb attribute", diagnostics);
        }

        return new FormLimitsModel(maxFields, maxValueLength, maxFileBytes);
    }

    /// <summary>Every field name the endpoint binds, in parameter order: text fields, then whether it is a file.</summary>
    public static IEnumerable<(string Name, bool IsFile)> Fields(IEnumerable<EndpointParameterModel> parameters, IEnumerable<FormTypeModel> types)
    {
        foreach (EndpointParameterModel parameter in parameters)
        {
            if (parameter.FormBinder is not null)
            {
                FormTypeModel type = types.First(t => t.MethodName == parameter.FormBinder);
                foreach (FormFieldModel field in type.ConstructorFields.Concat(type.InitializerFields))
                {
                    yield return (field.FieldName, false);
                }
            }
            else if (parameter.Source is ParameterSource.Form or ParameterSource.FormFile)
            {
                yield return (parameter.BindingName, parameter.Source == ParameterSource.FormFile);
            }
        }
    }

    private static void CheckNames(IMethodSymbol method, EndpointParameterModel[] form, FormTypeCollector types, List<DiagnosticInfo> diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (EndpointParameterModel parameter in form)
        {
            foreach ((string name, _) in Fields(new[] { parameter }, types.Types))
            {
                string? problem = name.Length == 0 || name.Length > MaxFieldNameLength ? "the field name '" + name + "' must have 1 to 256 characters"
                    : string.Equals(name, TokenField, StringComparison.OrdinalIgnoreCase) ? "the field '" + TokenField + "' carries the CSRF token and is never bound"
                    : !seen.Add(name) ? "the field '" + name + "' is bound twice on this endpoint (names are matched case-insensitively)"
                    : null;
                if (problem is not null)
                {
                    Conflict(method, parameter, problem, diagnostics);
                }
            }
        }
    }

    private static int Named(AttributeData? attribute, string name) => attribute?.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as int? ?? 0;

    private static void Conflict(IMethodSymbol method, EndpointParameterModel parameter, string why, List<DiagnosticInfo> diagnostics)
    {
        Location? location = method.Parameters.FirstOrDefault(p => p.Name == parameter.Name)?.Locations.FirstOrDefault();
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FormBindingConflict, LocationInfo.From(location), method.Name, parameter.Name, why));
    }

    private static void NotApplicable(LocationInfo? location, string attribute, IMethodSymbol method, string why, List<DiagnosticInfo> diagnostics)
        => diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FormLimitsNotApplicable, location, attribute, method.Name, why));
}
