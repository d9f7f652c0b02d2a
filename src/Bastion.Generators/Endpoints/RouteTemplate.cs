using System;
using System.Collections.Generic;

namespace Bastion.Generators.Endpoints;

/// <summary>
/// Just enough of ASP.NET Core's route template grammar to find parameter names and refuse templates
/// that would fail at start-up: <c>{name}</c>, <c>{name:int}</c>, <c>{name?}</c>, <c>{*rest}</c>,
/// <c>{{</c>/<c>}}</c> for literal braces.
/// </summary>
internal static class RouteTemplate
{
    public static string Combine(string? prefix, string route)
    {
        string left = (prefix ?? string.Empty).TrimEnd('/');
        string right = route.Length == 0 || route[0] == '/' ? route : "/" + route;
        string combined = left + right;
        return combined.Length == 0 ? "/" : combined;
    }

    /// <summary>Reads parameter names (with whether each is optional). Returns an error message, or null.</summary>
    public static string? TryParse(string template, List<RouteParameter> parameters)
    {
        if (template.IndexOf('?') >= 0 && template.IndexOf('{') < 0)
        {
            return "a route cannot contain a query string";
        }

        for (int i = 0; i < template.Length; i++)
        {
            char c = template[i];
            if (char.IsControl(c))
            {
                return "control characters are not allowed";
            }

            if (c == '}')
            {
                if (i + 1 < template.Length && template[i + 1] == '}')
                {
                    i++;
                    continue;
                }

                return "'}' without a matching '{'";
            }

            if (c != '{')
            {
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                i++;
                continue;
            }

            int end = template.IndexOf('}', i + 1);
            if (end < 0)
            {
                return "'{' without a matching '}'";
            }

            string body = template.Substring(i + 1, end - i - 1);
            string? error = ReadParameter(body, parameters);
            if (error is not null)
            {
                return error;
            }

            i = end;
        }

        return null;
    }

    /// <summary>The template with parameter names and constraints erased, for duplicate detection.</summary>
    public static string Shape(string template)
    {
        var builder = new System.Text.StringBuilder(template.Length);
        for (int i = 0; i < template.Length; i++)
        {
            char c = template[i];
            if (c == '{' && !(i + 1 < template.Length && template[i + 1] == '{'))
            {
                int end = template.IndexOf('}', i + 1);
                if (end > i)
                {
                    builder.Append(template[i + 1] == '*' ? "{*}" : "{}");
                    i = end;
                    continue;
                }
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().TrimEnd('/');
    }

    private static string? ReadParameter(string body, List<RouteParameter> parameters)
    {
        string name = body.TrimStart('*');
        int cut = name.IndexOfAny([':', '=', '?']);
        bool optional = body.EndsWith("?", StringComparison.Ordinal) || body.IndexOf('=') >= 0;
        if (cut >= 0)
        {
            name = name.Substring(0, cut);
        }

        if (name.Length == 0)
        {
            return "a route parameter has no name";
        }

        foreach (char c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return "route parameter '" + name + "' has characters other than letters, digits and '_'";
            }
        }

        foreach (RouteParameter existing in parameters)
        {
            if (string.Equals(existing.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return "route parameter '" + name + "' appears twice";
            }
        }

        parameters.Add(new RouteParameter(name, optional || body.StartsWith("*", StringComparison.Ordinal)));
        return null;
    }
}

/// <summary>A parameter of a route template.</summary>
internal sealed record RouteParameter(string Name, bool IsOptional);
