using System.Collections.Generic;

namespace Bastion.Csrf;

/// <summary>How <see cref="CsrfGuard"/> decides; bound from the <c>Bastion:Csrf</c> configuration section by <c>AddBastion()</c>.</summary>
public sealed class BastionCsrfOptions
{
    /// <summary>
    /// Origins allowed to send unsafe requests, exactly as browsers serialize them (<c>https://app.example.com</c>,
    /// <c>http://127.0.0.1:5080</c>). Empty means the request's own origin (scheme and Host) only.
    /// </summary>
    public IList<string> TrustedOrigins { get; } = new List<string>();

    /// <summary>Accept <c>Sec-Fetch-Site: same-site</c> (a sibling subdomain) as well as same-origin (default false).</summary>
    public bool AllowSameSite { get; set; }

    /// <summary>Accept unsafe requests with neither Sec-Fetch-Site nor Origin nor Referer (non-browser clients; default false).</summary>
    public bool AllowMissingOriginHeaders { get; set; }

    /// <summary>
    /// Use a plain cookie name without Secure when the app is served over plain HTTP (local development). The
    /// default cookie is <c>__Host-bastion-csrf</c>: Secure, HttpOnly, SameSite=Strict, Path=/.
    /// </summary>
    public bool AllowInsecureCookie { get; set; }
}
