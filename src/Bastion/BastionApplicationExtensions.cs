using System;
using System.Buffers;
using System.Linq;
using System.Text.Json;
using Bastion.Csrf;
using Microsoft.AspNetCore.Antiforgery;
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

    /// <summary>The path <see cref="UseBastion"/> maps for issuing CSRF tokens.</summary>
    public const string CsrfTokenPath = "/bastion/csrf-token";

    /// <summary>
    /// Registers what generated endpoints rely on: RFC 9457 problem details for every error response, and
    /// antiforgery for <see cref="CsrfProtectedAttribute"/> endpoints with Bastion's cookie (<c>__Host-bastion-csrf</c>:
    /// Secure, HttpOnly, SameSite=Strict, Path=/) and header (<c>X-CSRF-TOKEN</c>). Options come from
    /// <c>Bastion:Csrf</c> (<see cref="BastionCsrfOptions"/>); a malformed trusted origin stops the app here.
    /// </summary>
    public static TBuilder AddBastion<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProblemDetails();
        var startupWarnings = new Options.StartupWarnings();
        startupWarnings.Messages.AddRange(Options.SecretSources.Add(builder));
        builder.Services.AddSingleton(startupWarnings);

        BastionCsrfOptions csrf = ReadCsrfOptions(builder.Configuration.GetSection("Bastion:Csrf"));
        builder.Services.AddOptions<BastionCsrfOptions>().Configure(options =>
        {
            options.AllowSameSite = csrf.AllowSameSite;
            options.AllowMissingOriginHeaders = csrf.AllowMissingOriginHeaders;
            options.AllowInsecureCookie = csrf.AllowInsecureCookie;
            foreach (string origin in csrf.TrustedOrigins)
            {
                options.TrustedOrigins.Add(origin);
            }
        });
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
        builder.Services.AddAntiforgery(options =>
        {
            options.HeaderName = CsrfGuard.HeaderName;
            options.FormFieldName = "__bastion_csrf";
            options.Cookie.Name = csrf.AllowInsecureCookie ? "bastion-csrf" : "__Host-bastion-csrf";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = "/";
            options.Cookie.SecurePolicy = csrf.AllowInsecureCookie ? Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest : Microsoft.AspNetCore.Http.CookieSecurePolicy.Always;
        });
        return builder;
    }

    /// <summary>
    /// Adds Bastion's middleware: the security headers (<see cref="Headers.SecurityHeaders"/>, values
    /// precomputed from <c>Bastion:Headers</c>) on every response. Error responses produced before an endpoint runs (the router's 415
    /// for a Content-Type an endpoint does not accept, 405, 404) get a problem details body too. On a
    /// <see cref="WebApplication"/> it also maps <c>GET /bastion/csrf-token</c>, which sets the antiforgery
    /// cookie and returns <c>{"token": "...", "headerName": "X-CSRF-TOKEN"}</c> (not cacheable).
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
        app.UseStatusCodePages();
        ILogger logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Bastion");
        foreach (string warning in app.ApplicationServices.GetRequiredService<Cors.BastionCorsPolicies>().Warnings
                     .Concat(app.ApplicationServices.GetRequiredService<Options.StartupWarnings>().Messages))
        {
            StartupWarning(logger, warning, null);
        }

        app.UseCors();
        if (app is IEndpointRouteBuilder endpoints)
        {
            endpoints.MapGet(CsrfTokenPath, (RequestDelegate)IssueTokenAsync).WithDisplayName("GET " + CsrfTokenPath + " => Bastion CSRF token");
            endpoints.MapPost(Headers.CspViolationReports.Path, (RequestDelegate)Headers.CspViolationReports.HandleAsync).WithDisplayName("POST " + Headers.CspViolationReports.Path + " => Bastion CSP violation reports");
        }

        return app;
    }

    private static async System.Threading.Tasks.Task IssueTokenAsync(HttpContext httpContext)
    {
        AntiforgeryTokenSet tokens = httpContext.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(httpContext);
        httpContext.Response.Headers.CacheControl = "no-store";
        httpContext.Response.ContentType = "application/json";
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("token", tokens.RequestToken);
            json.WriteString("headerName", CsrfGuard.HeaderName);
            json.WriteEndObject();
        }

        await httpContext.Response.Body.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted).ConfigureAwait(false);
    }

    private static BastionCsrfOptions ReadCsrfOptions(IConfigurationSection section)
    {
        var options = new BastionCsrfOptions
        {
            AllowSameSite = IsTrue(section["AllowSameSite"]),
            AllowMissingOriginHeaders = IsTrue(section["AllowMissingOriginHeaders"]),
            AllowInsecureCookie = IsTrue(section["AllowInsecureCookie"]),
        };
        foreach (IConfigurationSection child in section.GetSection("TrustedOrigins").GetChildren())
        {
            string origin = child.Value ?? string.Empty;
            string? problem = Shared.OriginRules.Problem(origin);
            if (problem is not null)
            {
                throw new InvalidOperationException($"Bastion: configuration key '{child.Path}' is not a valid origin: {problem}. Write it as the browser serializes it, for example 'https://app.example.com' or 'http://127.0.0.1:5080'.");
            }

            options.TrustedOrigins.Add(origin);
        }

        return options;
    }

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
