using System.Collections.Generic;
using System.Linq;
using Bastion.Generators.Diagnostics;
using Bastion.Generators.Shared;
using Bastion.Generators.Validation;
using Microsoft.CodeAnalysis;

namespace Bastion.Generators.Endpoints;

/// <summary>
/// Binds the form parameters of one endpoint: a <c>[FromForm]</c> record (bound field by field through a generated
/// <c>Read…Form</c> method, then sanitized and validated like a JSON body), <c>[FromForm]</c> values, and uploaded files
/// (<c>IFormFile</c> / <c>SafeFormFile</c> with <c>[SafePath]</c>). What it cannot bind exactly is an error
/// (BAS1016–BAS1018), never a fallback to JSON or to dependency injection.
/// </summary>
internal sealed class FormBinder
{
    private readonly IMethodSymbol _method;
    private readonly string _verb;
    private readonly ValidationParser _validation;
    private readonly FormTypeCollector _types;
    private readonly List<DiagnosticInfo> _diagnostics;

    public FormBinder(IMethodSymbol method, string verb, ValidationParser validation, FormTypeCollector types, List<DiagnosticInfo> diagnostics)
    {
        _method = method;
        _verb = verb;
        _validation = validation;
        _types = types;
        _diagnostics = diagnostics;
    }

    /// <summary>True for <c>IFormFile</c> and <c>SafeFormFile</c> (nullable or not): always an upload.</summary>
    public static bool IsFile(ITypeSymbol type) => SymbolNames.NonNullableTypeName(type) is TypeNames.IFormFile or TypeNames.SafeFormFile;

    /// <summary>True for the framework's form collections, which Bastion does not hand out (they skip every cap and check).</summary>
    public static bool IsCollection(ITypeSymbol type) => SymbolNames.NonNullableTypeName(type) is TypeNames.IFormFileCollection or TypeNames.IFormCollection;

    /// <summary>An uploaded file: its name must pass the parameter's [SafePath] rules.</summary>
    public EndpointParameterModel? BindFile(IParameterSymbol parameter, AttributeData? safePath, string bindingName, LocationInfo? location)
    {
        if (!CanReadBody(parameter, location))
        {
            return null;
        }

        SafePathModel? guard = safePath is null ? null : SafePathModel.From(safePath);
        string? problem = safePath is null ? "it has no [SafePath(Root = ...)] saying where such a file may be saved and which names are allowed"
            : guard is null ? "its [SafePath] has no Root: a configuration key (\"Uploads:Root\") or a directory"
            : guard.MustExist ? "its [SafePath] sets MustExist, and an uploaded file does not exist yet"
            : null;
        if (problem is not null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UploadWithoutSafePath, location, parameter.Name, _method.Name, problem));
            return null;
        }

        return new EndpointParameterModel(parameter.Name, SymbolNames.TypeName(parameter.Type), SymbolNames.NonNullableTypeName(parameter.Type),
            ParameterSource.FormFile, bindingName, ValueParseKind.FormFile, SymbolNames.IsNullable(parameter.Type), null, null, SafePath: guard);
    }

    /// <summary>A [FromForm] parameter: a record bound field by field, or one value (a [SafePath] value is a path in a text field).</summary>
    public EndpointParameterModel? BindForm(IParameterSymbol parameter, AttributeData? safePath, string bindingName, LocationInfo? location)
    {
        if (!CanReadBody(parameter, location))
        {
            return null;
        }

        ITypeSymbol type = parameter.Type;
        bool optional = SymbolNames.IsNullable(type) || parameter.HasExplicitDefaultValue;
        string? defaultValue = parameter.HasExplicitDefaultValue ? ParameterBinder.DefaultValue(parameter) : null;
        string valueType = SymbolNames.NonNullableTypeName(SymbolNames.UnderlyingValueType(type));
        if (safePath is not null || valueType == TypeNames.SafeFilePath)
        {
            SafePathModel? guard = safePath is null ? null : SafePathModel.From(safePath);
            if (guard is null || valueType != TypeNames.SafeFilePath)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SafePathMisuse, location, parameter.Name, _method.Name,
                    "a form path must be a SafeFilePath parameter with [SafePath(Root = ...)]"));
                return null;
            }

            return new EndpointParameterModel(parameter.Name, SymbolNames.TypeName(type), valueType, ParameterSource.Form, bindingName,
                ValueParseKind.SafePath, SymbolNames.IsNullable(type), null, null, SafePath: guard);
        }

        ValueParseKind kind = ParameterBinder.ParseKindOf(type);
        if (kind != ValueParseKind.None)
        {
            string? why = FieldProblem(type, kind);
            if (why is not null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FormFieldNotBindable, location, parameter.Name, _method.Name, type.ToDisplayString(), why));
                return null;
            }

            return new EndpointParameterModel(parameter.Name, SymbolNames.TypeName(type), valueType, ParameterSource.Form, bindingName, kind, optional, defaultValue, null);
        }

        if (type is not INamedTypeSymbol named || !ValidationParser.IsUserType(named) || named.IsAbstract || named.TypeKind != TypeKind.Class)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FormFieldNotBindable, location, parameter.Name, _method.Name, type.ToDisplayString(),
                "a [FromForm] parameter is a value (string, bool, an enum, a number, Guid or date) or a concrete record or class of such values"));
            return null;
        }

        FormTypeModel? form = _types.Get(named, location, _method.Name, _diagnostics);
        if (form is null)
        {
            return null;
        }

        // The same [Sanitize] and DataAnnotations checks as a JSON body, keyed by the same (field) names.
        string? validator = _validation.Visit(named);
        return new EndpointParameterModel(parameter.Name, SymbolNames.TypeName(type), SymbolNames.NonNullableTypeName(named), ParameterSource.Form,
            bindingName, ValueParseKind.None, false, null, validator, FormBinder: form.MethodName);
    }

    /// <summary>Why a value of <paramref name="type"/> cannot be one form field, or null when it can.</summary>
    internal static string? FieldProblem(ITypeSymbol type, ValueParseKind kind)
    {
        if (kind == ValueParseKind.None)
        {
            return IsFile(type)
                ? "uploaded files are bound as IFormFile or SafeFormFile handler parameters with [SafePath], not as record members"
                : "form fields hold text, so a member is string, bool, an enum, or a value type implementing IParsable<T> (numbers, Guid, dates)";
        }

        return kind == ValueParseKind.Parsable && !SymbolNames.UnderlyingValueType(type).IsValueType
            ? "only value types implementing IParsable<T> are parsed from form fields"
            : null;
    }

    private bool CanReadBody(IParameterSymbol parameter, LocationInfo? location)
    {
        if (_verb is "POST" or "PUT" or "PATCH" or "DELETE")
        {
            return true;
        }

        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FormBindingConflict, location, _method.Name, parameter.Name,
            "a " + _verb + " request has no form body; use [Post], [Put], [Patch] or [Delete], or read the value from the query"));
        return false;
    }
}
