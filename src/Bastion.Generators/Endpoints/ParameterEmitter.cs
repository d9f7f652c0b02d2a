using Bastion.Generators.Shared;

namespace Bastion.Generators.Endpoints;

/// <summary>Emits the binding code for one handler parameter inside the generated request delegate.</summary>
internal static class ParameterEmitter
{
    private const string Values = "global::Bastion.Endpoints.RequestValues";
    private const string Problems = "global::Bastion.Endpoints.BastionProblems";

    public static string Local(EndpointParameterModel parameter) => "arg" + char.ToUpperInvariant(parameter.Name[0]) + parameter.Name.Substring(1);

    public static void Emit(CodeWriter w, EndpointParameterModel parameter, EndpointModel endpoint, bool withBodyPaths)
    {
        string local = Local(parameter);
        switch (parameter.Source)
        {
            case ParameterSource.HttpContext:
                w.Line($"var {local} = httpContext;");
                return;
            case ParameterSource.HttpRequest:
                w.Line($"var {local} = httpContext.Request;");
                return;
            case ParameterSource.HttpResponse:
                w.Line($"var {local} = httpContext.Response;");
                return;
            case ParameterSource.CancellationToken:
                w.Line($"var {local} = httpContext.RequestAborted;");
                return;
            case ParameterSource.User:
                w.Line($"var {local} = httpContext.User;");
                return;
            case ParameterSource.Service:
                w.Line($"var {local} = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<{parameter.ValueTypeName}>(httpContext.RequestServices);");
                return;
            case ParameterSource.Body:
                EmitBody(w, parameter, endpoint, local, withBodyPaths);
                return;
            default:
                EmitText(w, parameter, local);
                return;
        }
    }

    private static void EmitBody(CodeWriter w, EndpointParameterModel parameter, EndpointModel endpoint, string local, bool withBodyPaths)
    {
        string read = local + "Read";
        w.Line($"// body: JSON only (415), at most {EndpointParser.Int(endpoint.MaxBodyBytes)} bytes (413), malformed (400)");
        w.Line($"var {read} = await global::Bastion.Endpoints.JsonBody.ReadAsync(httpContext, bodyInfo, {EndpointParser.Int(endpoint.MaxBodyBytes)}L);");
        w.Line($"if (!{read}.Succeeded) {{ await {read}.Problem.ExecuteAsync(httpContext); return; }}");
        w.Line($"var {local} = {read}.Value!;");
        EmitValidation(w, parameter, withBodyPaths);
    }

    /// <summary>The generated [Sanitize] and DataAnnotations pass over a record read from a JSON or form body.</summary>
    public static void EmitValidation(CodeWriter w, EndpointParameterModel parameter, bool withBodyPaths)
    {
        if (parameter.ValidatorMethod is null)
        {
            return;
        }

        string local = Local(parameter);
        w.Line($"var {local}Invalid = SanitizeAndValidate(ref {local}{(withBodyPaths ? ", bodyPaths" : string.Empty)});");
        w.Line($"if ({local}Invalid is not null) {{ await {local}Invalid.ExecuteAsync(httpContext); return; }}");
    }

    private static void EmitText(CodeWriter w, EndpointParameterModel parameter, string local)
    {
        string text = local + "Text";
        string name = Literal.String(parameter.BindingName);
        string where = parameter.Source switch
        {
            ParameterSource.Route => "route value",
            ParameterSource.Header => "header",
            _ => "query parameter",
        };

        switch (parameter.Source)
        {
            case ParameterSource.Route:
                w.Line($"var {text} = {Values}.Route(httpContext, {name});");
                break;
            case ParameterSource.Header:
            case ParameterSource.Query:
                string collection = parameter.Source == ParameterSource.Header ? "httpContext.Request.Headers" : "httpContext.Request.Query";
                Refuse(w, $"if (!{Values}.TrySingle({collection}[{name}], out var {text}))", Problem(parameter, $"The {where} '{parameter.BindingName}' was sent more than once."));
                break;
        }

        w.Line($"{parameter.TypeName} {local};");
        if (parameter.IsOptional)
        {
            using (w.Block($"if ({text} is null)"))
            {
                w.Line($"{local} = {parameter.DefaultValue ?? "default"};");
            }
        }
        else
        {
            Refuse(w, $"if ({text} is null)", Problem(parameter, $"The {where} '{parameter.BindingName}' is required."));
        }

        if (parameter.ParseKind == ValueParseKind.String)
        {
            w.Line($"else {local} = {text};");
            return;
        }

        if (parameter.ParseKind == ValueParseKind.SafePath)
        {
            // [SafePath]: only a path proven inside the root reaches the handler; refusals never echo it.
            using (w.Block("else"))
            {
                w.Line($"var {local}Guard = {local}Resolver.Resolve({text});");
                Refuse(w, $"if (!{local}Guard.Succeeded)", $"{Problems}.InvalidPath({name}, {local}Guard).ExecuteAsync(httpContext)");
                w.Line($"{local} = {local}Guard.Path;");
            }

            return;
        }

        // A nullable parameter (int?) is parsed into its value type first.
        bool direct = parameter.TypeName == parameter.ValueTypeName;
        string target = direct ? local : "var " + local + "Value";
        string parse = parameter.ParseKind switch
        {
            ValueParseKind.Boolean => $"{Values}.TryParseBoolean({text}, out {target})",
            ValueParseKind.Enum => $"{Values}.TryParseEnum<{parameter.ValueTypeName}>({text}, out {target})",
            _ => $"{Values}.TryParse<{parameter.ValueTypeName}>({text}, out {target})",
        };
        string typeShort = parameter.ValueTypeName.Substring(parameter.ValueTypeName.LastIndexOf('.') + 1);
        Refuse(w, $"else if (!{parse})", Problem(parameter, $"The {where} '{parameter.BindingName}' is not a valid {typeShort}."));
        if (!direct)
        {
            w.Line($"else {local} = {local}Value;");
        }
    }

    /// <summary>A condition whose body sends a problem and ends the request.</summary>
    private static void Refuse(CodeWriter w, string condition, string problem)
    {
        using (w.Block(condition))
        {
            w.Line("await " + problem + ";");
            w.Line("return;");
        }
    }

    private static string Problem(EndpointParameterModel parameter, string message)
        => $"{Problems}.InvalidParameter({Literal.String(parameter.BindingName)}, {Literal.String(message)}).ExecuteAsync(httpContext)";
}
