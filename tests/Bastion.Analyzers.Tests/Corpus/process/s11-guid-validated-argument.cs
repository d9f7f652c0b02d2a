// family: process
// verdict: safe
// why: The job id must parse as a Guid and only its canonical formatting is passed, in ArgumentList, to a fixed program.
using System;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.S11;

public static class JobEndpoints
{
    public static void MapJobs(this WebApplication app)
    {
        app.MapPost("/jobs/{id}/cancel", (string id) =>
        {
            if (!Guid.TryParse(id, out Guid jobId))
            {
                return Results.BadRequest();
            }

            var psi = new ProcessStartInfo("/opt/jobs/bin/jobctl") { UseShellExecute = false };
            psi.ArgumentList.Add("cancel");
            psi.ArgumentList.Add(jobId.ToString("D"));
            using var jobctl = Process.Start(psi)!;
            jobctl.WaitForExit();
            return Results.NoContent();
        });
    }
}
