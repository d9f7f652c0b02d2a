using System.Linq;
using Bastion.Generators.Shared;

namespace Bastion.Generators.Endpoints;

/// <summary>
/// Emits one endpoint's request delegate: the endpoint's security headers, the API-key and CSRF checks, binding of
/// every parameter (refusals as problem details), the generated parameter checks, the handler call and the result.
/// It reads top to bottom in the order a request meets them.
/// </summary>
internal static class HandlerEmitter
{
    private const string Http = "global::Microsoft.AspNetCore.Http";

    /// <summary>The values the delegate gets from its endpoint's map method (resolved once, at start-up), in order.</summary>
    public static System.Collections.Generic.List<(string Type, string Name)> Captured(EndpointClassModel model, EndpointModel endpoint)
    {
        var captured = new System.Collections.Generic.List<(string Type, string Name)>();
        EndpointParameterModel? body = endpoint.Parameters.FirstOrDefault(p => p.Source == ParameterSource.Body);
        if (body is not null)
        {
            captured.Add(($"global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{body.ValueTypeName}>", "bodyInfo"));
        }

        if (EndpointEmitter.NeedsBodyPaths(model, endpoint))
        {
            captured.Add(("global::Bastion.Paths.SafePathResolver[]", "bodyPaths"));
        }

        if (endpoint.ReadsForm)
        {
            captured.Add(("global::Bastion.Forms.FormBodyLimits", "formLimits"));
        }

        if (endpoint.Return.Kind == ReturnKind.Json)
        {
            captured.Add(($"global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{endpoint.Return.ValueTypeName}>", "resultInfo"));
        }

        foreach (EndpointParameterModel path in endpoint.Parameters.Where(p => p.SafePath is not null))
        {
            captured.Add(("global::Bastion.Paths.SafePathResolver", ParameterEmitter.Local(path) + "Resolver"));
        }

        if (endpoint.CsrfProtected)
        {
            captured.Add(("global::Bastion.Csrf.CsrfCheck", "csrf"));
        }

        return captured;
    }

    public static void Emit(CodeWriter w, EndpointClassModel model, EndpointModel endpoint)
    {
        EndpointParameterModel? body = endpoint.Parameters.FirstOrDefault(p => p.Source == ParameterSource.Body);
        bool isAsync = body is not null || endpoint.ReadsForm || endpoint.Return.Kind != ReturnKind.Nothing || endpoint.Return.Awaitable is not null
            || endpoint.Parameters.Any(p => p.ParseKind != ValueParseKind.None) || endpoint.CsrfProtected || endpoint.RequireApiKey;
        for (int i = 0; i < endpoint.ResponseHeaders.Count; i++)
        {
            if (endpoint.ResponseHeaders[i].Value.Length > 0)
            {
                w.Line($"private static readonly global::Microsoft.Extensions.Primitives.StringValues {HeaderField(endpoint, i)} = new({Literal.String(endpoint.ResponseHeaders[i].Value)});");
                w.Line();
            }
        }

        // One parameter per line once there are more than two: they are what the map method resolved at start-up.
        var captured = Captured(model, endpoint);
        string parameters = captured.Count < 2
            ? string.Concat(captured.Select(c => ", " + c.Type + " " + c.Name))
            : string.Concat(captured.Select(c => ",\n    " + c.Type + " " + c.Name));
        string[] signature = $"private static {(isAsync ? "async " : string.Empty)}global::System.Threading.Tasks.Task {endpoint.HandlerName}({Http}.HttpContext httpContext{parameters})".Split('\n');
        for (int i = 0; i < signature.Length - 1; i++)
        {
            w.Line(signature[i]);
        }

        using (w.Block(signature[signature.Length - 1]))
        {
            EmitChecks(w, endpoint);
            bool formRead = false;
            foreach (EndpointParameterModel parameter in endpoint.Parameters)
            {
                bool withBodyPaths = EndpointEmitter.UsesBodyPaths(model, parameter);
                if (parameter.Source is not (ParameterSource.Form or ParameterSource.FormFile))
                {
                    ParameterEmitter.Emit(w, parameter, endpoint, parameter.Source == ParameterSource.Body && withBodyPaths);
                    continue;
                }

                // The whole form is read and bound where its first parameter is; records are then checked like JSON bodies.
                if (!formRead)
                {
                    FormEmitter.EmitRead(w, endpoint);
                    formRead = true;
                }

                ParameterEmitter.EmitValidation(w, parameter, withBodyPaths);
            }

            EndpointParameterModel[] checkedParameters = endpoint.Parameters.Where(p => !p.Rules.IsEmpty).ToArray();
            if (checkedParameters.Length > 0)
            {
                w.Line($"var argumentsInvalid = {EndpointEmitter.ParameterCheckName(endpoint)}({string.Join(", ", checkedParameters.Select(p => ParameterEmitter.Local(p)))});");
                w.Line("if (argumentsInvalid is not null) { await argumentsInvalid.ExecuteAsync(httpContext); return; }");
            }

            EmitCall(w, model, endpoint, isAsync);
        }
    }

    private static void EmitChecks(CodeWriter w, EndpointModel endpoint)
    {
        if (!endpoint.ResponseHeaders.IsEmpty)
        {
            w.Line("// [SecurityHeaders]: this endpoint's values replace the app's (empty: removed), on every response including errors");
        }

        for (int i = 0; i < endpoint.ResponseHeaders.Count; i++)
        {
            Browser.HeaderValueModel header = endpoint.ResponseHeaders[i];
            w.Line(header.Value.Length > 0
                ? $"httpContext.Response.Headers[{Literal.String(header.Name)}] = {HeaderField(endpoint, i)};"
                : $"httpContext.Response.Headers.Remove({Literal.String(header.Name)});");
        }

        if (endpoint.RequireApiKey)
        {
            w.Line("// [RequireApiKey]: a valid key in the X-Api-Key header (never the query string), before anything else is read (401)");
            w.Line("if (await global::Bastion.ApiKeys.ApiKeyGuard.CheckAsync(httpContext) is { } apiKeyRefused) { await apiKeyRefused.ExecuteAsync(httpContext); return; }");
        }

        if (endpoint.CsrfProtected && endpoint.ReadsForm)
        {
            w.Line("// [CsrfProtected" + (endpoint.CsrfMode is null ? string.Empty : "(" + endpoint.CsrfMode + ")")
                + "]: Fetch Metadata / Origin, and a token sent in the X-CSRF-TOKEN header, before the form is read (403)");
            w.Line("if (await csrf.CheckBeforeFormAsync(httpContext) is { } csrfRefused) { await csrfRefused.ExecuteAsync(httpContext); return; }");
        }
        else if (endpoint.CsrfProtected)
        {
            w.Line(endpoint.CsrfMode is null
                ? "// [CsrfProtected]: Fetch Metadata / Origin (+ token in the Hybrid and Token modes of Bastion:Csrf:Mode), before anything is read (403)"
                : "// [CsrfProtected(" + endpoint.CsrfMode + ")]: Fetch Metadata / Origin" + (endpoint.CsrfMode == "Origin" ? string.Empty : endpoint.CsrfMode == "Hybrid" ? " (+ token without Fetch Metadata)" : " + token") + ", before anything is read (403)");
            w.Line("if (await csrf.CheckAsync(httpContext) is { } csrfRefused) { await csrfRefused.ExecuteAsync(httpContext); return; }");
        }
    }

    private static void EmitCall(CodeWriter w, EndpointClassModel model, EndpointModel endpoint, bool isAsync)
    {
        string call = $"{model.FullyQualifiedName}.{endpoint.MethodName}({string.Join(", ", endpoint.Parameters.Select(p => ParameterEmitter.Local(p)))})";
        string awaited = endpoint.Return.Awaitable is null ? call : "await " + call;
        switch (endpoint.Return.Kind)
        {
            case ReturnKind.Nothing:
                w.Line(awaited + ";");
                if (!isAsync)
                {
                    w.Line("return global::System.Threading.Tasks.Task.CompletedTask;");
                }

                break;
            case ReturnKind.Result:
                w.Line($"var result = {awaited};");
                w.Line($"await global::Bastion.Endpoints.EndpointSupport.ExecuteAsync(result, httpContext, {Literal.String(endpoint.DisplayName)});");
                break;
            case ReturnKind.Json:
                w.Line($"var result = {awaited};");
                w.Line($"await {Http}.HttpResponseJsonExtensions.WriteAsJsonAsync(httpContext.Response, result, resultInfo, contentType: null, httpContext.RequestAborted);");
                break;
        }
    }

    private static string HeaderField(EndpointModel endpoint, int index) => endpoint.HandlerName + "Header" + EndpointParser.Int(index);
}
