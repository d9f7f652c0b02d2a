// family: xss
// verdict: vulnerable
// sink-line: 17
// why: The generated SVG embeds the query text unencoded, and an SVG opened directly is a document that runs `<script>` elements.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V29;

public static class AvatarEndpoints
{
    public static void MapInitialsAvatar(this WebApplication app)
    {
        app.MapGet("/avatar.svg", (string initials) =>
        {
            string svg = $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\"><rect width=\"64\" height=\"64\" fill=\"#36c\"/><text x=\"32\" y=\"40\" text-anchor=\"middle\" fill=\"#fff\">{initials}</text></svg>";
            return Results.Content(svg, "image/svg+xml");
        });
    }
}
