// Compiled into both Bastion (start-up checks of configured values) and Bastion.Generators (compile-time
// checks of attribute literals), so an origin or a policy is judged by one set of rules wherever it is written.
// Keep it netstandard2.0-clean: no spans, ranges or newer string overloads (hence the analyzer suggestions for
// those overloads are off in this file).
#pragma warning disable CA1864, CA1865, CA2249
using System;
using System.Collections.Generic;

namespace Bastion.Shared;

/// <summary>
/// Rules for serialized origins as browsers send them (Fetch standard): <c>scheme://host[:port]</c>, lower
/// case, no default port, nothing after the port. An <c>Origin</c> header is compared byte for byte.
/// </summary>
internal static class OriginRules
{
    private static readonly char[] PathStart = { '/', '?', '#' };

    /// <summary>Why <paramref name="origin"/> is not a serialized http(s) origin, or null when it is one. <c>*</c> is not an origin.</summary>
    public static string? Problem(string? origin)
    {
        if (origin is null || origin.Length == 0)
        {
            return "it is empty";
        }

        if (origin == "*")
        {
            return "'*' is a wildcard, not an origin";
        }

        if (origin == "null")
        {
            return "'null' is the origin of sandboxed frames, file: pages and cross-origin redirects, so any page can send it";
        }

        foreach (char c in origin)
        {
            if (c <= ' ' || c > '~')
            {
                return "it contains whitespace, control or non-ASCII characters (write an internationalized host in punycode, as browsers send it)";
            }
        }

        int schemeEnd = origin.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return "it has no scheme; write it as https://host[:port]";
        }

        string scheme = origin.Substring(0, schemeEnd);
        if (!string.Equals(scheme, "http", StringComparison.OrdinalIgnoreCase) && !string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase))
        {
            return "only http and https origins are supported";
        }

        if (!string.Equals(origin, origin.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return "browsers send origins in lower case, so an upper-case letter never matches";
        }

        string rest = origin.Substring(schemeEnd + 3);
        if (rest.IndexOf('@') >= 0)
        {
            return "an origin has no user info";
        }

        int slash = rest.IndexOfAny(PathStart);
        if (slash >= 0)
        {
            return slash == rest.Length - 1 && rest[slash] == '/'
                ? "an origin has no trailing slash"
                : "an origin has no path, query or fragment";
        }

        string host;
        string? port = null;
        if (rest.StartsWith("[", StringComparison.Ordinal))
        {
            int close = rest.IndexOf(']');
            if (close < 0)
            {
                return "the IPv6 host has no closing ']'";
            }

            host = rest.Substring(0, close + 1);
            if (close + 1 < rest.Length)
            {
                if (rest[close + 1] != ':')
                {
                    return "only a port may follow the host";
                }

                port = rest.Substring(close + 2);
            }

            for (int i = 1; i < host.Length - 1; i++)
            {
                char c = host[i];
                if (!(c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or ':' or '.'))
                {
                    return "the IPv6 host is malformed";
                }
            }
        }
        else
        {
            int colon = rest.IndexOf(':');
            host = colon < 0 ? rest : rest.Substring(0, colon);
            port = colon < 0 ? null : rest.Substring(colon + 1);
            if (host.IndexOf('*') >= 0)
            {
                return "wildcard hosts are not origins; list each origin";
            }

            foreach (char c in host)
            {
                if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.'))
                {
                    return "the host may contain only letters, digits, '-' and '.'";
                }
            }

            if (host.Length == 0 || host[0] is '.' or '-' || host[host.Length - 1] is '.' or '-')
            {
                return "the host is empty or starts or ends with '.' or '-'";
            }
        }

        if (port is null)
        {
            return null;
        }

        if (port.Length == 0 || port.Length > 5 || port[0] == '0')
        {
            return "the port must be a number from 1 to 65535 without leading zeros";
        }

        int number = 0;
        foreach (char c in port)
        {
            if (c is < '0' or > '9')
            {
                return "the port must be a number from 1 to 65535 without leading zeros";
            }

            number = (number * 10) + (c - '0');
        }

        if (number > 65535)
        {
            return "the port must be a number from 1 to 65535 without leading zeros";
        }

        bool https = scheme == "https";
        return (https && number == 443) || (!https && number == 80)
            ? "browsers omit the default port (" + number + " for " + scheme + "), so this never matches"
            : null;
    }

    /// <summary>True for a valid <c>http://</c> origin whose host is not loopback (traffic an on-path attacker can read and change).</summary>
    public static bool IsInsecure(string origin)
    {
        if (!origin.StartsWith("http://", StringComparison.Ordinal))
        {
            return false;
        }

        string rest = origin.Substring(7);
        int colon = rest.StartsWith("[", StringComparison.Ordinal) ? rest.IndexOf("]:", StringComparison.Ordinal) + 1 : rest.IndexOf(':');
        string host = colon > 0 ? rest.Substring(0, colon) : rest;
        return !(host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal) || host == "[::1]" || host.StartsWith("127.", StringComparison.Ordinal));
    }

    /// <summary>Why <paramref name="token"/> cannot be listed as an allowed CORS method or request header, or null.</summary>
    public static string? ListEntryProblem(string? token, bool method)
    {
        if (token is null || token.Length == 0)
        {
            return "it is empty";
        }

        if (token == "*")
        {
            return method
                ? "'*' would allow every method; list the methods the API accepts"
                : "'*' would allow every request header; list the headers the API reads";
        }

        foreach (char c in token)
        {
            bool tchar = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
                or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
            if (!tchar)
            {
                return "it is not an HTTP token (letters, digits and !#$%&'*+-.^_`|~ only)";
            }
        }

        return method && !string.Equals(token, token.ToUpperInvariant(), StringComparison.Ordinal)
            ? "methods are case-sensitive and browsers upper-case only the standard ones; write it in upper case"
            : null;
    }
}

/// <summary>What a Content-Security-Policy finding is about; the generator maps each kind to its own rule.</summary>
internal enum CspFindingKind
{
    /// <summary>The value cannot be sent as one policy (control characters, a comma, an empty directive name).</summary>
    Malformed,

    /// <summary>script-src (or default-src without it) lets injected script run.</summary>
    ScriptInjection,

    /// <summary>frame-ancestors is missing: clickjacking.</summary>
    MissingFrameAncestors,

    /// <summary>object-src is missing and default-src is not 'none': plugins.</summary>
    MissingObjectSrc,

    /// <summary>A directive browsers ignore: unknown name (a typo) or a repeated one.</summary>
    IgnoredDirective,
}

/// <summary>One weakness or mistake in a policy.</summary>
internal readonly struct CspFinding
{
    public CspFinding(CspFindingKind kind, string message)
    {
        Kind = kind;
        Message = message;
    }

    public CspFindingKind Kind { get; }

    public string Message { get; }
}

/// <summary>Parses a Content-Security-Policy the way CSP Level 3 does and names what makes it weak.</summary>
internal static class CspRules
{
    private static readonly char[] Whitespace = { ' ', '\t' };

    private static readonly HashSet<string> KnownDirectives = new HashSet<string>(StringComparer.Ordinal)
    {
        "default-src", "script-src", "script-src-elem", "script-src-attr", "style-src", "style-src-elem", "style-src-attr",
        "img-src", "font-src", "connect-src", "media-src", "object-src", "frame-src", "child-src", "worker-src", "manifest-src",
        "fenced-frame-src", "base-uri", "form-action", "frame-ancestors", "sandbox", "report-uri", "report-to",
        "upgrade-insecure-requests", "block-all-mixed-content", "require-trusted-types-for", "trusted-types", "webrtc",
    };

    public static List<CspFinding> Check(string? policy)
    {
        var findings = new List<CspFinding>();
        if (policy is null || policy.Trim().Length == 0)
        {
            findings.Add(new CspFinding(CspFindingKind.ScriptInjection, "no policy is set, so injected scripts run"));
            return findings;
        }

        foreach (char c in policy)
        {
            if (c < ' ' || c > '~')
            {
                findings.Add(new CspFinding(CspFindingKind.Malformed, "the policy contains control or non-ASCII characters, which a header value cannot carry"));
                return findings;
            }
        }

        if (policy.IndexOf(',') >= 0)
        {
            findings.Add(new CspFinding(CspFindingKind.Malformed, "a comma starts a second policy in the same header; separate directives with ';'"));
            return findings;
        }

        var directives = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (string raw in policy.Split(';'))
        {
            string[] tokens = raw.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0)
            {
                continue;
            }

            string name = tokens[0].ToLowerInvariant();
            string[] values = new string[tokens.Length - 1];
            Array.Copy(tokens, 1, values, 0, values.Length);
            if (!KnownDirectives.Contains(name))
            {
                findings.Add(new CspFinding(CspFindingKind.IgnoredDirective, "'" + tokens[0] + "' is not a CSP directive, so browsers ignore it"));
            }
            else if (directives.ContainsKey(name))
            {
                findings.Add(new CspFinding(CspFindingKind.IgnoredDirective, "'" + name + "' appears twice; browsers use the first and ignore the second"));
            }
            else
            {
                directives.Add(name, values);
            }
        }

        string scriptDirective = directives.ContainsKey("script-src") ? "script-src" : "default-src";
        directives.TryGetValue(scriptDirective, out string[]? script);
        if (script is null)
        {
            findings.Add(new CspFinding(CspFindingKind.ScriptInjection, "neither script-src nor default-src is set, so scripts load from anywhere"));
        }
        else
        {
            bool nonceOrHash = Array.Exists(script, v => v.StartsWith("'nonce-", StringComparison.OrdinalIgnoreCase) || v.StartsWith("'sha", StringComparison.OrdinalIgnoreCase));
            if (!nonceOrHash && Array.Exists(script, v => string.Equals(v, "'unsafe-inline'", StringComparison.OrdinalIgnoreCase)))
            {
                findings.Add(new CspFinding(CspFindingKind.ScriptInjection, scriptDirective + " allows 'unsafe-inline', so an injected <script> runs"));
            }

            if (Array.Exists(script, v => string.Equals(v, "'unsafe-eval'", StringComparison.OrdinalIgnoreCase)))
            {
                findings.Add(new CspFinding(CspFindingKind.ScriptInjection, scriptDirective + " allows 'unsafe-eval', so injected strings reach eval()"));
            }

            foreach (string v in script)
            {
                if (v == "*" || string.Equals(v, "data:", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "http:", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "https:", StringComparison.OrdinalIgnoreCase))
                {
                    findings.Add(new CspFinding(CspFindingKind.ScriptInjection, scriptDirective + " allows scripts from '" + v + "', which any attacker can host"));
                }
            }
        }

        if (!directives.ContainsKey("frame-ancestors"))
        {
            findings.Add(new CspFinding(CspFindingKind.MissingFrameAncestors, "frame-ancestors is missing, so other sites may frame the app (clickjacking); set frame-ancestors 'none' or list the framing origins"));
        }

        if (!directives.ContainsKey("object-src")
            && !(directives.TryGetValue("default-src", out string[]? fallback) && fallback is { Length: 1 } && fallback[0] == "'none'"))
        {
            findings.Add(new CspFinding(CspFindingKind.MissingObjectSrc, "object-src is missing (plugins fall back to default-src); set object-src 'none'"));
        }

        return findings;
    }
}
