// family: process
// verdict: safe
// why: The headless browser is a fixed program started without a shell, and the URL given to it is a constant prefix plus a page slug that must fully match [a-z0-9-]+.
using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.S23;

public static class SnapshotEndpoints
{
    private static readonly Regex Slug = new(@"\A[a-z0-9-]{1,80}\z");

    public static void MapSnapshots(this WebApplication app)
    {
        app.MapPost("/snapshots/{slug}", async (string slug) =>
        {
            if (!Slug.IsMatch(slug))
            {
                return Results.BadRequest();
            }

            var psi = new ProcessStartInfo("/usr/bin/chromium") { UseShellExecute = false };
            psi.ArgumentList.Add("--headless");
            psi.ArgumentList.Add("--screenshot=/srv/snapshots/" + slug + ".png");
            psi.ArgumentList.Add("https://docs.example.com/pages/" + slug);
            using var chromium = Process.Start(psi)!;
            await chromium.WaitForExitAsync();
            return Results.Ok();
        });
    }
}
