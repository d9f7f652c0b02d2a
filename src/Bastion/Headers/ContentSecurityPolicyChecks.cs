using System;
using System.Collections.Generic;

namespace Bastion.Headers;

/// <summary>What makes a Content-Security-Policy weak: inline or eval'd script, plugins, framing left open.</summary>
public static class ContentSecurityPolicyChecks
{
    /// <summary>One sentence per weakness of <paramref name="policy"/>; empty for a policy without the known ones.</summary>
    public static IReadOnlyList<string> Weaknesses(string? policy)
    {
        var warnings = new List<string>();
        if (string.IsNullOrWhiteSpace(policy))
        {
            warnings.Add("no policy is set, so injected scripts run");
            return warnings;
        }

        var directives = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (string directive in policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] parts = directive.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            directives.TryAdd(parts[0], parts[1..]);
        }

        string[] script = directives.TryGetValue("script-src", out string[]? s) ? s : directives.TryGetValue("default-src", out string[]? d) ? d : [];
        if (Array.Exists(script, v => v.Equals("'unsafe-inline'", StringComparison.OrdinalIgnoreCase)))
        {
            warnings.Add("script-src allows 'unsafe-inline', so an injected <script> runs");
        }

        if (Array.Exists(script, v => v.Equals("'unsafe-eval'", StringComparison.OrdinalIgnoreCase)))
        {
            warnings.Add("script-src allows 'unsafe-eval'");
        }

        if (!directives.ContainsKey("frame-ancestors"))
        {
            warnings.Add("frame-ancestors is missing, so other sites may frame the app (clickjacking)");
        }

        if (!directives.ContainsKey("object-src") && !(directives.TryGetValue("default-src", out string[]? fallback) && Array.Exists(fallback, v => v == "'none'")))
        {
            warnings.Add("object-src is missing (plugins fall back to default-src); set object-src 'none'");
        }

        return warnings;
    }
}
