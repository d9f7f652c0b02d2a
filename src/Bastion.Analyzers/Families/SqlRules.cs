using Bastion.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace Bastion.Analyzers.Families;

/// <summary>
/// SQL injection (BAS1410): request data in the text of a command. Sinks: Dapper's Query*/Execute* and
/// CommandDefinition, any ADO.NET command constructor or CreateCommand(text), CommandText, Npgsql batch commands,
/// EF Core's raw SQL methods. Values passed as parameters never reach a sink.
/// </summary>
internal sealed class SqlRules : IFlowRules
{
    private static readonly Sink Sink = new(Rules.SqlFromRequest, Origin.Request, Safe.Sql);

    public void OnCall(CallSite site)
    {
        string? text = site.TypeName switch
        {
            "Dapper.SqlMapper" when site.Name.StartsWith("Query", System.StringComparison.Ordinal) || site.Name.StartsWith("Execute", System.StringComparison.Ordinal) => "sql",
            "Dapper.CommandDefinition" => "commandText",
            _ when site.Name is "FromSqlRaw" or "ExecuteSqlRaw" or "ExecuteSqlRawAsync" or "SqlQueryRaw" => "sql",
            _ when IsCommandType(site) => site.Ordinal("commandText") >= 0 ? "commandText" : "cmdText",
            _ => null,
        };
        if (text is null || site.Argument(text) is not { } value)
        {
            return;
        }

        Check(site.Flow, value, site.LocationOf(site.Ordinal(text)), site.Name == ".ctor" ? "new " + site.Method.ContainingType.Name : site.Method.ContainingType.Name + "." + site.Name);
    }

    private static bool IsCommandType(CallSite site)
    {
        if (site.Ordinal("commandText") < 0 && site.Ordinal("cmdText") < 0)
        {
            return false;
        }

        string ns = site.TypeName;
        return ns.StartsWith("System.Data", System.StringComparison.Ordinal) || ns.StartsWith("Npgsql", System.StringComparison.Ordinal)
               || ns.StartsWith("Microsoft.Data", System.StringComparison.Ordinal) || ns.StartsWith("MySql", System.StringComparison.Ordinal)
               || ns.StartsWith("Oracle", System.StringComparison.Ordinal);
    }

    public void OnPropertySet(BodyFlow flow, IPropertySymbol property, StateKey? instance, Value value, IOperation assignment)
    {
        if (property.Name == "CommandText" && (flow.Analysis.Names.IsOrInherits(property.ContainingType, "System.Data.IDbCommand")
                                               || property.ContainingType.Name.EndsWith("BatchCommand", System.StringComparison.Ordinal)))
        {
            Check(flow, value, assignment.Syntax.GetLocation(), property.ContainingType.Name + ".CommandText");
        }
    }

    public void OnReturn(BodyFlow flow, IOperation returned, Value value)
    {
    }

    private static void Check(BodyFlow flow, Value value, Location location, string sink) => flow.Check(Sink, value, location, sink, null);
}
