namespace Bastion.Headers;

/// <summary>
/// The response headers <see cref="SecurityHeaders"/> writes, from the <c>Bastion:Headers</c> configuration section.
/// Null (not configured) takes the value from <c>[assembly: SecurityHeaders]</c>, else <see cref="SecurityHeaderDefaults"/>;
/// an empty value switches a header off.
/// </summary>
public sealed class BastionHeadersOptions
{
    /// <summary>Content-Security-Policy; weaknesses are logged at start-up.</summary>
    public string? ContentSecurityPolicy { get; set; }

    /// <summary>Permissions-Policy.</summary>
    public string? PermissionsPolicy { get; set; }

    /// <summary>Referrer-Policy.</summary>
    public string? ReferrerPolicy { get; set; }

    /// <summary>Cross-Origin-Opener-Policy.</summary>
    public string? CrossOriginOpenerPolicy { get; set; }

    /// <summary>X-Frame-Options (for browsers without CSP frame-ancestors).</summary>
    public string? FrameOptions { get; set; }

    /// <summary>Strict-Transport-Security, sent on HTTPS responses only.</summary>
    public string? StrictTransportSecurity { get; set; }
}

/// <summary>The values Bastion sends when neither configuration nor <c>[assembly: SecurityHeaders]</c> sets a header.</summary>
public static class SecurityHeaderDefaults
{
    /// <summary>Only the app's own scripts, styles and images; no plugins, no framing, no foreign form targets.</summary>
    public const string ContentSecurityPolicy = "default-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>Powerful features off unless listed.</summary>
    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /// <summary>The origin only, and nothing when leaving HTTPS.</summary>
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>Cross-origin windows get no handle to this one.</summary>
    public const string CrossOriginOpenerPolicy = "same-origin";

    /// <summary>Never framed.</summary>
    public const string FrameOptions = "DENY";

    /// <summary>Two years, subdomains included.</summary>
    public const string StrictTransportSecurity = "max-age=63072000; includeSubDomains";
}
