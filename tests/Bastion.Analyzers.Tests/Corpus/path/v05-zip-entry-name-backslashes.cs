// family: path
// verdict: vulnerable
// sink-line: 30
// why: ZipArchiveEntry.Name only strips folders separated the way the archive's platform does, so an entry made on Unix named `..\..\web.config` keeps its backslashes, which Windows treats as separators.
using System.IO;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Paths.V05;

[ApiController]
[Route("api/imports")]
public sealed class ImportController : ControllerBase
{
    [HttpPost]
    public IActionResult Import(IFormFileCollection files)
    {
        const string inbox = @"D:\imports\inbox";
        foreach (var file in files)
        {
            using var zip = new ZipArchive(file.OpenReadStream());
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                if (entry.Name.Length == 0)
                {
                    continue;
                }

                entry.ExtractToFile(Path.Combine(inbox, entry.Name), overwrite: true);
            }
        }

        return Ok();
    }
}
