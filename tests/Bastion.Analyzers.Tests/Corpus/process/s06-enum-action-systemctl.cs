// family: process
// verdict: safe
// why: The action is an enum mapped to constant systemctl verbs by a switch, and the unit name is a constant, so the request cannot add words.
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.S06;

public enum ServiceAction
{
    Status,
    Restart,
    Reload,
}

public static class ServiceEndpoints
{
    public static void MapService(this WebApplication app)
    {
        app.MapPost("/service/{action}", (ServiceAction action) =>
        {
            string verb = action switch
            {
                ServiceAction.Restart => "restart",
                ServiceAction.Reload => "reload",
                _ => "status",
            };
            var psi = new ProcessStartInfo("/usr/bin/systemctl") { UseShellExecute = false };
            psi.ArgumentList.Add(verb);
            psi.ArgumentList.Add("webapp.service");
            using var systemctl = Process.Start(psi)!;
            systemctl.WaitForExit();
            return Results.Ok(new { exitCode = systemctl.ExitCode });
        });
    }
}
