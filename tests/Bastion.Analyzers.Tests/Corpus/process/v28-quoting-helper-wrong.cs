// family: process
// verdict: vulnerable
// sink-line: 20
// why: The quoting helper wraps the value in double quotes without escaping, so a value containing `"` ends the quoting and the rest is parsed by cmd.exe.
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V28;

public static class ArchiveEndpoints
{
    private static string Quote(string value) => "\"" + value + "\"";

    public static void MapArchive(this WebApplication app)
    {
        app.MapPost("/archive", (string folder) =>
        {
            string arguments = "/c 7z a D:\\archives\\latest.7z " + Quote("D:\\data\\" + folder);
            using var process = Process.Start("cmd.exe", arguments);
            process.WaitForExit();
            return Results.Ok();
        });
    }
}
