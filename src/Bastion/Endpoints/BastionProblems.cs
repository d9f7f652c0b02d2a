using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Bastion.Endpoints;

/// <summary>
/// The RFC 9457 problem responses Bastion endpoints send. Messages are fixed text: nothing the
/// request sent is echoed back.
/// </summary>
public static class BastionProblems
{
    /// <summary>415: the body is not UTF-8 JSON.</summary>
    public static IResult UnsupportedMediaType() => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported Media Type",
        detail: "The request body must be JSON sent as 'Content-Type: application/json' in UTF-8.");

    /// <summary>415: the body of a form endpoint is not a form.</summary>
    public static IResult UnsupportedFormMediaType() => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported Media Type",
        detail: "The request body must be a form sent as 'Content-Type: application/x-www-form-urlencoded' (UTF-8) or 'multipart/form-data'.");

    /// <summary>400: a multipart body without a usable boundary, with a part that is not form data, or cut short.</summary>
    public static IResult MalformedForm() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Malformed form",
        detail: "The request body is not a well-formed form: a multipart body needs a boundary of at most 70 characters, "
            + "every part a 'Content-Disposition: form-data' header with a name, and a closing boundary.");

    /// <summary>413: the form has more fields (bound or not) than the endpoint accepts.</summary>
    public static IResult TooManyFormFields(int maxFields) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Too many form fields",
        detail: "The form has more than the " + maxFields.ToString(CultureInfo.InvariantCulture) + " fields this endpoint accepts.");

    /// <summary>413: a field name is longer than any this endpoint binds.</summary>
    public static IResult FormFieldNameTooLong(int maxLength) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Form field name too long",
        detail: "A form field name is longer than " + maxLength.ToString(CultureInfo.InvariantCulture) + " characters.");

    /// <summary>413: the value of bound field <paramref name="field"/> (a name the endpoint declares) is too long.</summary>
    public static IResult FormValueTooLong(string field, int maxLength) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Form value too long",
        detail: "The value of form field '" + field + "' is longer than the " + maxLength.ToString(CultureInfo.InvariantCulture) + " characters this endpoint accepts.");

    /// <summary>413: the file uploaded in field <paramref name="field"/> (a name the endpoint declares) is too large.</summary>
    public static IResult FileTooLarge(string field, long maxBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "File too large",
        detail: "The file in form field '" + field + "' is larger than the " + maxBytes.ToString(CultureInfo.InvariantCulture) + " bytes this endpoint accepts.");

    /// <summary>
    /// 503 with <c>Retry-After</c>: a dependency the request needs (database, key store, token keys) cannot be reached
    /// now; the request itself may be fine. <paramref name="detail"/> says what, never where or why (no host, no error).
    /// </summary>
    public static IResult ServiceUnavailable(HttpContext httpContext, string detail, int retryAfterSeconds = 1)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service Unavailable", detail: detail);
    }

    /// <summary>413: the body is larger than the endpoint accepts.</summary>
    public static IResult PayloadTooLarge(long maxBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Payload Too Large",
        detail: "The request body is larger than the " + maxBytes.ToString(CultureInfo.InvariantCulture) + " bytes this endpoint accepts.");

    /// <summary>400: the body is not well-formed JSON or does not fit the expected shape.</summary>
    public static IResult MalformedJson(string? path, long? line, long? bytePosition)
    {
        // A JSON path can contain property names the client sent; report it only when it is made of
        // plain identifier characters so nothing attacker-shaped is reflected.
        string where = IsPlainJsonPath(path) ? " at " + path : string.Empty;
        string position = line is long l && bytePosition is long b
            ? string.Create(CultureInfo.InvariantCulture, $" (line {l + 1}, byte {b + 1})")
            : string.Empty;
        return TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Malformed JSON",
            detail: "The request body is not valid JSON for this endpoint" + where + position + ".");
    }

    /// <summary>400: the body is well-formed JSON, but a value does not fit the expected type (a string for a number, an array for an object).</summary>
    public static IResult JsonValueOfWrongType(string? path, long? line, long? bytePosition)
    {
        string where = IsPlainJsonPath(path) ? " at " + path : string.Empty;
        string position = line is long l && bytePosition is long b
            ? string.Create(CultureInfo.InvariantCulture, $" (line {l + 1}, byte {b + 1})")
            : string.Empty;
        return TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "JSON value of the wrong type",
            detail: "The request body is valid JSON, but the value" + where + position + " is not of the type this endpoint expects.");
    }

    /// <summary>400: the body was the JSON literal <c>null</c> or empty.</summary>
    public static IResult BodyRequired() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Request body required",
        detail: "This endpoint needs a JSON object in the request body.");

    /// <summary>400 with the <c>errors</c> map collected by generated validation.</summary>
    public static IResult Validation(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors);

    /// <summary>
    /// A refused [SafePath] value: 404 when the file must exist and does not, otherwise 400 naming the
    /// parameter. Neither the value nor the server path is echoed.
    /// </summary>
    public static IResult InvalidPath(string name, Paths.SafePathResult result)
        => result.Rejection == Paths.PathRejection.NotFound
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No such file.")
            : TypedResults.ValidationProblem(new Dictionary<string, string[]>(1) { [name] = ["The path is not allowed."] });

    /// <summary>400: a route, query or header value could not be read as the declared type.</summary>
    public static IResult InvalidParameter(string name, string message)
        => TypedResults.ValidationProblem(new Dictionary<string, string[]>(1) { [name] = [message] });

    private static bool IsPlainJsonPath(string? path)
    {
        if (path is not { Length: > 0 and <= 256 })
        {
            return false;
        }

        foreach (char c in path)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '$' or '.' or '[' or ']' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
