// family: process
// verdict: vulnerable
// sink-line: 24
// why: The watermark text is appended to an ffmpeg argument string without quoting, so its spaces split into extra ffmpeg options and outputs.
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Processes.V27;

public sealed record WatermarkRequest(int VideoId, string Text);

[ApiController]
[Route("api/videos")]
public sealed class VideosController : ControllerBase
{
    [HttpPost("watermark")]
    public IActionResult Watermark(WatermarkRequest request)
    {
        var args = new StringBuilder();
        args.Append("-y -i /srv/videos/").Append(request.VideoId).Append(".mp4 ");
        args.Append("-vf drawtext=text=").Append(request.Text).Append(' ');
        args.Append("/srv/videos/").Append(request.VideoId).Append("-wm.mp4");
        using var ffmpeg = Process.Start("/usr/bin/ffmpeg", args.ToString());
        return Accepted();
    }
}
