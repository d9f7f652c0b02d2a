using System;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Bastion.Endpoints;

/// <summary>
/// What a generated endpoint declares about itself, in one place: verb, route, the handler it calls, and what ASP.NET
/// Core's API explorer (OpenAPI) should know — bound parameters, the body it accepts, what it answers and the problems
/// it can send. Generated code fills one of these per endpoint and hands it to <see cref="Map"/>, so a reviewer reads a
/// short declaration instead of a page of <c>WithMetadata</c> calls.
/// </summary>
public sealed class EndpointDeclaration
{
    /// <summary>Declares an endpoint answering <paramref name="verb"/> on <paramref name="route"/> by calling <paramref name="handler"/>.</summary>
    /// <param name="verb">The HTTP method, upper case.</param>
    /// <param name="route">The route template.</param>
    /// <param name="handlerName">How the handler is named in the display name, e.g. <c>CommentEndpoints.Create</c>.</param>
    /// <param name="handler">The handler method (its <see cref="MethodInfo"/> describes the endpoint to OpenAPI; it is never invoked through it).</param>
    public EndpointDeclaration(string verb, string route, string handlerName, Delegate handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Verb = verb;
        Route = route;
        HandlerName = handlerName;
        Method = handler.Method;
    }

    /// <summary>The HTTP method.</summary>
    public string Verb { get; }

    /// <summary>The route template.</summary>
    public string Route { get; }

    /// <summary>The handler as named in the display name.</summary>
    public string HandlerName { get; }

    /// <summary>The handler method.</summary>
    public MethodInfo Method { get; }

    /// <summary>The endpoint name (link generation, OpenAPI operation id), if any.</summary>
    public string? Name { get; init; }

    /// <summary>Route, query, header, form and body parameters, by the handler parameter they bind.</summary>
    public EndpointParameter[] Parameters { get; init; } = [];

    /// <summary>The body type it accepts (also: 413 and 415 problems), if any: JSON, or the form record when <see cref="Form"/> is set.</summary>
    public Type? Body { get; init; }

    /// <summary>It reads a form (<c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c>) instead of JSON.</summary>
    public bool Form { get; init; }

    /// <summary>The type written as a JSON 200 response, if the handler returns a plain value.</summary>
    public Type? Json { get; init; }

    /// <summary>The handler returns nothing: an empty 200.</summary>
    public bool Empty { get; init; }

    /// <summary>For results that describe themselves (<c>Ok&lt;T&gt;</c>, <c>Results&lt;...&gt;</c>): how they do it.</summary>
    public Action<MethodInfo, EndpointBuilder>? ResultMetadata { get; init; }

    /// <summary>Problem statuses the generated checks can answer (400, 401, 403, 404).</summary>
    public int[] Problems { get; init; } = [];

    /// <summary>ASP.NET Core attributes of the handler and its class, re-created as endpoint metadata ([Authorize], [Tags], ...).</summary>
    public object[] Metadata { get; init; } = [];

    /// <summary>The CORS policy the endpoint requires ([Cors("name")]), if any.</summary>
    public string? Cors { get; init; }

    /// <summary>"POST /api/comments": how the endpoint is named in messages.</summary>
    public string DisplayName => Verb + " " + Route;

    /// <summary>Maps <paramref name="handler"/> as <paramref name="declaration"/> says and attaches its metadata.</summary>
    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, EndpointDeclaration declaration, RequestDelegate handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(declaration);
        IEndpointConventionBuilder builder = endpoints.MapMethods(declaration.Route, [declaration.Verb], handler);
        builder.WithDisplayName(declaration.DisplayName + " => " + declaration.HandlerName);
        if (declaration.Name is not null)
        {
            builder.WithName(declaration.Name);
        }

        builder.WithMetadata(declaration.Method);
        builder.WithMetadata(declaration.Metadata);
        if (declaration.Cors is not null)
        {
            builder.RequireCors(declaration.Cors);
        }

        ParameterInfo[] parameters = declaration.Method.GetParameters();
        foreach (EndpointParameter parameter in declaration.Parameters)
        {
            builder.WithMetadata(new BastionParameterBindingMetadata(parameter.Name, parameters[parameter.Index], parameter.HasTryParse, parameter.IsOptional));
        }

        if (declaration.Form)
        {
            builder.WithMetadata(new AcceptsMetadata(["application/x-www-form-urlencoded", "multipart/form-data"], declaration.Body));
        }
        else if (declaration.Body is not null)
        {
            builder.WithMetadata(new AcceptsMetadata(["application/json"], declaration.Body));
        }

        if (declaration.Json is not null)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, declaration.Json, ["application/json"]));
        }
        else if (declaration.Empty)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK));
        }
        else if (declaration.ResultMetadata is { } describe)
        {
            MethodInfo method = declaration.Method;
            builder.Add(endpoint => describe(method, endpoint));
        }

        foreach (int status in declaration.Problems)
        {
            Type problem = status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(Microsoft.AspNetCore.Mvc.ProblemDetails);
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, problem, ["application/problem+json"]));
        }

        if (declaration.Body is not null || declaration.Form)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status413PayloadTooLarge, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
            builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status415UnsupportedMediaType, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
        }

        return builder;
    }
}

/// <summary>A handler parameter bound from the route, query, a header or the body, as the API explorer sees it.</summary>
/// <param name="Name">The name it is bound under.</param>
/// <param name="Index">Its position in the handler's parameter list.</param>
/// <param name="HasTryParse">Parsed from text (not a string or a body).</param>
/// <param name="IsOptional">It has a default or is nullable.</param>
public readonly record struct EndpointParameter(string Name, int Index, bool HasTryParse = false, bool IsOptional = false);
