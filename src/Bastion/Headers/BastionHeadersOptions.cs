namespace Bastion.Headers;

/// <summary>
/// The response headers <see cref="SecurityHeaders"/> writes, from the <c>Bastion:Headers</c>
/// configuration section. Empty values switch a header off.
/// </summary>
public sealed class BastionHeadersOptions
{
    /// <summary>Content-Security-Policy. The default allows only the app's own scripts, styles and images, no plugins and no framing.</summary>
    public string ContentSecurityPolicy { get; set; } = "default-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>Permissions-Policy: powerful features off unless listed.</summary>
    public string PermissionsPolicy { get; set; } = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /// <summary>Referrer-Policy.</summary>
    public string ReferrerPolicy { get; set; } = "strict-origin-when-cross-origin";

    /// <summary>Cross-Origin-Opener-Policy.</summary>
    public string CrossOriginOpenerPolicy { get; set; } = "same-origin";

    /// <summary>X-Frame-Options (for browsers without CSP frame-ancestors).</summary>
    public string FrameOptions { get; set; } = "DENY";

    /// <summary>Strict-Transport-Security, sent on HTTPS responses only: two years, subdomains included.</summary>
    public string StrictTransportSecurity { get; set; } = "max-age=63072000; includeSubDomains";
}
