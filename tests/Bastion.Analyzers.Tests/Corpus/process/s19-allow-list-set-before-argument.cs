// family: process
// verdict: safe
// why: The requested locale is accepted only when it equals one of a constant set of names, and it is passed as a single ArgumentList entry to a non-shell program.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.S19;

public static class LocaleEndpoints
{
    private static readonly HashSet<string> Locales = new(StringComparer.Ordinal) { "en_US.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8" };

    public static void MapLocale(this WebApplication app)
    {
        app.MapGet("/locale/{name}/date", (string name) =>
        {
            if (!Locales.Contains(name))
            {
                return Results.NotFound();
            }

            var psi = new ProcessStartInfo("/usr/bin/date") { RedirectStandardOutput = true, UseShellExecute = false };
            psi.ArgumentList.Add("+%A %d %B %Y");
            psi.Environment["LC_ALL"] = name;
            using var date = Process.Start(psi)!;
            return Results.Text(date.StandardOutput.ReadToEnd());
        });
    }
}
