// family: xss
// verdict: vulnerable
// sink-line: 21
// why: The invitation page template has its {{name}} placeholder replaced with the raw query value before being served as HTML.
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V13;

public static class InvitePages
{
    public static void MapInvite(this WebApplication app)
    {
        app.MapGet("/invite", async (HttpRequest request) =>
        {
            string template = await File.ReadAllTextAsync("templates/invite.html");
            string inviter = request.Query["from"].ToString();
            string html = template.Replace("{{name}}", inviter);
            return Results.Content(html, "text/html");
        });
    }
}
