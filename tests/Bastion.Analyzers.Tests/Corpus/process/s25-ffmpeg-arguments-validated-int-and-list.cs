// family: process
// verdict: safe
// why: The watermark text is given to ffmpeg as a file of text (textfile=...) written by the server, so it never becomes a command-line word, and the video id is an int.
using System;
using System.Diagnostics;
using System.IO;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Processes.S25;

public sealed record WatermarkRequest(int VideoId, string Text);

[ApiController]
[Route("api/videos")]
public sealed class VideosController : ControllerBase
{
    [HttpPost("watermark")]
    public IActionResult Watermark(WatermarkRequest request)
    {
        string textFile = Path.Combine("/srv/tmp", Guid.NewGuid().ToString("N") + ".txt");
        System.IO.File.WriteAllText(textFile, request.Text);
        var psi = new ProcessStartInfo("/usr/bin/ffmpeg") { UseShellExecute = false };
        foreach (string arg in new[] { "-y", "-i", $"/srv/videos/{request.VideoId}.mp4", "-vf", $"drawtext=textfile={textFile}", $"/srv/videos/{request.VideoId}-wm.mp4" })
        {
            psi.ArgumentList.Add(arg);
        }

        using var ffmpeg = Process.Start(psi);
        return Accepted();
    }
}
