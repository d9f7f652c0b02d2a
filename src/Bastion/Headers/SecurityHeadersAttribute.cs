using System;

namespace Bastion;

/// <summary>
/// Security header values written at compile time. On the assembly: the app's values (configuration under
/// <c>Bastion:Headers</c> still wins). On a <c>[BastionEndpoints]</c> class or handler method: that endpoint's
/// response carries these values instead (for example a page a partner may frame). Null leaves a header as the app
/// sets it; an empty string removes it. A Content-Security-Policy literal is parsed by the compiler: script
/// injection allowances, a missing frame-ancestors or object-src, unknown or repeated directives are reported
/// (BAS1510–BAS1514).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SecurityHeadersAttribute : Attribute
{
    /// <summary>Content-Security-Policy.</summary>
    public string? ContentSecurityPolicy { get; set; }

    /// <summary>X-Frame-Options.</summary>
    public string? FrameOptions { get; set; }

    /// <summary>Referrer-Policy.</summary>
    public string? ReferrerPolicy { get; set; }

    /// <summary>Permissions-Policy.</summary>
    public string? PermissionsPolicy { get; set; }

    /// <summary>Cross-Origin-Opener-Policy.</summary>
    public string? CrossOriginOpenerPolicy { get; set; }
}
