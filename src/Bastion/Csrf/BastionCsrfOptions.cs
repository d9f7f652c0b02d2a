using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace Bastion.Csrf;

/// <summary>
/// How <see cref="CsrfCheck"/> decides; bound from the <c>Bastion:Csrf</c> configuration section by <c>AddBastion()</c>
/// and read once, when the endpoints are mapped.
/// </summary>
public sealed class BastionCsrfOptions
{
    /// <summary>The mode of <c>[CsrfProtected]</c> endpoints that do not pin one (default <see cref="CsrfMode.Origin"/>).</summary>
    public CsrfMode Mode { get; set; } = CsrfMode.Origin;

    /// <summary>
    /// Other origins allowed to send unsafe requests (a front end on another host), exactly as browsers serialize them
    /// (<c>https://app.example.com</c>, <c>http://127.0.0.1:5080</c>). The request's own origin is always allowed when
    /// the browser sends no Fetch Metadata.
    /// </summary>
    public IList<string> TrustedOrigins { get; } = new List<string>();

    /// <summary>
    /// Accept <c>Sec-Fetch-Site: same-site</c> (a sibling subdomain, another port) without a trusted Origin (default
    /// false; listing the sibling in <see cref="TrustedOrigins"/> is the narrower choice).
    /// </summary>
    public bool AllowSameSite { get; set; }

    /// <summary>
    /// Accept unsafe requests that carry none of <c>Sec-Fetch-Site</c>, <c>Origin</c> and <c>Referer</c> (default true).
    /// Browsers send <c>Sec-Fetch-Site</c> or <c>Origin</c> on every cross-origin unsafe request, so such a request comes
    /// from a client that is not a browser (curl, a service, a mobile app), which a forged page cannot drive. In
    /// <see cref="CsrfMode.Hybrid"/> and <see cref="CsrfMode.Token"/> it still needs a token. Set false to refuse them.
    /// </summary>
    public bool AllowMissingOriginHeaders { get; set; } = true;

    /// <summary>
    /// Token modes only: use a plain cookie name without Secure when the app is served over plain HTTP (local
    /// development). The default token cookie is <c>__Host-bastion-csrf</c>: Secure, HttpOnly, SameSite=Strict, Path=/.
    /// Read from configuration, the default is true in the Development environment and false elsewhere.
    /// </summary>
    public bool AllowInsecureCookie { get; set; }

    /// <summary>
    /// Reads <c>Bastion:Csrf</c>. A value that is not understood (an unknown mode, a flag that is not true/false, an
    /// origin not written as browsers send it) stops the app with a message naming the key. <paramref name="development"/>
    /// makes <see cref="AllowInsecureCookie"/> default to true, so the token modes work over plain HTTP on a developer's
    /// machine without a setting that could reach production.
    /// </summary>
    public static BastionCsrfOptions FromConfiguration(IConfigurationSection section, bool development = false)
    {
        ArgumentNullException.ThrowIfNull(section);
        var options = new BastionCsrfOptions
        {
            AllowSameSite = Flag(section, "AllowSameSite", false),
            AllowMissingOriginHeaders = Flag(section, "AllowMissingOriginHeaders", true),
            AllowInsecureCookie = Flag(section, "AllowInsecureCookie", development),
        };
        string? mode = section["Mode"];
        if (!string.IsNullOrEmpty(mode))
        {
            options.Mode = mode.Trim().ToUpperInvariant() switch
            {
                "ORIGIN" => CsrfMode.Origin,
                "HYBRID" => CsrfMode.Hybrid,
                "TOKEN" => CsrfMode.Token,
                _ => throw new InvalidOperationException($"Bastion: configuration key '{section.Path}:Mode' is not a CSRF mode. Use Origin (tokenless, the default), Hybrid or Token; see docs/csrf.md."),
            };
        }

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

    private static bool Flag(IConfigurationSection section, string key, bool defaultValue)
    {
        string? value = section[key];
        if (string.IsNullOrEmpty(value))
        {
            return defaultValue;
        }

        return bool.TryParse(value.Trim(), out bool flag)
            ? flag
            : throw new InvalidOperationException($"Bastion: configuration key '{section.Path}:{key}' must be true or false.");
    }
}
