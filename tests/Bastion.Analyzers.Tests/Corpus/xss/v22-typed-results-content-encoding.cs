// family: xss
// verdict: vulnerable
// sink-line: 19
// why: TypedResults.Content with text/html and an explicit encoding still writes the route's username into the page unencoded.
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Corpus.Xss.V22;

public static class PublicProfiles
{
    public static void MapProfiles(this WebApplication app)
    {
        app.MapGet("/u/{username}", ContentHttpResult (string username) =>
        {
            string html = $"<html><body><h1>@{username}</h1><p>This profile is private.</p></body></html>";
            return TypedResults.Content(html, "text/html", Encoding.UTF8);
        });
    }
}
