using System.Collections.Generic;
using Bastion.Shared;

namespace Bastion.Headers;

/// <summary>
/// What makes a Content-Security-Policy weak or broken: script injection allowances ('unsafe-inline' without a
/// nonce or hash, 'unsafe-eval', any-host sources), framing left open, plugins, unknown or repeated directives,
/// characters a header cannot carry. The compiler applies the same rules to <see cref="SecurityHeadersAttribute"/> literals.
/// </summary>
public static class ContentSecurityPolicyChecks
{
    /// <summary>One sentence per weakness of <paramref name="policy"/>; empty for a policy without the known ones.</summary>
    public static IReadOnlyList<string> Weaknesses(string? policy)
    {
        var warnings = new List<string>();
        foreach (CspFinding finding in CspRules.Check(policy))
        {
            warnings.Add(finding.Message);
        }

        return warnings;
    }
}
