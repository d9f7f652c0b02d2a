// family: xss
// verdict: safe
// why: TypedResults.Text without a content type answers text/plain; the route value is never served as HTML.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Corpus.Xss.S22;

public static class PublicProfiles
{
    public static void MapProfiles(this WebApplication app)
    {
        app.MapGet("/u/{username}/plain", ContentHttpResult (string username) => TypedResults.Text($"@{username} has a private profile."));
    }
}
