// family: xss
// verdict: vulnerable
// sink-line: 19
// why: The helper renders the query's filter value into a table cell without encoding, and the method-group handler returns the table as HTML.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V20;

public static class InventoryPages
{
    public static void Map(WebApplication app) => app.MapGet("/inventory", Render);

    private static string Row(string label, string value) => $"<tr><th>{label}</th><td>{value}</td></tr>";

    public static IResult Render(string filter)
    {
        string table = "<table>" + Row("Filter", filter) + Row("Items", "42") + "</table>";
        return Results.Content(table, "text/html");
    }
}
