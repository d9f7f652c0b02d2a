// family: xss
// verdict: vulnerable
// sink-line: 31
// why: The search term from Request.Query is appended raw into the results page built with a StringBuilder and served as text/html.
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V02;

public static class SearchEndpoints
{
    private static readonly string[] Articles = ["Getting started", "Pricing", "Security"];

    public static void MapSearch(this WebApplication app)
    {
        app.MapGet("/search", (HttpRequest request) =>
        {
            string term = request.Query["q"].ToString();
            var html = new StringBuilder("<html><body>");
            html.Append("<p>Results for <b>").Append(term).Append("</b></p><ul>");
            foreach (string article in Articles)
            {
                if (article.Contains(term, System.StringComparison.OrdinalIgnoreCase))
                {
                    html.Append("<li>").Append(article).Append("</li>");
                }
            }

            html.Append("</ul></body></html>");
            return TypedResults.Content(html.ToString(), "text/html");
        });
    }
}
