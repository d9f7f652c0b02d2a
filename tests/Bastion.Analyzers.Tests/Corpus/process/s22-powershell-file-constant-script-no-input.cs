// family: process
// verdict: safe
// why: PowerShell runs a constant script file with constant parameters; the only request value, a numeric id, is checked and formatted as digits.
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.S22;

public static class MailboxEndpoints
{
    public static void MapMailbox(this WebApplication app)
    {
        app.MapPost("/mailboxes/{employeeId:long}/provision", (long employeeId) =>
        {
            if (employeeId <= 0)
            {
                return Results.BadRequest();
            }

            var psi = new ProcessStartInfo("pwsh") { UseShellExecute = false };
            psi.ArgumentList.Add("-NoProfile");
            psi.ArgumentList.Add("-File");
            psi.ArgumentList.Add("/opt/scripts/Provision-Mailbox.ps1");
            psi.ArgumentList.Add("-EmployeeId");
            psi.ArgumentList.Add(employeeId.ToString(CultureInfo.InvariantCulture));
            using var pwsh = Process.Start(psi)!;
            pwsh.WaitForExit();
            return Results.Accepted();
        });
    }
}
