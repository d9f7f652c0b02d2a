namespace Bastion;

/// <summary>
/// How a <see cref="CsrfProtectedAttribute"/> endpoint tells a legitimate request from a forged one. All three modes
/// check the browser's own headers first (Fetch Metadata <c>Sec-Fetch-Site</c>, else <c>Origin</c>); they differ in
/// when an antiforgery token is required as well. See docs/csrf.md for what each stops and costs.
/// </summary>
public enum CsrfMode
{
    /// <summary>
    /// Tokenless (the default): <c>Sec-Fetch-Site: same-origin</c> or <c>none</c> passes; any other value passes only
    /// with a trusted <c>Origin</c>; without Fetch Metadata the <c>Origin</c> must be the request's own or a trusted
    /// origin. No token, no cookie, no Data Protection.
    /// </summary>
    Origin = 0,

    /// <summary>
    /// As <see cref="Origin"/>, and an antiforgery token is required whenever the request carries no
    /// <c>Sec-Fetch-Site</c> (browsers without Fetch Metadata, pages served over plain HTTP from a non-loopback host).
    /// </summary>
    Hybrid = 1,

    /// <summary>As <see cref="Origin"/>, and an antiforgery token is required on every unsafe request.</summary>
    Token = 2,
}
