using System;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Bastion.Endpoints;

/// <summary>
/// Parses route, query and header strings into handler parameter types with the invariant culture.
/// Generated endpoints call these; each is generic over the target type, so nothing is reflected.
/// </summary>
public static class RequestValues
{
    /// <summary>Parses any <see cref="IParsable{TSelf}"/> type (numbers, Guid, dates, ...).</summary>
    public static bool TryParse<T>(string? text, out T value) where T : IParsable<T>
    {
        if (text is null)
        {
            value = default!;
            return false;
        }

        return T.TryParse(text, CultureInfo.InvariantCulture, out value!);
    }

    /// <summary>Parses a defined enum member by name (case-insensitive); numbers, flag lists and undefined values are refused.</summary>
    public static bool TryParseEnum<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrEmpty(text) || !char.IsLetter(text[0]) || text.Contains(',', StringComparison.Ordinal))
        {
            return false;
        }

        return Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    /// <summary>Parses <c>true</c>/<c>false</c> (case-insensitive).</summary>
    public static bool TryParseBoolean(string? text, out bool value) => bool.TryParse(text, out value);

    /// <summary>The raw route value, or null when the route did not capture it.</summary>
    public static string? Route(HttpContext httpContext, string name)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return httpContext.Request.RouteValues.TryGetValue(name, out object? value) ? value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// The one value of a query parameter or header. A parameter sent more than once is refused
    /// (returns false) rather than silently picking one copy: parameter pollution is a classic way to
    /// slip a value past a check that read a different copy.
    /// </summary>
    public static bool TrySingle(StringValues values, out string? value)
    {
        switch (values.Count)
        {
            case 0:
                value = null;
                return true;
            case 1:
                value = values[0];
                return true;
            default:
                value = null;
                return false;
        }
    }
}
