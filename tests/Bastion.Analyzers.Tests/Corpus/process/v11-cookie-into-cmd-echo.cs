// family: process
// verdict: vulnerable
// sink-line: 18
// why: A cookie value is concatenated into a cmd.exe command, so `&` in the cookie runs another program.
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V11;

public static class PrinterEndpoints
{
    public static void MapPrinter(this WebApplication app)
    {
        app.MapPost("/print/test-page", (HttpContext context) =>
        {
            string printer = context.Request.Cookies["printer"] ?? "Default";
            using var p = Process.Start("cmd.exe", "/c rundll32 printui.dll,PrintUIEntry /k /n " + printer);
            p.WaitForExit();
            return Results.Accepted();
        });
    }
}
