// family: xss
// verdict: vulnerable
// sink-line: 18
// why: Replacing only `<` does not protect an attribute value: `" autofocus onfocus="alert(1)` needs no angle bracket.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V26;

public static class SearchBox
{
    public static void MapSearchBox(this WebApplication app)
    {
        app.MapGet("/search-box", (string? q) =>
        {
            string value = (q ?? "").Replace("<", "&lt;");
            string form = $"<form action=\"/search\"><input name=\"q\" value=\"{value}\"><button>Search</button></form>";
            return Results.Content(form, "text/html");
        });
    }
}
