using System;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bastion.Endpoints;

/// <summary>Small pieces generated endpoints share: start-up checks, metadata and result execution.</summary>
public static class EndpointSupport
{
    /// <summary>
    /// Fails at start-up, naming the endpoint and parameter, when a handler parameter resolved from
    /// dependency injection has no registration.
    /// </summary>
    public static void EnsureService<T>(IEndpointRouteBuilder endpoints, string endpoint, string parameter)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        IServiceProviderIsService? isService = endpoints.ServiceProvider.GetService<IServiceProviderIsService>();
        if (isService is not null && !isService.IsService(typeof(T)))
        {
            throw new InvalidOperationException(
                $"Bastion: endpoint '{endpoint}' takes parameter '{parameter}' of type '{typeof(T).FullName}' from dependency injection, but no such service is registered. " +
                "Register it, or bind the parameter explicitly with [FromRoute], [FromQuery], [FromHeader] or [FromBody].");
        }
    }

    /// <summary>Lets a typed result (<c>Ok&lt;T&gt;</c>, <c>Results&lt;...&gt;</c>) describe its responses for OpenAPI.</summary>
    public static void PopulateMetadata<T>(MethodInfo method, EndpointBuilder builder) where T : IEndpointMetadataProvider
        => T.PopulateMetadata(method, builder);

    /// <summary>Executes a handler's result; a null result is a bug in the handler, reported as such.</summary>
    public static Task ExecuteAsync(IResult? result, HttpContext httpContext, string endpoint)
    {
        if (result is null)
        {
            throw new InvalidOperationException($"Bastion: the handler of '{endpoint}' returned a null IResult.");
        }

        return result.ExecuteAsync(httpContext);
    }
}
