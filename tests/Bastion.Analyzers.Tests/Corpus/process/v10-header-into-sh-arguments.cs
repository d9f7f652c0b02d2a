// family: process
// verdict: vulnerable
// sink-line: 21
// why: The User-Agent header, fully controlled by the client, is placed inside a `sh -c` logger command line.
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V10;

public static class AuditMiddleware
{
    public static void UseSyslogAudit(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            await next(context);
            string agent = context.Request.Headers.UserAgent.ToString();
            var psi = new ProcessStartInfo { FileName = "/bin/sh", UseShellExecute = false };
            psi.Arguments = "-c \"logger -t webapp 'request from " + agent + "'\"";
            using var logger = Process.Start(psi);
        });
    }
}
