// family: process
// verdict: vulnerable
// sink-line: 26
// why: The query value is URL-decoded again and then passed in a bash -c command, so `%3B` or `%24(...)` arrive as `;` and `$(...)`.
using System;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V29;

public static class WhoisEndpoints
{
    public static void MapWhois(this WebApplication app)
    {
        app.MapGet("/whois", (HttpContext context) =>
        {
            string domain = Uri.UnescapeDataString(context.Request.Query["domain"].ToString());
            if (domain.Contains(';'))
            {
                return Results.BadRequest();
            }

            var info = new ProcessStartInfo { FileName = "bash", RedirectStandardOutput = true };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("whois " + domain + " | head -n 40");
            using var whois = Process.Start(info)!;
            return Results.Text(whois.StandardOutput.ReadToEnd());
        });
    }
}
