using System;
using System.Linq;
using Bastion.Csrf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Hosting;

namespace Bastion;

/// <summary>Start-up hooks: <c>builder.AddBastion()</c> and <c>app.UseBastion()</c>.</summary>
public static class BastionApplicationExtensions
{
    private static readonly Action<ILogger, string, Exception?> StartupWarning = LoggerMessage.Define<string>(
        LogLevel.Warning, new EventId(4, "StartupWarning"), "Bastion: {Warning}");

    /// <summary>
    /// Registers what generated endpoints rely on: RFC 9457 problem details for every error response, the
    /// <c>Bastion:Csrf</c> options (<see cref="BastionCsrfOptions"/>; a value that is not understood stops the app
    /// here), CORS policies from <c>Bastion:Cors</c> and the security headers from <c>Bastion:Headers</c>. Antiforgery is
    /// not registered here: the tokenless default needs none, and token support comes from
    /// <see cref="BastionCsrfExtensions.AddBastionCsrfTokens"/> (called by the generated <c>AddBastion()</c> when an
    /// endpoint is pinned to a token mode).
    /// </summary>
    public static TBuilder AddBastion<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<Endpoints.RefusalExceptionHandler>();
        // Kestrel's limits (Bastion:Limits; docs/limits.md). Registered first, so a later ConfigureKestrel still wins.
        Endpoints.BastionServerLimits limits = Endpoints.BastionServerLimits.FromConfiguration(builder.Configuration.GetSection("Bastion:Limits"));
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => limits.ApplyTo(options.Limits));
        var startupWarnings = new Options.StartupWarnings();
        startupWarnings.Messages.AddRange(Options.SecretSources.Add(builder));
        builder.Services.AddSingleton(startupWarnings);

        BastionCsrfOptions csrf = BastionCsrfOptions.FromConfiguration(builder.Configuration.GetSection("Bastion:Csrf"), builder.Environment.IsDevelopment());
        builder.Services.AddOptions<BastionCsrfOptions>().Configure(options => BastionCsrfExtensions.CopyTo(csrf, options));
        builder.Services.AddSingleton(Cors.BastionCorsPolicies.FromConfiguration(builder.Configuration.GetSection("Bastion:Cors")));
        builder.Services.AddCors();
        builder.Services.Replace(ServiceDescriptor.Singleton<ICorsPolicyProvider>(static services =>
        {
            Cors.BastionCorsPolicies policies = services.GetRequiredService<Cors.BastionCorsPolicies>();
            policies.AspNetCorePolicies = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CorsOptions>>().Value;
            return policies;
        }));
        builder.Services.Replace(ServiceDescriptor.Singleton<ICorsService, Cors.BastionCorsService>());
        builder.Services.AddSingleton<Headers.SecurityHeaders>();
        builder.Services.AddSingleton<Headers.CspViolationReports>();
        IConfigurationSection headers = builder.Configuration.GetSection("Bastion:Headers");
        builder.Services.AddOptions<Headers.BastionHeadersOptions>().Configure(options =>
        {
            // A key that is present but empty switches the header off, so null and "" must stay distinct here.
            options.ContentSecurityPolicy = headers["ContentSecurityPolicy"] ?? options.ContentSecurityPolicy;
            options.PermissionsPolicy = headers["PermissionsPolicy"] ?? options.PermissionsPolicy;
            options.ReferrerPolicy = headers["ReferrerPolicy"] ?? options.ReferrerPolicy;
            options.CrossOriginOpenerPolicy = headers["CrossOriginOpenerPolicy"] ?? options.CrossOriginOpenerPolicy;
            options.FrameOptions = headers["FrameOptions"] ?? options.FrameOptions;
            options.StrictTransportSecurity = headers["StrictTransportSecurity"] ?? options.StrictTransportSecurity;
        });
        return builder;
    }

    /// <summary>
    /// Adds Bastion's middleware: the security headers (<see cref="Headers.SecurityHeaders"/>, values
    /// precomputed from <c>Bastion:Headers</c>) on every response; unhandled exceptions after it become 500 problem details
    /// with a trace id and nothing of the exception, except a guard's refusal (<see cref="Commands.CommandArgumentException"/>:
    /// 400 naming the parameter; <see cref="Paths.PathRejectedException"/>: 404 or 400). Error responses produced before an endpoint runs (the router's 415
    /// for a Content-Type an endpoint does not accept, 405, 404) get a problem details body too. On a
    /// <see cref="WebApplication"/> it also maps <c>POST /bastion/csp-report</c> and, when token support is registered
    /// (<see cref="BastionCsrfExtensions.AddBastionCsrfTokens"/>), <c>GET /bastion/csrf-token</c>, which sets the
    /// antiforgery cookie and returns <c>{"token": "...", "headerName": "X-CSRF-TOKEN"}</c> (not cacheable).
    /// </summary>
    public static IApplicationBuilder UseBastion(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Headers.SecurityHeaders headers = app.ApplicationServices.GetService<Headers.SecurityHeaders>()
            ?? throw new InvalidOperationException("Bastion: app.UseBastion() needs builder.AddBastion() first.");
        app.Use(next => context =>
        {
            headers.WriteHeaders(context);
            return next(context);
        });
        // An unhandled exception in an endpoint or middleware after this point is a 500 problem details response with
        // a trace id (logged with its details, never sent), not an empty 500 -- except a guard's refusal that the
        // handler did not catch (RefusalExceptionHandler), which keeps its 400 or 404.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        ILogger logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Bastion");
        foreach (string warning in app.ApplicationServices.GetRequiredService<Cors.BastionCorsPolicies>().Warnings
                     .Concat(app.ApplicationServices.GetRequiredService<Options.StartupWarnings>().Messages)
                     .Concat(CsrfWarnings(app.ApplicationServices)))
        {
            StartupWarning(logger, warning, null);
        }

        WarnWhenTokenCookiesCannotWork(app.ApplicationServices, logger);
        app.UseCors();
        if (app is IEndpointRouteBuilder endpoints)
        {
            if (app.ApplicationServices.GetService<CsrfTokens>() is { } tokens)
            {
                endpoints.MapGet(CsrfTokens.TokenPath, (RequestDelegate)tokens.WriteTokenAsync).WithDisplayName("GET " + CsrfTokens.TokenPath + " => Bastion CSRF token");
            }

            endpoints.MapPost(Headers.CspViolationReports.Path, (RequestDelegate)Headers.CspViolationReports.HandleAsync).WithDisplayName("POST " + Headers.CspViolationReports.Path + " => Bastion CSP violation reports");
        }

        return app;
    }

    /// <summary>
    /// Token modes outside Development set a Secure cookie, which a browser never sends back over plain HTTP: once the
    /// server listens, if every address is http:// and <see cref="ForwardedHeadersOptions"/> does not take X-Forwarded-Proto (TLS ending in front of the app), say
    /// so at start-up, naming the settings, instead of leaving it to the first token request.
    /// </summary>
    private static void WarnWhenTokenCookiesCannotWork(IServiceProvider services, ILogger logger)
    {
        BastionCsrfOptions csrf = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BastionCsrfOptions>>().Value;
        if (services.GetService<CsrfTokens>() is null || csrf.AllowInsecureCookie
            || services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>() is not { } server
            || (services.GetService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>>()?.Value.ForwardedHeaders
                & Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto) != 0)
        {
            return;
        }

        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses;
            if (addresses is { Count: > 0 } && addresses.All(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
            {
                StartupWarning(logger, "CSRF token mode is in use but the app listens on plain HTTP only (" + string.Join(", ", addresses)
                    + "); the token cookie is Secure, so browsers will not send it back and token-checked requests will fail. Serve HTTPS, "
                    + "or terminate TLS in front of the app with forwarded headers (ASPNETCORE_FORWARDEDHEADERS_ENABLED=true or UseForwardedHeaders), "
                    + "or use the tokenless default (Bastion:Csrf:Mode = Origin).", null);
            }
        });
    }

    private static System.Collections.Generic.IEnumerable<string> CsrfWarnings(IServiceProvider services)
    {
        // Only a setting someone wrote: in Development the insecure token cookie is the default, not a choice to report.
        bool written = services.GetRequiredService<IConfiguration>()["Bastion:Csrf:AllowInsecureCookie"] is not null;
        BastionCsrfOptions csrf = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BastionCsrfOptions>>().Value;
        if (written && csrf.AllowInsecureCookie && services.GetService<CsrfTokens>() is null)
        {
            yield return "Bastion:Csrf:AllowInsecureCookie is set but no endpoint uses CSRF tokens (the tokenless Origin mode sets no cookie); remove the setting.";
        }
        else if (csrf.AllowInsecureCookie && !services.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            yield return "Bastion:Csrf:AllowInsecureCookie is set outside Development: the CSRF token cookie loses Secure and the __Host- prefix. Serve the app over HTTPS and remove the setting.";
        }
    }
}
