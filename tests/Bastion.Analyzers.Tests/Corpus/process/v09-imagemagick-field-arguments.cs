// family: process
// verdict: vulnerable
// sink-line: 19
// why: The size option is stored in a field as part of an argument string for ImageMagick, so extra words such as `-write /var/www/x.php` become options.
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V09;

public sealed class Thumbnailer
{
    private string _arguments = "";

    public void Configure(string image, string size) => _arguments = $"/srv/images/{image}.png -resize {size} /srv/thumbs/{image}.png";

    public int Run()
    {
        using var convert = Process.Start("/usr/bin/convert", _arguments);
        convert.WaitForExit();
        return convert.ExitCode;
    }
}

public static class ThumbnailEndpoints
{
    public static void MapThumbnails(this WebApplication app)
    {
        app.MapPost("/thumbnails/{id:int}", (int id, string size, Thumbnailer thumbnailer) =>
        {
            thumbnailer.Configure(id.ToString(System.Globalization.CultureInfo.InvariantCulture), size);
            return thumbnailer.Run() == 0 ? Results.Ok() : Results.StatusCode(500);
        });
    }
}
