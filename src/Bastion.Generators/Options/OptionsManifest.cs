using System.Linq;
using Bastion.Generators.Shared;

namespace Bastion.Generators.Options;

/// <summary>The options feature's contribution to the security manifest: each options type, its section and its secrets.</summary>
internal static class OptionsManifest
{
    private static readonly EquatableArray<string> Headers = new[] { "Options type", "Section", "Secrets (redacted, checked at start-up)", "Validated keys" }.ToEquatableArray();

    public static ManifestRow Row(OptionsClassModel model)
    {
        string secrets = string.Join(", ", model.Types.SelectMany(t => t.Secrets.Select(s => t.ShortName + "." + s.Name
            + (s.MinLength > 0 ? " min " + s.MinLength.ToString(System.Globalization.CultureInfo.InvariantCulture) + " chars" : string.Empty)
            + (s.MinBytes > 0 ? " min " + s.MinBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes" : string.Empty))));
        string validated = string.Join(", ", model.ValidatedTypes.SelectMany(t => t.Members.Where(m => !m.Rules.IsEmpty)
            .Select(m => t.TypeName.Substring(t.TypeName.LastIndexOf('.') + 1) + "." + m.Name + " " + string.Join(" ", m.Rules.Select(r => r.Kind.ToString())))));
        return new ManifestRow("Options", Headers, new[]
        {
            model.ClassName,
            model.Section,
            secrets.Length == 0 ? "none" : secrets,
            validated.Length == 0 ? "none" : validated,
        }.ToEquatableArray());
    }
}
