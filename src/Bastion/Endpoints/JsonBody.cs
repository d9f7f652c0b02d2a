using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Bastion.Endpoints;

/// <summary>
/// Reads a JSON request body the way every Bastion endpoint does: <c>application/json</c> (or
/// <c>+json</c>) in UTF-8 only, a hard byte cap enforced while reading, malformed JSON turned into a
/// 400 instead of an exception. Generated endpoints call it; hand-written endpoints may too.
/// </summary>
public static class JsonBody
{
    /// <summary>Default body cap: 1 MiB.</summary>
    public const long DefaultMaxBytes = 1024 * 1024;

    /// <summary>
    /// Sets the server's body limit for this request to an endpoint's declared cap (JSON and form bodies), while the server still allows it
    /// (before the body is read; a no-op on servers without the feature, such as the in-memory test server).
    /// </summary>
    internal static void SetServerBodyLimit(HttpContext httpContext, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }
    }

    /// <summary>
    /// Reads and deserializes the body. On failure the returned value carries the problem response
    /// to send (415, 413 or 400) and <see cref="JsonBodyResult{T}.Value"/> is not set.
    /// </summary>
    public static async ValueTask<JsonBodyResult<T>> ReadAsync<T>(HttpContext httpContext, JsonTypeInfo<T> typeInfo, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (maxBytes <= 0)
        {
            maxBytes = DefaultMaxBytes;
        }

        HttpRequest request = httpContext.Request;
        if (!IsUtf8Json(request.ContentType))
        {
            return new JsonBodyResult<T>(BastionProblems.UnsupportedMediaType());
        }

        if (request.ContentLength is long declared && declared > maxBytes)
        {
            return new JsonBodyResult<T>(BastionProblems.PayloadTooLarge(maxBytes));
        }

        if (request.ContentLength == 0)
        {
            return new JsonBodyResult<T>(BastionProblems.BodyRequired());
        }

        // Bastion's own cap, enforced while reading; the server's limit for this request follows it, so Kestrel's
        // server-wide cap (Bastion:Limits:MaxRequestBodySize) neither cuts a larger declared cap short nor lets more in.
        SetServerBodyLimit(httpContext, maxBytes);
        using var limited = new LengthLimitedStream(request.Body, maxBytes);
        T? value;
        try
        {
            value = await JsonSerializer.DeserializeAsync(limited, typeInfo, httpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (LengthLimitExceededException)
        {
            return new JsonBodyResult<T>(BastionProblems.PayloadTooLarge(maxBytes));
        }
        catch (JsonException ex) when (ex.InnerException is JsonException)
        {
            // The reader's own error (wrapped by the serializer): the text is not JSON at all.
            return new JsonBodyResult<T>(BastionProblems.MalformedJson(ex.Path, ex.LineNumber, ex.BytePositionInLine));
        }
        catch (JsonException ex)
        {
            // Well-formed JSON that does not fit the type: a string for a number, an array for an object, a number out of range.
            return new JsonBodyResult<T>(BastionProblems.JsonValueOfWrongType(ex.Path, ex.LineNumber, ex.BytePositionInLine));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new JsonBodyResult<T>(BastionProblems.PayloadTooLarge(maxBytes));
        }

        if (value is null)
        {
            return new JsonBodyResult<T>(BastionProblems.BodyRequired());
        }

        return new JsonBodyResult<T>(value);
    }

    /// <summary>
    /// True for <c>application/json</c> and <c>application/*+json</c> with no charset or a UTF-8 one.
    /// Everything else (notably <c>text/plain</c> and form posts, which browsers send cross-site
    /// without a preflight) is refused.
    /// </summary>
    public static bool IsUtf8Json(string? contentType)
    {
        // What browsers' fetch and HttpClient send, checked without parsing (no allocation).
        if (string.Equals(contentType, "application/json", StringComparison.OrdinalIgnoreCase)
            || string.Equals(contentType, "application/json; charset=utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? mediaType))
        {
            return false;
        }

        ReadOnlySpan<char> media = mediaType.MediaType.AsSpan();
        bool json = media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        if (!json)
        {
            return false;
        }

        var charset = mediaType.Charset;
        return !charset.HasValue
            || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("\"utf-8\"", StringComparison.OrdinalIgnoreCase);
    }
}
