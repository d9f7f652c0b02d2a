using System.Linq;
using Bastion.Generators.Shared;

namespace Bastion.Generators.Commands;

/// <summary>The commands feature's contribution to the security manifest: one row per [SafeCommand] method.</summary>
internal static class CommandManifest
{
    private static readonly EquatableArray<string> Headers = new[]
    {
        "Method", "Command line (no shell)", "Argument checks", "Limits",
    }.ToEquatableArray();

    public static ManifestRow Row(CommandModel model)
    {
        string checks = model.Parameters.IsEmpty
            ? "none (fixed arguments)"
            : string.Join("; ", model.Parameters.Select(p => p.Name + ": max " + CommandParser.Int(p.MaxLength)
                + (p.Pattern is null ? string.Empty : ", pattern " + p.Pattern)
                + (p.AllowLeadingDash ? ", leading '-' allowed" : ", no leading '-'")));
        string limits = CommandParser.Int(model.TimeoutSeconds) + " s, " + CommandParser.Int(model.MaxOutputBytes) + " bytes per stream, environment: "
            + (model.Environment.IsEmpty ? "empty" : string.Join(" ", model.Environment));
        return new ManifestRow("Commands", Headers, new[]
        {
            model.ContainingTypeName + "." + model.MethodName,
            model.TemplateText,
            checks,
            limits,
        }.ToEquatableArray());
    }
}
