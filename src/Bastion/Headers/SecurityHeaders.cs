using System;
using System.Collections.Generic;
using System.ComponentModel;
using Bastion.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Bastion.Headers;

/// <summary>
/// Writes the security headers (<c>app.UseBastion()</c> does so on every response, before the endpoint runs) from
/// values computed once: no string is built per request. Each value is taken from <c>Bastion:Headers</c>
/// (<see cref="BastionHeadersOptions"/>), else from <c>[assembly: SecurityHeaders]</c>, else from
/// <see cref="SecurityHeaderDefaults"/>. <c>X-Content-Type-Options: nosniff</c>, <c>X-XSS-Protection: 0</c> (the old
/// <c>1; mode=block</c> switched on an auditor attackers could use to remove parts of a page; browsers have dropped
/// it and 0 is the safe value) and <c>Vary: Origin</c> (so a cache never serves one origin's CORS answer to another)
/// are always sent. An endpoint may replace any of them (<see cref="SecurityHeadersAttribute"/> on a handler).
/// </summary>
public sealed class SecurityHeaders
{
    private static readonly StringValues NoSniff = new("nosniff");
    private static readonly StringValues XssOff = new("0");
    private static readonly StringValues Origin = new("Origin");
    private static readonly Action<ILogger, string, Exception?> WeakPolicy = LoggerMessage.Define<string>(
        LogLevel.Warning, new EventId(1, "WeakContentSecurityPolicy"), "Bastion: Content-Security-Policy (Bastion:Headers:ContentSecurityPolicy): {Warning}");

    private readonly BastionHeadersOptions _configured;
    private volatile Snapshot _current;

    /// <summary>Precomputes the header values, refuses values a header cannot carry and logs policy weaknesses once.</summary>
    public SecurityHeaders(IOptions<BastionHeadersOptions> options, ILogger<SecurityHeaders> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _configured = options.Value;
        IEnumerable<CspFinding> findings = _configured.ContentSecurityPolicy is { Length: > 0 } csp ? CspRules.Check(csp) : [];
        foreach (CspFinding finding in findings)
        {
            if (finding.Kind == CspFindingKind.Malformed)
            {
                throw new InvalidOperationException("Bastion: configuration key 'Bastion:Headers:ContentSecurityPolicy' cannot be sent: " + finding.Message + ".");
            }

            WeakPolicy(logger, finding.Message, null);
        }

        _current = Build(_configured, new SecurityHeadersAttribute());
    }

    /// <summary>
    /// Takes the values of <c>[assembly: SecurityHeaders]</c> (checked by the compiler) for headers the configuration
    /// does not set. Called by the generated <c>MapBastionEndpoints()</c>.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void UseAssemblyValues(
        IEndpointRouteBuilder endpoints, string? contentSecurityPolicy, string? frameOptions, string? referrerPolicy, string? permissionsPolicy, string? crossOriginOpenerPolicy)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        SecurityHeaders headers = endpoints.ServiceProvider.GetService<SecurityHeaders>()
            ?? throw new InvalidOperationException("Bastion: [assembly: SecurityHeaders] needs builder.AddBastion().");
        headers._current = Build(headers._configured, new SecurityHeadersAttribute
        {
            ContentSecurityPolicy = contentSecurityPolicy,
            FrameOptions = frameOptions,
            ReferrerPolicy = referrerPolicy,
            PermissionsPolicy = permissionsPolicy,
            CrossOriginOpenerPolicy = crossOriginOpenerPolicy,
        });
    }

    /// <summary>Sets the headers on <paramref name="context"/>'s response, keeping any already set (Vary is appended to).</summary>
    public void WriteHeaders(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Snapshot current = _current;
        IHeaderDictionary headers = context.Response.Headers;
        foreach (KeyValuePair<string, StringValues> header in current.Always)
        {
            headers.TryAdd(header.Key, header.Value);
        }

        if (!headers.TryAdd("Vary", Origin))
        {
            headers.Append("Vary", Origin);
        }

        if (context.Request.IsHttps && current.Hsts.Count > 0)
        {
            headers.TryAdd("Strict-Transport-Security", current.Hsts);
        }
    }

    private static Snapshot Build(BastionHeadersOptions configured, SecurityHeadersAttribute assembly)
    {
        var headers = new List<KeyValuePair<string, StringValues>>
        {
            new("X-Content-Type-Options", NoSniff),
            new("X-XSS-Protection", XssOff),
        };
        Add(headers, "Content-Security-Policy", configured.ContentSecurityPolicy ?? assembly.ContentSecurityPolicy ?? SecurityHeaderDefaults.ContentSecurityPolicy);
        Add(headers, "Permissions-Policy", configured.PermissionsPolicy ?? assembly.PermissionsPolicy ?? SecurityHeaderDefaults.PermissionsPolicy);
        Add(headers, "Referrer-Policy", configured.ReferrerPolicy ?? assembly.ReferrerPolicy ?? SecurityHeaderDefaults.ReferrerPolicy);
        Add(headers, "Cross-Origin-Opener-Policy", configured.CrossOriginOpenerPolicy ?? assembly.CrossOriginOpenerPolicy ?? SecurityHeaderDefaults.CrossOriginOpenerPolicy);
        Add(headers, "X-Frame-Options", configured.FrameOptions ?? assembly.FrameOptions ?? SecurityHeaderDefaults.FrameOptions);
        string hsts = configured.StrictTransportSecurity ?? SecurityHeaderDefaults.StrictTransportSecurity;
        CheckValue("Strict-Transport-Security", hsts);
        return new Snapshot(headers.ToArray(), string.IsNullOrWhiteSpace(hsts) ? StringValues.Empty : new StringValues(hsts));
    }

    private static void Add(List<KeyValuePair<string, StringValues>> headers, string name, string value)
    {
        CheckValue(name, value);
        if (!string.IsNullOrWhiteSpace(value))
        {
            headers.Add(new(name, new StringValues(value)));
        }
    }

    private static void CheckValue(string name, string value)
    {
        foreach (char c in value)
        {
            if (c is < ' ' or > '~')
            {
                throw new InvalidOperationException($"Bastion: the {name} value contains control or non-ASCII characters, which a header cannot carry.");
            }
        }
    }

    private sealed record Snapshot(KeyValuePair<string, StringValues>[] Always, StringValues Hsts);
}
