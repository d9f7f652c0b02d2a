using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Bastion.Headers;

/// <summary>
/// Writes the security headers (<c>app.UseBastion()</c> does so on every response) from values computed once at start-up: no string is built
/// per request. <c>X-Content-Type-Options: nosniff</c> and <c>X-XSS-Protection: 0</c> are always sent (the old
/// <c>1; mode=block</c> enabled an auditor that could be abused to remove parts of a page; current browsers
/// have dropped it and the safe value is 0). Headers an endpoint sets itself are kept.
/// </summary>
public sealed class SecurityHeaders
{
    private static readonly StringValues NoSniff = new("nosniff");
    private static readonly StringValues XssOff = new("0");
    private static readonly Action<ILogger, string, Exception?> WeakPolicy = LoggerMessage.Define<string>(
        LogLevel.Warning, new EventId(1, "WeakContentSecurityPolicy"), "Bastion: Content-Security-Policy (Bastion:Headers:ContentSecurityPolicy): {Warning}");
    private readonly KeyValuePair<string, StringValues>[] _always;
    private readonly StringValues _hsts;

    /// <summary>Precomputes the header values and logs policy weaknesses once.</summary>
    public SecurityHeaders(IOptions<BastionHeadersOptions> options, ILogger<SecurityHeaders> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        BastionHeadersOptions value = options.Value;
        var headers = new List<KeyValuePair<string, StringValues>>
        {
            new("X-Content-Type-Options", NoSniff),
            new("X-XSS-Protection", XssOff),
        };
        Add(headers, "Content-Security-Policy", value.ContentSecurityPolicy);
        Add(headers, "Permissions-Policy", value.PermissionsPolicy);
        Add(headers, "Referrer-Policy", value.ReferrerPolicy);
        Add(headers, "Cross-Origin-Opener-Policy", value.CrossOriginOpenerPolicy);
        Add(headers, "X-Frame-Options", value.FrameOptions);
        _always = headers.ToArray();
        _hsts = string.IsNullOrWhiteSpace(value.StrictTransportSecurity) ? StringValues.Empty : new StringValues(value.StrictTransportSecurity);
        foreach (string warning in ContentSecurityPolicyChecks.Weaknesses(value.ContentSecurityPolicy))
        {
            WeakPolicy(logger, warning, null);
        }
    }

    /// <summary>Sets the headers on <paramref name="context"/>'s response, keeping any already set.</summary>
    public void WriteHeaders(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IHeaderDictionary headers = context.Response.Headers;
        foreach (KeyValuePair<string, StringValues> header in _always)
        {
            headers.TryAdd(header.Key, header.Value);
        }

        if (context.Request.IsHttps && _hsts.Count > 0)
        {
            headers.TryAdd("Strict-Transport-Security", _hsts);
        }
    }

    private static void Add(List<KeyValuePair<string, StringValues>> headers, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            headers.Add(new(name, new StringValues(value)));
        }
    }
}
