using System.Collections.Generic;
using System.Linq;
using Bastion.Generators.Shared;

namespace Bastion.Generators.Endpoints;

/// <summary>
/// Emits the form half of an endpoint: its <c>FormBodyLimits</c> (built once in the map method), the block of its request
/// delegate that reads the form, checks a form CSRF token and binds every form parameter (one 400 listing every field
/// problem), and one <c>Read…Form</c> method per [FromForm] record. Each field is one <c>FormFields</c> call.
/// </summary>
internal static class FormEmitter
{
    private const string Forms = "global::Bastion.Forms";

    /// <summary>The map-time limits: the body cap, the bound names, and the [FormLimits] values that differ from the defaults.</summary>
    public static void EmitLimits(CodeWriter w, EndpointClassModel model, EndpointModel endpoint)
    {
        List<(string Name, bool IsFile)> fields = FormRules.Fields(endpoint.Parameters, model.FormTypes).ToList();
        w.Line($"// [FromForm]: only these fields are kept (every other one is counted and dropped); caps from [FormLimits]");
        w.Line($"var formLimits = new {Forms}.FormBodyLimits({EndpointParser.Int(endpoint.MaxBodyBytes)}L,");
        w.Line("    fields: " + Names(fields.Where(f => !f.IsFile)) + ",");
        string files = "    fileFields: " + Names(fields.Where(f => f.IsFile)) + ")";
        FormLimitsModel limits = endpoint.FormLimits!;
        var set = new List<string>();
        if (limits.MaxFields > 0)
        {
            set.Add("MaxFields = " + EndpointParser.Int(limits.MaxFields) + ",");
        }

        if (limits.MaxValueLength > 0)
        {
            set.Add("MaxValueLength = " + EndpointParser.Int(limits.MaxValueLength) + ",");
        }

        if (limits.MaxFileBytes > 0)
        {
            set.Add("MaxFileBytes = " + EndpointParser.Int(limits.MaxFileBytes) + "L,");
        }

        if (set.Count == 0)
        {
            w.Line(files + ";");
            return;
        }

        w.Line(files);
        w.Line("{");
        foreach (string line in set)
        {
            w.Line("    " + line);
        }

        w.Line("};");
    }

    /// <summary>Reads the form, checks a token sent in it, binds every form parameter; each refusal ends the request.</summary>
    public static void EmitRead(CodeWriter w, EndpointModel endpoint)
    {
        FormLimitsModel limits = endpoint.FormLimits!;
        string fieldCap = limits.MaxFields > 0 ? EndpointParser.Int(limits.MaxFields) : "64";
        w.Line($"// form: urlencoded (UTF-8) or multipart only (415); at most {EndpointParser.Int(endpoint.MaxBodyBytes)} bytes and {fieldCap} fields,"
            + " every cap of formLimits (413); malformed (400)");
        w.Line($"var formRead = await {Forms}.FormBody.ReadAsync(httpContext, formLimits);");
        w.Line("if (!formRead.Succeeded) { await formRead.Problem.ExecuteAsync(httpContext); return; }");
        w.Line("var form = formRead.Form;");
        if (endpoint.CsrfProtected && endpoint.CsrfMode != "Origin")
        {
            w.Line("// [CsrfProtected]: in the token modes, a token not sent in the X-CSRF-TOKEN header must be in this form's __bastion_csrf field (403)");
            w.Line("if (await csrf.CheckFormTokenAsync(httpContext, form) is { } formTokenRefused) { await formTokenRefused.ExecuteAsync(httpContext); return; }");
        }

        w.Line("// fields: each sent at most once, required ones present, values parsed, file names through [SafePath] (one 400 for all)");
        w.Line("var formErrors = new global::Bastion.Validation.ValidationCollector();");
        foreach (EndpointParameterModel parameter in endpoint.Parameters.Where(p => p.Source is ParameterSource.Form or ParameterSource.FormFile))
        {
            string local = ParameterEmitter.Local(parameter);
            string value = parameter.FormBinder is not null
                ? $"{parameter.FormBinder}(form, ref formErrors)"
                : Field(parameter.ParseKind, Literal.String(parameter.BindingName), parameter.ValueTypeName, parameter.IsOptional, parameter.DefaultValue,
                    parameter.TypeName.EndsWith("?", System.StringComparison.Ordinal), local + "Resolver", "formErrors");
            w.Line($"var {local} = {value};");
        }

        w.Line("if (formErrors.HasErrors) { await global::Bastion.Endpoints.BastionProblems.Validation(formErrors.ToDictionary()).ExecuteAsync(httpContext); return; }");
    }

    /// <summary>One [FromForm] record, built from its fields only when every field bound.</summary>
    public static void EmitType(CodeWriter w, FormTypeModel type)
    {
        w.Line($"/// <summary>Binds a <see cref=\"{type.TypeName.Replace("global::", string.Empty).Replace('<', '{').Replace('>', '}')}\"/> from its form fields; every problem is added to <paramref name=\"errors\"/>.</summary>");
        using (w.Block($"private static {type.TypeName} {type.MethodName}(global::Microsoft.AspNetCore.Http.IFormCollection form, ref global::Bastion.Validation.ValidationCollector errors)"))
        {
            foreach (FormFieldModel field in type.ConstructorFields.Concat(type.InitializerFields))
            {
                bool optional = field.IsNullable || field.DefaultValue is not null;
                w.Line($"var {Local(field)} = {Field(field.Kind, Literal.String(field.FieldName), field.ValueTypeName, optional, field.DefaultValue, field.IsNullable, null, "errors")};");
            }

            w.Line("// a refused request: the constructor never sees a missing or unparsed value");
            w.Line("if (errors.HasErrors) return default!;");
            // Many constructor arguments: one per line, so the call stays short and each field reads alone.
            string arguments = type.ConstructorFields.Count > 6
                ? "\n    " + string.Join(",\n    ", type.ConstructorFields.Select(Local))
                : string.Join(", ", type.ConstructorFields.Select(Local));
            string[] call = $"return new {type.TypeName}({arguments})".Split('\n');
            for (int i = 0; i < call.Length - 1; i++)
            {
                w.Line(call[i]);
            }

            if (type.InitializerFields.IsEmpty)
            {
                w.Line(call[call.Length - 1] + ";");
            }
            else
            {
                EmitInitializer(w, type, call[call.Length - 1]);
            }
        }

        w.Line();
    }

    private static void EmitInitializer(CodeWriter w, FormTypeModel type, string lastLine)
    {
        w.Line(lastLine);
        w.Line("{");
        foreach (FormFieldModel field in type.InitializerFields)
        {
            w.Line($"    {field.MemberName} = {Local(field)},");
        }

        w.Line("};");
    }

    private static string Local(FormFieldModel field) => "field" + char.ToUpperInvariant(field.MemberName[0]) + field.MemberName.Substring(1);

    /// <summary>
    /// The <c>FormFields</c> call for one field. A missing required field is an error (text may be empty); an optional one is
    /// null or its default; a bool is a checkbox (missing: false).
    /// </summary>
    private static string Field(ValueParseKind kind, string name, string valueType, bool optional, string? defaultValue, bool nullable, string? resolver, string errors)
    {
        string fallback = defaultValue is null || (nullable && defaultValue == "default") ? string.Empty : " ?? " + defaultValue;
        string call = kind switch
        {
            ValueParseKind.String => optional ? $"OptionalText(form, {name}, ref {errors}){fallback}" : $"RequiredText(form, {name}, ref {errors})!",
            ValueParseKind.Boolean => nullable || defaultValue is not null ? $"OptionalBoolean(form, {name}, ref {errors}){fallback}" : $"Boolean(form, {name}, ref {errors})",
            ValueParseKind.Enum => optional ? $"OptionalEnum<{valueType}>(form, {name}, ref {errors}){fallback}" : $"RequiredEnum<{valueType}>(form, {name}, ref {errors})",
            ValueParseKind.SafePath => optional ? $"OptionalPath(form, {name}, {resolver}, ref {errors})" : $"RequiredPath(form, {name}, {resolver}, ref {errors})",
            ValueParseKind.FormFile => optional ? $"OptionalFile(form, {name}, {resolver}, ref {errors})" : $"RequiredFile(form, {name}, {resolver}, ref {errors})!",
            _ => optional ? $"Optional<{valueType}>(form, {name}, ref {errors}){fallback}" : $"Required<{valueType}>(form, {name}, ref {errors})",
        };
        return Forms + ".FormFields." + call;
    }

    private static string Names(IEnumerable<(string Name, bool IsFile)> fields) => "[" + string.Join(", ", fields.Select(f => Literal.String(f.Name))) + "]";
}
