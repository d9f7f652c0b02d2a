using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bastion.Endpoints;

/// <summary>
/// Resolves <see cref="JsonTypeInfo{T}"/> from the app's configured resolver chain
/// (<c>ConfigureHttpJsonOptions</c>) once, when endpoints are mapped, so a missing type stops the
/// app at start-up with a clear message instead of failing on the first request.
/// </summary>
public static class BastionJson
{
    /// <summary>Gets the app's JSON options used by generated endpoints (resolving a type info locks them, as the platform does).</summary>
    public static JsonSerializerOptions GetSerializerOptions(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.ServiceProvider.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions
            ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
    }

    /// <summary>
    /// Returns the type info for <typeparamref name="T"/> or throws <see cref="InvalidOperationException"/>
    /// naming the type, the endpoint and the fix.
    /// </summary>
    public static JsonTypeInfo<T> GetTypeInfo<T>(JsonSerializerOptions options, string endpoint)
    {
        ArgumentNullException.ThrowIfNull(options);
        JsonTypeInfo? info = null;
        Exception? inner = null;
        try
        {
            options.TryGetTypeInfo(typeof(T), out info);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException)
        {
            // A resolver that cannot describe the type may throw rather than return nothing; either way the
            // message below names the endpoint, the type and the fix.
            inner = ex;
        }

        if (info is JsonTypeInfo<T> typed)
        {
            return typed;
        }

        string typeName = typeof(T).FullName ?? typeof(T).Name;
        throw new InvalidOperationException(
            $"Bastion: endpoint '{endpoint}' needs JSON metadata for '{typeName}', but the app's JSON resolver chain has none. " +
            $"Add [JsonSerializable(typeof({typeof(T).Name}))] to your JsonSerializerContext and register it with " +
            "builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, YourJsonContext.Default)).",
            inner);
    }
}
