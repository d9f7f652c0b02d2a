// family: xss
// verdict: vulnerable
// sink-line: 21
// why: Removing <script> elements with a regex leaves event-handler attributes such as `<img src=x onerror=alert(1)>` untouched.
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V25;

public static class BioPreview
{
    private static string StripScripts(string html) => Regex.Replace(html, "<script.*?>.*?</script>", "", RegexOptions.IgnoreCase | RegexOptions.Singleline);

    public static void MapBioPreview(this WebApplication app)
    {
        app.MapPost("/bio/preview", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            string bio = StripScripts(form["bio"].ToString());
            return Results.Content("<section class=\"bio\">" + bio + "</section>", "text/html");
        });
    }
}
