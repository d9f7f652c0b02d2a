using System.Linq;
using Bastion.Generators.Shared;

namespace Bastion.Generators.Sql;

/// <summary>The SQL feature's contribution to the security manifest: every statement as written.</summary>
internal static class SqlManifest
{
    private static readonly EquatableArray<string> Headers = new[] { "Method", "SQL (constant text)", "Parameters", "Identifiers" }.ToEquatableArray();

    public static ManifestRow Row(SqlMethodModel model) => new("SQL", Headers, new[]
    {
        model.Display,
        model.SqlAsWritten,
        model.Parameters.IsEmpty ? "none" : string.Join(", ", model.Parameters.Select(p => "@" + p.Placeholder + " " + p.DbType
            + (p.MaxLength > 0 ? "(" + p.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" : string.Empty)
            + (p.IsCollection ? (p.ListStyle == SqlListStyle.Any ? " array" : " list") : string.Empty))),
        model.Identifiers.IsEmpty ? "none" : string.Join(", ", model.Identifiers.Select(i => "{" + i.Placeholder + "}: " + string.Join("|", i.Choices.Select(c => c.Sql)))),
    }.ToEquatableArray());
}
