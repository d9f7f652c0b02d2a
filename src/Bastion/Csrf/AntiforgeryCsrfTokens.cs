using System;
using System.Buffers;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Bastion.Csrf;

/// <summary>
/// <see cref="CsrfTokens"/> over ASP.NET Core antiforgery (Data Protection), so instances sharing a key ring accept each
/// other's tokens. Antiforgery looks for the token in the header, then in <c>HttpRequest.Form</c>; <see cref="CsrfCheck"/>
/// calls it only when the header is there or a form endpoint has already read its form (so that form is the one seen). A token cookie that needs HTTPS requested over plain HTTP is a 500 problem naming the setting, not an
/// empty 500.
/// </summary>
internal sealed class AntiforgeryCsrfTokens(IAntiforgery antiforgery) : CsrfTokens
{
    private const string InsecureDetail = "The CSRF token cookie is Secure (__Host-bastion-csrf) and this request came over plain HTTP. Serve the app over HTTPS, or set Bastion:Csrf:AllowInsecureCookie=true for local development.";

    public override async ValueTask<IResult?> ValidateAsync(HttpContext httpContext)
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(httpContext).ConfigureAwait(false) ? null : CsrfRefusal.InvalidToken;
        }
        catch (InvalidOperationException) when (!httpContext.Request.IsHttps)
        {
            return InsecureProblem();
        }
    }

    public override string IssueToken(HttpContext httpContext)
    {
        try
        {
            return antiforgery.GetAndStoreTokens(httpContext).RequestToken!;
        }
        catch (InvalidOperationException ex) when (!httpContext.Request.IsHttps)
        {
            throw new InvalidOperationException("Bastion: " + InsecureDetail, ex);
        }
    }

    public override async Task WriteTokenAsync(HttpContext httpContext)
    {
        AntiforgeryTokenSet tokens;
        try
        {
            tokens = antiforgery.GetAndStoreTokens(httpContext);
        }
        catch (InvalidOperationException) when (!httpContext.Request.IsHttps)
        {
            await InsecureProblem().ExecuteAsync(httpContext).ConfigureAwait(false);
            return;
        }

        httpContext.Response.Headers.CacheControl = "no-store";
        httpContext.Response.ContentType = "application/json";
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("token", tokens.RequestToken);
            json.WriteString("headerName", CsrfCheck.TokenHeaderName);
            json.WriteString("fieldName", CsrfCheck.TokenFieldName);
            json.WriteEndObject();
        }

        await httpContext.Response.Body.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted).ConfigureAwait(false);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult InsecureProblem()
        => TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "CSRF token cookie needs HTTPS", detail: InsecureDetail);
}
