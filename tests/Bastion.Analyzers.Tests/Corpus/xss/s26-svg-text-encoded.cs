// family: xss
// verdict: safe
// why: The initials are limited to two letters or digits before being placed in the SVG, so no markup can be formed.
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.S26;

public static class AvatarEndpoints
{
    public static void MapInitialsAvatar(this WebApplication app)
    {
        app.MapGet("/avatar.svg", (string initials) =>
        {
            string letters = new string(initials.Where(char.IsAsciiLetterOrDigit).Take(2).ToArray()).ToUpperInvariant();
            string svg = $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\"><rect width=\"64\" height=\"64\" fill=\"#36c\"/><text x=\"32\" y=\"40\" text-anchor=\"middle\" fill=\"#fff\">{letters}</text></svg>";
            return Results.Content(svg, "image/svg+xml");
        });
    }
}
