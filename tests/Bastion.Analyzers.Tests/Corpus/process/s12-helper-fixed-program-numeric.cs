// family: process
// verdict: safe
// why: The helper always runs the same non-shell program with ArgumentList, and its only caller passes a port number bound as int and range-checked.
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.S12;

internal static class Ss
{
    public static string Listening(int port)
    {
        var psi = new ProcessStartInfo("/usr/bin/ss") { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-ltn");
        psi.ArgumentList.Add("sport = :" + port.ToString(CultureInfo.InvariantCulture));
        using var ss = Process.Start(psi)!;
        return ss.StandardOutput.ReadToEnd();
    }
}

public static class PortEndpoints
{
    public static void MapPorts(this WebApplication app)
    {
        app.MapGet("/ports/{port:int}", (int port) =>
            port is < 1 or > 65535 ? Results.BadRequest() : Results.Text(Ss.Listening(port)));
    }
}
