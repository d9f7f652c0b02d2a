using System;
using System.IO;
using System.Threading.Tasks;
using Bastion.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Bastion.Forms;

/// <summary>
/// Reads a form body the way every Bastion form endpoint does: <c>application/x-www-form-urlencoded</c> (UTF-8) or
/// <c>multipart/form-data</c> only (415 otherwise), with every cap of <see cref="FormBodyLimits"/> enforced while
/// reading (413, each naming the cap) and a malformed multipart body answered with 400, never an exception. Only the
/// fields and files the endpoint binds are kept; uploads are buffered in memory up to 64 KiB and in a temporary file
/// beyond, deleted when the response ends. Generated endpoints call it; hand-written endpoints may too.
/// </summary>
public static class FormBody
{
    /// <summary>The longest multipart boundary accepted (RFC 2046 allows 70 characters).</summary>
    public const int MaxBoundaryLength = 70;

    /// <summary>
    /// Reads the form. On success the form is also what <c>HttpRequest.Form</c> returns for the rest of the request
    /// (so the antiforgery token in the <c>__bastion_csrf</c> field is read from it, never from the body again).
    /// On failure the result carries the problem response to send.
    /// </summary>
    public static async ValueTask<FormBodyResult> ReadAsync(HttpContext httpContext, FormBodyLimits limits)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(limits);
        HttpRequest request = httpContext.Request;
        FormEncoding encoding = Classify(request.ContentType, out string? boundary);
        if (encoding == FormEncoding.None)
        {
            return new FormBodyResult(BastionProblems.UnsupportedFormMediaType());
        }

        if (encoding == FormEncoding.MultipartWithoutBoundary)
        {
            return new FormBodyResult(BastionProblems.MalformedForm());
        }

        if (request.ContentLength is long declared && declared > limits.MaxBodyBytes)
        {
            return new FormBodyResult(BastionProblems.PayloadTooLarge(limits.MaxBodyBytes));
        }

        // Bastion's own cap, enforced while reading; the server's limit for this request follows it (as for JSON bodies),
        // so the server-wide cap (Bastion:Limits:MaxRequestBodySize) neither cuts a larger declared cap short nor lets more in.
        JsonBody.SetServerBodyLimit(httpContext, limits.MaxBodyBytes);
        var body = new LengthLimitedStream(request.Body, limits.MaxBodyBytes);
        var reader = new FormBodyReader(httpContext, limits);
        IResult? problem;
        try
        {
            problem = encoding == FormEncoding.UrlEncoded
                ? await reader.ReadUrlEncodedAsync(body).ConfigureAwait(false)
                : await reader.ReadMultipartAsync(body, boundary!).ConfigureAwait(false);
        }
        catch (LengthLimitExceededException ex) when (ex.Stream == body)
        {
            problem = BastionProblems.PayloadTooLarge(limits.MaxBodyBytes);
        }
        catch (LengthLimitExceededException)
        {
            // Only the stream of the file being buffered has another cap.
            problem = BastionProblems.FileTooLarge(reader.FileBeingRead ?? string.Empty, limits.MaxFileBytes);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            problem = BastionProblems.PayloadTooLarge(limits.MaxBodyBytes);
        }
        catch (BadHttpRequestException)
        {
            // The server's own refusal of the request framing (a body shorter than its Content-Length, bad chunks).
            problem = BastionProblems.MalformedForm();
        }
        catch (InvalidDataException)
        {
            // The multipart reader's refusals: no closing boundary, part headers too long or too many, a bad line.
            problem = BastionProblems.MalformedForm();
        }
        catch (IOException)
        {
            // "Unexpected end of stream": the multipart body stops before its closing boundary.
            problem = BastionProblems.MalformedForm();
        }

        if (problem is not null)
        {
            return new FormBodyResult(problem);
        }

        IFormCollection form = reader.ToForm();
        httpContext.Features.Set<IFormFeature>(new FormFeature(form));
        return new FormBodyResult(form);
    }

    /// <summary>
    /// True for <c>application/x-www-form-urlencoded</c> with no charset or a UTF-8 one, and for
    /// <c>multipart/form-data</c> (with or without a usable boundary).
    /// </summary>
    public static bool IsForm(string? contentType) => Classify(contentType, out _) != FormEncoding.None;

    private static FormEncoding Classify(string? contentType, out string? boundary)
    {
        boundary = null;
        // What browsers send for a form without files, checked without parsing.
        if (string.Equals(contentType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return FormEncoding.UrlEncoded;
        }

        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? mediaType))
        {
            return FormEncoding.None;
        }

        if (mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            StringSegment charset = HeaderUtilities.RemoveQuotes(mediaType.Charset);
            return !charset.HasValue || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) ? FormEncoding.UrlEncoded : FormEncoding.None;
        }

        if (!mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return FormEncoding.None;
        }

        StringSegment value = HeaderUtilities.RemoveQuotes(mediaType.Boundary);
        if (StringSegment.IsNullOrEmpty(value) || value.Length > MaxBoundaryLength)
        {
            return FormEncoding.MultipartWithoutBoundary;
        }

        boundary = value.ToString();
        return FormEncoding.Multipart;
    }

    private enum FormEncoding
    {
        None,
        UrlEncoded,
        Multipart,
        MultipartWithoutBoundary,
    }
}
