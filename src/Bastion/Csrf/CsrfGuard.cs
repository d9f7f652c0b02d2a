using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Bastion.Csrf;

/// <summary>
/// The check generated <see cref="CsrfProtectedAttribute"/> endpoints run before binding, following OWASP's
/// order: safe verbs pass; Fetch Metadata (<c>Sec-Fetch-Site</c>) first; without it, Origin (else Referer)
/// must equal a trusted origin exactly; neither header is refused; then the antiforgery token from the
/// <c>X-CSRF-TOKEN</c> header is validated (Data Protection keys, so instances sharing a key ring accept each
/// other's tokens). Refusals are 403 problem details naming the failed check, never the token.
/// </summary>
public static class CsrfGuard
{
    /// <summary>The request header carrying the token.</summary>
    public const string HeaderName = "X-CSRF-TOKEN";

    /// <summary>Null when the request may proceed, else the 403 to send.</summary>
    public static async ValueTask<IResult?> CheckAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        string method = httpContext.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
        {
            return null;
        }

        BastionCsrfOptions options = httpContext.RequestServices.GetRequiredService<IOptions<BastionCsrfOptions>>().Value;
        string? refusal = CheckOrigin(httpContext.Request, options);
        if (refusal is not null)
        {
            return Refuse(refusal);
        }

        IAntiforgery antiforgery = httpContext.RequestServices.GetRequiredService<IAntiforgery>();
        try
        {
            await antiforgery.ValidateRequestAsync(httpContext).ConfigureAwait(false);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return Refuse("The CSRF token is missing or invalid.");
        }
    }

    /// <summary>
    /// The header checks alone (no token): null when they pass, else why not. Allocation-free for the common
    /// cases (Sec-Fetch-Site present, or an Origin equal to a trusted origin).
    /// </summary>
    public static string? CheckOrigin(HttpRequest request, BastionCsrfOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        StringValues site = request.Headers["Sec-Fetch-Site"];
        if (site.Count > 1)
        {
            return "The Sec-Fetch-Site header was sent more than once.";
        }

        if (site.Count == 1)
        {
            return site[0] switch
            {
                "same-origin" or "none" => null,
                "same-site" when options.AllowSameSite => null,
                "same-site" => "Same-site requests from another origin are not accepted (Sec-Fetch-Site: same-site).",
                "cross-site" => "Cross-site requests are not accepted (Sec-Fetch-Site: cross-site).",
                _ => "The Sec-Fetch-Site header has an unknown value.",
            };
        }

        StringValues origin = request.Headers.Origin;
        if (origin.Count > 1)
        {
            return "The Origin header was sent more than once.";
        }

        if (origin.Count == 1)
        {
            return IsTrusted(origin[0].AsSpan(), request, options) ? null : "The request's Origin is not a trusted origin.";
        }

        StringValues referer = request.Headers.Referer;
        if (referer.Count == 1 && Uri.TryCreate(referer[0], UriKind.Absolute, out Uri? refererUri) && refererUri.Scheme is "http" or "https")
        {
            return IsTrusted(refererUri.GetLeftPart(UriPartial.Authority).AsSpan(), request, options) ? null : "The request's Referer is not from a trusted origin.";
        }

        return options.AllowMissingOriginHeaders ? null : "Unsafe requests need an Origin or Referer header (or Sec-Fetch-Site).";
    }

    private static bool IsTrusted(ReadOnlySpan<char> origin, HttpRequest request, BastionCsrfOptions options)
    {
        if (origin.SequenceEqual("null"))
        {
            return false;
        }

        if (options.TrustedOrigins.Count == 0)
        {
            // The request's own origin: scheme "://" host[:port], compared exactly (Host is what the browser sent).
            string scheme = request.Scheme;
            string host = request.Host.Value ?? string.Empty;
            return origin.Length == scheme.Length + 3 + host.Length
                   && origin.StartsWith(scheme, StringComparison.Ordinal)
                   && origin[scheme.Length..].StartsWith("://", StringComparison.Ordinal)
                   && origin[(scheme.Length + 3)..].Equals(host, StringComparison.OrdinalIgnoreCase);
        }

        foreach (string trusted in options.TrustedOrigins)
        {
            if (origin.Equals(trusted, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Refuse(string detail)
        => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);
}
