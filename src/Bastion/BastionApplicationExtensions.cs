using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bastion;

/// <summary>Start-up hooks: <c>builder.AddBastion()</c> and <c>app.UseBastion()</c>.</summary>
public static class BastionApplicationExtensions
{
    /// <summary>
    /// Registers what generated endpoints rely on: RFC 9457 problem details for every error response.
    /// </summary>
    public static TBuilder AddBastion<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>
    /// Adds Bastion's middleware. Error responses produced before an endpoint runs (the router's 415
    /// for a Content-Type an endpoint does not accept, 405, 404) get a problem details body too.
    /// </summary>
    public static IApplicationBuilder UseBastion(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseStatusCodePages();
        return app;
    }
}
