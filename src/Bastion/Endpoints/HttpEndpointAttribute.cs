using System;

namespace Bastion;

/// <summary>Base of the verb attributes: a route template relative to the class prefix.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public abstract class HttpEndpointAttribute : Attribute
{
    /// <summary>Creates the attribute for <paramref name="route"/>.</summary>
    protected HttpEndpointAttribute(string route) => Route = route;

    /// <summary>The route template, for example <c>"/comments/{id:long}"</c>.</summary>
    public string Route { get; }

    /// <summary>
    /// Largest accepted JSON request body in bytes; larger bodies get 413 before any parsing.
    /// Zero (the default) means <see cref="Endpoints.JsonBody.DefaultMaxBytes"/>.
    /// </summary>
    public long MaxRequestBodySize { get; set; }

    /// <summary>Optional endpoint name (used for link generation and the OpenAPI operation id).</summary>
    public string? Name { get; set; }
}
