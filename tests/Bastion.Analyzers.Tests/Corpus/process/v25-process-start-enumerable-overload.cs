// family: process
// verdict: vulnerable
// sink-line: 19
// why: Process.Start(file, arguments) with a list still hands sh a -c script built from the query value.
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V25;

public static class CertificateEndpoints
{
    public static void MapCertificates(this WebApplication app)
    {
        app.MapGet("/certificates/expiry", (HttpRequest request) =>
        {
            string server = request.Query["server"].ToString();
            string script = $"echo | openssl s_client -connect {server}:443 2>/dev/null | openssl x509 -noout -enddate";
            using var sh = Process.Start("/bin/sh", ["-c", script]);
            sh.WaitForExit();
            return Results.Ok();
        });
    }
}
