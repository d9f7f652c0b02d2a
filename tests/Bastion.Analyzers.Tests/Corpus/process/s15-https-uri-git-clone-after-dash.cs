// family: process
// verdict: safe
// why: The URL must parse as an absolute https URI on an allowed host, and its normalized form is passed after `--` in ArgumentList to git, so it can be neither an option nor a shell word.
using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.S15;

public sealed record ImportRequest(string RepositoryUrl);

public static class ImportEndpoints
{
    public static void MapImport(this WebApplication app)
    {
        app.MapPost("/imports", async (ImportRequest request) =>
        {
            if (!Uri.TryCreate(request.RepositoryUrl, UriKind.Absolute, out Uri? url) || url.Scheme != Uri.UriSchemeHttps || url.Host is not ("github.com" or "gitlab.com"))
            {
                return Results.BadRequest("An https URL on github.com or gitlab.com is required.");
            }

            string target = Path.Combine("/srv/imports", Guid.NewGuid().ToString("N"));
            var psi = new ProcessStartInfo("/usr/bin/git") { UseShellExecute = false };
            foreach (string arg in new[] { "clone", "--depth=1", "--", url.AbsoluteUri, target })
            {
                psi.ArgumentList.Add(arg);
            }

            psi.Environment["GIT_TERMINAL_PROMPT"] = "0";
            using var git = Process.Start(psi)!;
            await git.WaitForExitAsync();
            return git.ExitCode == 0 ? Results.Accepted() : Results.UnprocessableEntity();
        });
    }
}
