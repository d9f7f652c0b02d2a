// family: xss
// verdict: safe
// why: The row helper HTML-encodes both cells, so the filter value from the query is encoded before it reaches the table.
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.S19;

public static class InventoryPages
{
    public static void Map(WebApplication app) => app.MapGet("/inventory", Render);

    private static string Row(string label, string value) => $"<tr><th>{WebUtility.HtmlEncode(label)}</th><td>{WebUtility.HtmlEncode(value)}</td></tr>";

    public static IResult Render(string filter)
    {
        string table = "<table>" + Row("Filter", filter) + Row("Items", "42") + "</table>";
        return Results.Content(table, "text/html");
    }
}
