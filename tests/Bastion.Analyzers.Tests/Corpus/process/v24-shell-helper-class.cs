// family: process
// verdict: vulnerable
// sink-line: 15
// why: A generic Shell.Run helper runs its argument with bash -c, and the handler passes it a command containing the requested font name.
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V24;

internal static class Shell
{
    public static string Run(string commandLine)
    {
        using var bash = Process.Start(new ProcessStartInfo("/bin/bash", new[] { "-c", commandLine }) { RedirectStandardOutput = true })!;
        string output = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();
        return output;
    }
}

public static class FontEndpoints
{
    public static void MapFonts(this WebApplication app)
    {
        app.MapGet("/fonts/match", (string family) => Results.Text(Shell.Run("fc-match \"" + family + "\"")));
    }
}
