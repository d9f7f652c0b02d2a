// family: path
// verdict: safe
// why: The controller resolves the route value with Bastion's SafePathResolver and serves only a successful result's FullPath.
using Bastion.Paths;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Paths.S20;

[ApiController]
[Route("help")]
public sealed class HelpController : ControllerBase
{
    private static readonly SafePathResolver Pages = new("/srv/help-pages", new SafePathOptions { AllowedExtensions = [".html"] });

    [HttpGet("{*page}")]
    public IActionResult Page([FromRoute] string page)
    {
        SafePathResult result = Pages.Resolve(page);
        if (!result.Succeeded)
        {
            return StatusCode(result.StatusCode);
        }

        return PhysicalFile(result.Path.FullPath, "text/html");
    }
}
