// family: process
// verdict: safe
// why: The value is checked by Bastion's SafeCommandRunner (no control characters, no leading dash, full-match pattern) and run without a shell after `--`.
using System;
using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Bastion.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.S16;

public static class DigEndpoints
{
    private static readonly Regex Domain = new("^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$", RegexOptions.CultureInvariant);

    public static void MapDig(this WebApplication app)
    {
        app.MapGet("/dns/{domain}", async (string domain, CancellationToken ct) =>
        {
            try
            {
                SafeCommandRunner.CheckArgument(domain, nameof(domain), maxLength: 253, allowLeadingDash: false);
                SafeCommandRunner.CheckPattern(domain, Domain, nameof(domain));
            }
            catch (CommandArgumentException)
            {
                return Results.BadRequest();
            }

            var psi = new ProcessStartInfo("/usr/bin/dig") { UseShellExecute = false };
            foreach (string arg in new[] { "+short", "--", domain })
            {
                psi.ArgumentList.Add(arg);
            }

            CommandResult result = await SafeCommandRunner.RunAsync(psi, TimeSpan.FromSeconds(5), 65536, ct);
            return Results.Text(result.StandardOutput);
        });
    }
}
