using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Bastion.Csrf;

/// <summary>
/// The cross-origin check of one <see cref="CsrfProtectedAttribute"/> endpoint, built once when the endpoint is mapped
/// (mode, trusted origins, flags and token service resolved then, never per request). Safe verbs pass. For unsafe verbs:
/// <c>Sec-Fetch-Site: same-origin</c> or <c>none</c> passes; any other value passes only with a trusted <c>Origin</c>;
/// without Fetch Metadata the <c>Origin</c> (else the origin of <c>Referer</c>) must be the request's own or a trusted
/// one, <c>null</c> never; with none of them <see cref="BastionCsrfOptions.AllowMissingOriginHeaders"/> decides. Then
/// <see cref="CsrfMode.Token"/> always, and <see cref="CsrfMode.Hybrid"/> without Fetch Metadata, also require an
/// antiforgery token (<see cref="CsrfTokens"/>): in the <see cref="TokenHeaderName"/> header, or for a form endpoint in the
/// <see cref="TokenFieldName"/> field of the form it read. The header checks allocate nothing; a refusal is a 403 problem
/// naming the failed check, never the token.
/// </summary>
public sealed class CsrfCheck
{
    /// <summary>The request header carrying the antiforgery token in the token modes.</summary>
    public const string TokenHeaderName = "X-CSRF-TOKEN";

    /// <summary>
    /// The form field carrying the antiforgery token in the token modes, for HTML forms (which cannot set headers). Read
    /// only by form endpoints, from the form they read (<see cref="CheckFormTokenAsync"/>).
    /// </summary>
    public const string TokenFieldName = "__bastion_csrf";

    private readonly string[] _trustedOrigins;
    private readonly bool _allowSameSite;
    private readonly bool _allowMissingOriginHeaders;
    private readonly CsrfTokens? _tokens;

    private CsrfCheck(CsrfMode mode, string[] trustedOrigins, bool allowSameSite, bool allowMissingOriginHeaders, CsrfTokens? tokens)
    {
        Mode = mode;
        _trustedOrigins = trustedOrigins;
        _allowSameSite = allowSameSite;
        _allowMissingOriginHeaders = allowMissingOriginHeaders;
        _tokens = tokens;
    }

    /// <summary>The mode this check enforces.</summary>
    public CsrfMode Mode { get; }

    /// <summary>
    /// The check for one endpoint: <paramref name="pinned"/> when the attribute names a mode, else
    /// <c>Bastion:Csrf:Mode</c>. Fails at start-up, naming <paramref name="endpoint"/> and the setting, when the mode
    /// needs tokens and the app has no token support, or when the options are inconsistent.
    /// </summary>
    public static CsrfCheck ForEndpoint(IEndpointRouteBuilder endpoints, string endpoint, CsrfMode? pinned)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        IServiceProvider services = endpoints.ServiceProvider;
        BastionCsrfOptions options = services.GetService<IOptions<BastionCsrfOptions>>()?.Value
            ?? throw new InvalidOperationException($"Bastion: {endpoint} is [CsrfProtected] but builder.AddBastion() was not called.");
        CsrfMode mode = pinned ?? options.Mode;
        CsrfTokens? tokens = null;
        if (mode != CsrfMode.Origin)
        {
            tokens = services.GetService<CsrfTokens>() ?? throw new InvalidOperationException(pinned is null
                ? $"Bastion: Bastion:Csrf:Mode is {mode}, which needs antiforgery tokens, but this app has no token support ({endpoint}). Call builder.AddBastionCsrfTokens() after builder.AddBastion(), or use the tokenless Origin mode; see docs/csrf.md."
                : $"Bastion: {endpoint} is [CsrfProtected(CsrfMode.{mode})] but token support is not registered. Call builder.AddBastion() through the overload generated for this assembly (it registers tokens), or builder.AddBastionCsrfTokens().");
        }

        return Create(options, mode, tokens, "Bastion:Csrf");
    }

    /// <summary>A check with explicit options (hand-written endpoints, tests). <paramref name="tokens"/> is required unless <paramref name="mode"/> is Origin.</summary>
    public static CsrfCheck Create(BastionCsrfOptions options, CsrfMode mode, CsrfTokens? tokens = null)
        => Create(options, mode, tokens, nameof(BastionCsrfOptions));

    private static CsrfCheck Create(BastionCsrfOptions options, CsrfMode mode, CsrfTokens? tokens, string settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Bastion: not a CSRF mode; use Origin, Hybrid or Token.");
        }

        if (mode != CsrfMode.Origin && tokens is null)
        {
            throw new ArgumentNullException(nameof(tokens), $"Bastion: CSRF mode {mode} needs a token service.");
        }

        string[] trusted = new string[options.TrustedOrigins.Count];
        for (int i = 0; i < trusted.Length; i++)
        {
            string origin = options.TrustedOrigins[i];
            string? problem = Shared.OriginRules.Problem(origin);
            if (problem is not null)
            {
                throw new InvalidOperationException($"Bastion: {settings}:TrustedOrigins:{i} is not a valid origin: {problem}.");
            }

            trusted[i] = origin;
        }

        return new CsrfCheck(mode, trusted, options.AllowSameSite, options.AllowMissingOriginHeaders, mode == CsrfMode.Origin ? null : tokens);
    }

    /// <summary>
    /// Null when the request may proceed, else the 403 to send. Completes synchronously unless a token is validated. The
    /// token is read from the <see cref="TokenHeaderName"/> header only: without it the request is refused without reading
    /// the body (form endpoints use <see cref="CheckBeforeFormAsync"/> and <see cref="CheckFormTokenAsync"/> instead).
    /// </summary>
    public ValueTask<IResult?> CheckAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        HttpRequest request = httpContext.Request;
        if (CheckWithoutToken(request, out bool needsToken) is { } refusal)
        {
            return new ValueTask<IResult?>(refusal);
        }

        if (!needsToken)
        {
            return default;
        }

        // The token service would otherwise read a form body to look for the field, before the endpoint's own caps.
        return request.Headers[TokenHeaderName].Count == 0 ? new ValueTask<IResult?>(CsrfRefusal.InvalidToken) : _tokens!.ValidateAsync(httpContext);
    }

    /// <summary>
    /// The first half of the check of a form endpoint, before the form is read: the header checks (403), and the token when
    /// the mode needs one and it came in the <see cref="TokenHeaderName"/> header. A token expected but not in the header is
    /// left to <see cref="CheckFormTokenAsync"/>, which reads it from the <see cref="TokenFieldName"/> field of the form.
    /// </summary>
    public ValueTask<IResult?> CheckBeforeFormAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        HttpRequest request = httpContext.Request;
        if (CheckWithoutToken(request, out bool needsToken) is { } refusal)
        {
            return new ValueTask<IResult?>(refusal);
        }

        return needsToken && request.Headers[TokenHeaderName].Count > 0 ? _tokens!.ValidateAsync(httpContext) : default;
    }

    /// <summary>
    /// Everything but the token, shared by both entry points: safe methods pass; otherwise the Fetch Metadata and Origin
    /// checks (a refusal to send), and whether this mode still wants a token for this request.
    /// </summary>
    private CsrfRefusal? CheckWithoutToken(HttpRequest request, out bool needsToken)
    {
        needsToken = false;
        if (IsSafe(request.Method))
        {
            return null;
        }

        CsrfRefusal? refusal = CheckHeaders(request, out bool fetchMetadata);
        needsToken = refusal is null && NeedsToken(fetchMetadata);
        return refusal;
    }

    /// <summary>
    /// The second half of the check of a form endpoint, once <paramref name="form"/> was read (under the endpoint's caps):
    /// when the mode needs a token and none came in the header, the <see cref="TokenFieldName"/> field must hold a valid
    /// one (sent once). Null when the request may proceed, else the 403 to send.
    /// </summary>
    public ValueTask<IResult?> CheckFormTokenAsync(HttpContext httpContext, IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(form);
        HttpRequest request = httpContext.Request;
        bool fetchMetadata = request.Headers["Sec-Fetch-Site"].Count > 0;
        if (IsSafe(request.Method) || !NeedsToken(fetchMetadata) || request.Headers[TokenHeaderName].Count > 0)
        {
            return default;
        }

        if (form[TokenFieldName].Count != 1)
        {
            return new ValueTask<IResult?>(CsrfRefusal.InvalidToken);
        }

        // The token service reads the field through HttpRequest.Form: make sure that is this form, never the body again.
        if (httpContext.Features.Get<IFormFeature>()?.Form != form)
        {
            httpContext.Features.Set<IFormFeature>(new FormFeature(form));
        }

        return _tokens!.ValidateAsync(httpContext);
    }

    private bool NeedsToken(bool fetchMetadata) => _tokens is not null && !(Mode == CsrfMode.Hybrid && fetchMetadata);

    /// <summary>
    /// The header checks alone (no token): null when they pass, else the refusal. <paramref name="fetchMetadata"/> tells
    /// whether the request carried <c>Sec-Fetch-Site</c> (Hybrid asks for a token when it did not).
    /// </summary>
    public CsrfRefusal? CheckHeaders(HttpRequest request, out bool fetchMetadata)
    {
        ArgumentNullException.ThrowIfNull(request);
        StringValues site = request.Headers["Sec-Fetch-Site"];
        StringValues origin = request.Headers.Origin;
        fetchMetadata = site.Count > 0;
        if (site.Count > 1)
        {
            return CsrfRefusal.FetchMetadataTwice;
        }

        if (origin.Count > 1)
        {
            return CsrfRefusal.OriginTwice;
        }

        if (site.Count == 1)
        {
            string? value = site[0];
            if (value is "same-origin" or "none" || (value == "same-site" && _allowSameSite))
            {
                return null;
            }

            // A browser says the request comes from elsewhere: only a front end the app trusts may send it.
            return origin.Count == 1 && IsTrustedOrigin(origin[0]) ? null
                : value == "cross-site" ? CsrfRefusal.CrossSite
                : value == "same-site" ? CsrfRefusal.SameSite
                : CsrfRefusal.UnknownFetchMetadata;
        }

        if (origin.Count == 1)
        {
            string? value = origin[0];
            if (value == "null")
            {
                return CsrfRefusal.NullOrigin;
            }

            return IsOwnOrigin(value, request) || IsTrustedOrigin(value) ? null : CsrfRefusal.ForeignOrigin;
        }

        StringValues referer = request.Headers.Referer;
        if (referer.Count > 0)
        {
            ReadOnlySpan<char> refererOrigin = referer.Count == 1 ? OriginOfUrl(referer[0]) : default;
            return !refererOrigin.IsEmpty && (IsOwnOrigin(refererOrigin, request) || IsTrustedOrigin(refererOrigin)) ? null : CsrfRefusal.ForeignReferer;
        }

        return _allowMissingOriginHeaders ? null : CsrfRefusal.MissingHeaders;
    }

    private static bool IsSafe(string method)
        => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    private bool IsTrustedOrigin(ReadOnlySpan<char> origin)
    {
        foreach (string trusted in _trustedOrigins)
        {
            if (origin.SequenceEqual(trusted))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>http(s)://</c> followed by exactly the request's Host (host and port, case-insensitive). The scheme is not
    /// compared with the request's: behind a TLS-terminating proxy the app sees http for an https page, and one port
    /// does not serve both schemes.
    /// </summary>
    private static bool IsOwnOrigin(ReadOnlySpan<char> origin, HttpRequest request)
    {
        string? host = request.Host.Value;
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        ReadOnlySpan<char> authority = origin.StartsWith("https://", StringComparison.Ordinal) ? origin[8..]
            : origin.StartsWith("http://", StringComparison.Ordinal) ? origin[7..]
            : default;
        return !authority.IsEmpty && authority.Equals(host, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The <c>scheme://host[:port]</c> part of an absolute http(s) URL, or empty (userinfo, other schemes).</summary>
    private static ReadOnlySpan<char> OriginOfUrl(string? url)
    {
        ReadOnlySpan<char> span = url;
        int start = span.StartsWith("https://", StringComparison.Ordinal) ? 8 : span.StartsWith("http://", StringComparison.Ordinal) ? 7 : 0;
        if (start == 0)
        {
            return default;
        }

        int end = span[start..].IndexOfAny('/', '?', '#');
        ReadOnlySpan<char> origin = end < 0 ? span : span[..(start + end)];
        return origin.Length == start || origin[start..].Contains('@') ? default : origin;
    }
}
