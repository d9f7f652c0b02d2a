using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Bastion.Csrf;

/// <summary>
/// Why <see cref="CsrfCheck"/> refused a request: one shared instance per reason, so deciding allocates nothing; the
/// 403 problem details (title "Forbidden", this detail) are written when the result is executed.
/// </summary>
public sealed class CsrfRefusal : IResult
{
    internal static readonly CsrfRefusal FetchMetadataTwice = new("The Sec-Fetch-Site header was sent more than once.");
    internal static readonly CsrfRefusal OriginTwice = new("The Origin header was sent more than once.");
    internal static readonly CsrfRefusal CrossSite = new("Cross-site requests are accepted only from a trusted origin (Sec-Fetch-Site: cross-site).");
    internal static readonly CsrfRefusal SameSite = new("Requests from another origin of the same site are accepted only from a trusted origin (Sec-Fetch-Site: same-site).");
    internal static readonly CsrfRefusal UnknownFetchMetadata = new("The Sec-Fetch-Site header has a value this endpoint does not accept without a trusted origin.");
    internal static readonly CsrfRefusal NullOrigin = new("Requests with 'Origin: null' (sandboxed frames, file: pages, cross-origin redirects) are not accepted.");
    internal static readonly CsrfRefusal ForeignOrigin = new("The request's Origin is neither this site nor a trusted origin.");
    internal static readonly CsrfRefusal ForeignReferer = new("The request's Referer is neither from this site nor from a trusted origin.");
    internal static readonly CsrfRefusal MissingHeaders = new("Unsafe requests need a Sec-Fetch-Site, Origin or Referer header here.");

    /// <summary>The token is missing, malformed, or does not match its cookie (for <see cref="CsrfTokens"/> implementations).</summary>
    public static readonly CsrfRefusal InvalidToken = new("The CSRF token is missing or invalid.");

    private CsrfRefusal(string detail) => Detail = detail;

    /// <summary>The problem's <c>detail</c>: which check failed.</summary>
    public string Detail { get; }

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
        => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: Detail).ExecuteAsync(httpContext);
}
