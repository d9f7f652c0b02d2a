// family: xss
// verdict: vulnerable
// sink-line: 24
// why: HTML-encoding the website URL keeps the attribute closed but leaves `javascript:alert(1)` intact, which runs when the link is clicked.
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Xss.V15;

public sealed class ProfileLinkRequest
{
    public string DisplayName { get; set; } = "";
    public string Website { get; set; } = "";
}

[Route("profile-card")]
public sealed class ProfileCardController : Controller
{
    [HttpGet]
    public IActionResult Card([FromQuery] ProfileLinkRequest profile)
    {
        HtmlEncoder encoder = HtmlEncoder.Default;
        string html = $"<div class=\"card\"><a href=\"{encoder.Encode(profile.Website)}\">{encoder.Encode(profile.DisplayName)}</a></div>";
        return Content(html, "text/html");
    }
}
