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
    /// Null when the request carries a valid token in <see cref="CsrfCheck.TokenHeaderName"/> matching its cookie; else
    /// the response to send: <see cref="CsrfRefusal.InvalidToken"/>, or a 500 problem naming a setting that cannot work.
    /// </summary>
    public abstract ValueTask<IResult?> ValidateAsync(HttpContext httpContext);

    /// <summary>
    /// Answers <c>GET /bastion/csrf-token</c>: sets the token cookie and writes
    /// <c>{"token": "...", "headerName": "X-CSRF-TOKEN"}</c>, not cacheable.
    /// </summary>
    public abstract Task WriteTokenAsync(HttpContext httpContext);
}
