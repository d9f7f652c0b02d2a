using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Bastion.Csrf;

/// <summary>
/// Antiforgery tokens for <see cref="CsrfMode.Hybrid"/> and <see cref="CsrfMode.Token"/> endpoints. Registered only by
/// <c>builder.AddBastionCsrfTokens()</c> (which the generated <c>AddBastion()</c> calls when an endpoint is pinned to a
/// token mode), so an app whose endpoints are all tokenless does not link antiforgery or Data Protection.
/// </summary>
public abstract class CsrfTokens
{
    /// <summary>The path <c>UseBastion()</c> maps for issuing tokens when token support is registered.</summary>
    public const string TokenPath = "/bastion/csrf-token";

    /// <summary>
    /// Null when the request carries a valid token matching its cookie, in <see cref="CsrfCheck.TokenHeaderName"/> or else
    /// in the <see cref="CsrfCheck.TokenFieldName"/> field of the form already read into <c>HttpRequest.Form</c>; else the
    /// response to send: <see cref="CsrfRefusal.InvalidToken"/>, or a 500 problem naming a setting that cannot work.
    /// <see cref="CsrfCheck"/> calls it only once the token is known to be in one of those places.
    /// </summary>
    public abstract ValueTask<IResult?> ValidateAsync(HttpContext httpContext);

    /// <summary>
    /// For a server-rendered page: sets the token cookie when the request has none and returns the token to put in the
    /// page, as the value of a hidden <c>&lt;input name="__bastion_csrf"&gt;</c> in each form (<see cref="CsrfCheck.TokenFieldName"/>)
    /// or for a script to send in <see cref="CsrfCheck.TokenHeaderName"/>. The response must not be cached.
    /// </summary>
    /// <exception cref="System.InvalidOperationException">The cookie needs HTTPS and the request came over plain HTTP; the message names the setting.</exception>
    public abstract string IssueToken(HttpContext httpContext);

    /// <summary>
    /// Answers <c>GET /bastion/csrf-token</c>: sets the token cookie and writes
    /// <c>{"token": "...", "headerName": "X-CSRF-TOKEN", "fieldName": "__bastion_csrf"}</c>, not cacheable.
    /// </summary>
    public abstract Task WriteTokenAsync(HttpContext httpContext);
}
