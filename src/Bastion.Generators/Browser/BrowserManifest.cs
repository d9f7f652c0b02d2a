using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bastion.Generators.Shared;

namespace Bastion.Generators.Browser;

/// <summary>The browser defences' contribution to the security manifest: every CORS policy and the app's header values as compiled.</summary>
internal static class BrowserManifest
{
    private static readonly EquatableArray<string> PolicyHeaders = new[] { "CORS policy", "Origins", "Methods", "Request headers", "Exposed headers", "Credentials", "Preflight cache" }.ToEquatableArray();
    private static readonly EquatableArray<string> HeaderHeaders = new[] { "Header", "Value (from [assembly: SecurityHeaders]; configuration may replace it)" }.ToEquatableArray();

    public static EquatableArray<ManifestRow> Rows(AssemblyBrowserModel model)
    {
        var rows = new List<ManifestRow>();
        foreach (CorsPolicyModel policy in model.Policies.OrderBy(p => p.Name, System.StringComparer.Ordinal))
        {
            rows.Add(new ManifestRow("CORS policies", PolicyHeaders, new[]
            {
                policy.Name,
                string.Join(", ", policy.Origins),
                string.Join(", ", policy.Methods),
                policy.Headers.IsEmpty ? "safelisted only" : string.Join(", ", policy.Headers),
                policy.ExposedHeaders.IsEmpty ? "none" : string.Join(", ", policy.ExposedHeaders),
                policy.AllowCredentials ? "yes" : "no",
                policy.MaxAgeSeconds == 0 ? "not sent" : policy.MaxAgeSeconds.ToString(CultureInfo.InvariantCulture) + " s",
            }.ToEquatableArray()));
        }

        foreach (HeaderValueModel header in model.Headers)
        {
            rows.Add(new ManifestRow("Security headers", HeaderHeaders, new[] { header.Name, header.Value.Length == 0 ? "(removed)" : header.Value }.ToEquatableArray()));
        }

        return rows.ToEquatableArray();
    }
}
