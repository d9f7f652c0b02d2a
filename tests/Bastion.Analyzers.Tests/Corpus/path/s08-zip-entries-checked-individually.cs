// family: path
// verdict: safe
// why: Each entry's destination is normalized and must lie under the destination folder plus separator before ExtractToFile is called with that checked path.
using System;
using System.IO;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Paths.S08;

[ApiController]
[Route("api/imports")]
public sealed class ImportController : ControllerBase
{
    [HttpPost]
    public IActionResult Import(IFormFile file)
    {
        string destination = Path.GetFullPath("/srv/imports/inbox") + Path.DirectorySeparatorChar;
        using var zip = new ZipArchive(file.OpenReadStream());
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            string target = Path.GetFullPath(Path.Combine(destination, entry.FullName));
            if (!target.StartsWith(destination, StringComparison.Ordinal))
            {
                return BadRequest("Archive entry outside the destination.");
            }

            if (entry.FullName.EndsWith('/'))
            {
                Directory.CreateDirectory(target);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            entry.ExtractToFile(target, overwrite: true);
        }

        return Ok();
    }
}
